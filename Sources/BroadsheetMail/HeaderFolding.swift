/// Writes header fields within the recommended line length (RFC 5322 §2.2.3).
public enum HeaderFolding {
    /// `Name: value` with CRLF inserted before spaces so lines stay within 78 characters where
    /// possible; a single longer token is kept whole, up to 998.
    ///
    /// Folding only inserts CRLF before an existing space, so unfolding gives back `value`
    /// exactly (runs of spaces and a trailing space included). The value must already be
    /// encoded: printable ASCII and spaces only; anything else, or a token that does not fit in
    /// 998 characters, is an error.
    public static func fold(name: String, value: String) throws(MailHeaderError) -> String {
        for byte in value.utf8 where byte < 32 || byte > 126 {
            switch byte {
            case 10, 13: throw MailHeaderError(header: name, reason: "the value contains a line break")
            case 0..<32, 127: throw MailHeaderError(header: name, reason: "the value contains a control character")
            default: throw MailHeaderError(header: name, reason: "the value contains non-ASCII text that was not encoded")
            }
        }
        var lines: [String] = []
        var current = name + ":"
        var hasContent = false
        for token in value.split(separator: " ", omittingEmptySubsequences: false) {
            if !token.isEmpty && hasContent
                && current.utf8.count + 1 + token.utf8.count > BroadsheetMail.recommendedLineLength
            {
                lines.append(current)
                current = ""
            }
            current += " " + token
            if !token.isEmpty { hasContent = true }
        }
        lines.append(current)
        if let long = lines.first(where: { $0.utf8.count > BroadsheetMail.maximumLineLength }) {
            throw MailHeaderError(
                header: name,
                reason: "a part of \(long.utf8.count) characters cannot be folded within \(BroadsheetMail.maximumLineLength)")
        }
        return lines.joined(separator: "\r\n")
    }
}
