import Foundation

/// The syntax of values that go into an email header or an SMTP command — mailboxes
/// (`Name <local@domain>`), subjects, unsubscribe URLs, host names — checked the same way where
/// site.yaml and editions are loaded and where a message is written.
public enum MailHeaderSyntax {
    /// Splits `Name <local@domain>`, `"Name" <local@domain>` or `local@domain` into its display
    /// name and address, without checking either.
    public static func split(_ text: String) -> (displayName: String?, address: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasSuffix(">"), let open = trimmed.lastIndex(of: "<") else { return (nil, trimmed) }
        var name = String(trimmed[..<open]).trimmingCharacters(in: .whitespaces)
        if name.count >= 2 && name.hasPrefix("\"") && name.hasSuffix("\"") { name = String(name.dropFirst().dropLast()) }
        let address = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
        return (name.isEmpty ? nil : name, address)
    }

    /// Why `address` cannot be used, or nil when it can.
    ///
    /// A pragmatic subset of RFC 5321/5322: dot-atom local part, a domain of letter-digit-hyphen
    /// labels with at least one dot, ASCII only, within the SMTP length limits.
    public static func problem(withAddress address: String) -> String? {
        guard !address.isEmpty else { return "the address is empty" }
        guard address.utf8.allSatisfy({ $0 > 32 && $0 < 127 }) else {
            return "it contains spaces, control or non-ASCII characters"
        }
        guard address.utf8.count <= 254 else { return "it is longer than 254 characters" }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return parts.count < 2 ? "it has no @" : "it has more than one @" }
        let local = parts[0]
        let domain = parts[1].lowercased()
        guard !local.isEmpty, local.utf8.count <= 64 else { return "the part before @ is empty or longer than 64 characters" }
        guard isDotAtom(local) else { return "the part before @ has characters or dots an address cannot have" }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return "the domain '\(domain)' has no dot" }
        for label in labels {
            guard !label.isEmpty, label.count <= 63, label.first != "-", label.last != "-",
                label.utf8.allSatisfy({ ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 })
            else { return "the domain '\(domain)' is not a valid host name" }
        }
        guard let tld = labels.last, tld.count >= 2, tld.contains(where: \.isLetter) else {
            return "the domain '\(domain)' does not end in a top-level domain"
        }
        return nil
    }

    /// Why `text` cannot be the text of a header (a subject, a display name), or nil when it can.
    ///
    /// Any Unicode is fine (it is written as RFC 2047 encoded words); line breaks and other
    /// control characters are not, since they would end the header or hide in it.
    public static func problem(withHeaderText text: String) -> String? {
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A, 0x0D, 0x2028, 0x2029, 0x85:
                return "it contains a line break (\(TerminalText.escaped(String(scalar))))"
            case 0x09: continue
            case 0x00...0x1F, 0x7F...0x9F:
                return "it contains the control character \(TerminalText.escaped(String(scalar)))"
            default: continue
            }
        }
        return nil
    }

    /// Why `url` cannot be a `List-Unsubscribe` target, or nil when it can: an https or mailto
    /// URL of printable ASCII without spaces, quotes, angle brackets or commas, so that it cannot
    /// end the `<…>` around it and add a target of its own.
    public static func problem(withUnsubscribeURL url: String) -> String? {
        guard url.hasPrefix("https://") || url.hasPrefix("mailto:") else { return "it is not an https: or mailto: URL" }
        for byte in url.utf8 {
            switch byte {
            case 10, 13: return "it contains a line break"
            case 0..<32, 127: return "it contains a control character"
            case 128...: return "it contains non-ASCII characters (percent-encode them)"
            case UInt8(ascii: " "): return "it contains a space (write %20)"
            case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: ","):
                return "it contains '\(Character(Unicode.Scalar(byte)))', which could end the <…> around it (percent-encode it)"
            default: continue
            }
        }
        return nil
    }

    /// Why `name` cannot be a host name in an SMTP command (EHLO), or nil when it can.
    public static func problem(withHostName name: String) -> String? {
        guard !name.isEmpty, name.utf8.count <= 253 else { return "it is empty or longer than 253 characters" }
        let allowed = name.utf8.allSatisfy { byte in
            (byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90) || (byte >= 48 && byte <= 57)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":")
                || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]")
        }
        return allowed ? nil : "it may hold only letters, digits, '-', '.' (or an [IP address])"
    }

    /// True for RFC 5322 dot-atom text: atext characters, dots only between them.
    public static func isDotAtom(_ text: some StringProtocol) -> Bool {
        guard !text.isEmpty, text.first != ".", text.last != ".", !text.contains("..") else { return false }
        return text.utf8.allSatisfy { atext.contains($0) || $0 == UInt8(ascii: ".") }
    }

    private static let atext = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~".utf8)
}
