import Foundation

/// A mailbox: an address with an optional display name.
public struct EmailAddress: Sendable, Hashable, CustomStringConvertible {
    /// `local@domain`, as written (ASCII; internationalised addresses are not supported).
    public var address: String
    /// The name shown by mail programs.
    public var displayName: String?

    /// Parses `Name <local@domain>`, `"Name" <local@domain>` or `local@domain`; nil when invalid.
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasSuffix(">"), let open = trimmed.lastIndex(of: "<") {
            var name = String(trimmed[..<open]).trimmingCharacters(in: .whitespaces)
            if name.count >= 2 && name.hasPrefix("\"") && name.hasSuffix("\"") { name = String(name.dropFirst().dropLast()) }
            let address = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
            self.init(address: address, displayName: name.isEmpty ? nil : name)
        } else {
            self.init(address: trimmed, displayName: nil)
        }
    }

    /// An address and name; nil when the address is not valid.
    public init?(address: String, displayName: String? = nil) {
        guard Self.problem(with: address) == nil else { return nil }
        self.address = address
        let name = displayName?.trimmingCharacters(in: .whitespaces)
        self.displayName = (name?.isEmpty ?? true) ? nil : name
    }

    /// Why `address` cannot be used, or nil when it can.
    ///
    /// A pragmatic subset of RFC 5321/5322: dot-atom local part, a domain of letter-digit-hyphen
    /// labels with at least one dot, ASCII only, within the SMTP length limits.
    public static func problem(with address: String) -> String? {
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
        let atext = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~".utf8)
        guard local.first != ".", local.last != ".", !local.contains(".."),
            local.utf8.allSatisfy({ atext.contains($0) || $0 == UInt8(ascii: ".") })
        else { return "the part before @ has characters or dots an address cannot have" }
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

    /// The address in lower case, for recognising the same mailbox twice.
    public var normalized: String { address.lowercased() }

    /// The mailbox as a header value: the name quoted or RFC 2047-encoded as needed.
    public var headerValue: String {
        guard let name = displayName else { return address }
        if !EncodedWord.isPlain(name) { return "\(EncodedWord.encode(name)) <\(address)>" }
        let specials = Set("()<>[]:;@\\,.\"".utf8)
        if name.utf8.contains(where: specials.contains) {
            let escaped = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            return "\"\(escaped)\" <\(address)>"
        }
        return "\(name) <\(address)>"
    }

    /// The mailbox for people to read: `Name <address>`, not encoded.
    public var displayText: String { displayName.map { "\($0) <\(address)>" } ?? address }

    public var description: String { displayText }
}
