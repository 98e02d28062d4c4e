/// Writes header fields within the recommended line length (RFC 5322 §2.2.3).
public enum HeaderFolding {
    /// `Name: value` with CRLF + space inserted at spaces so lines stay within 78
    /// characters where possible (a single longer token is kept whole, up to 998).
    public static func fold(name: String, value: String) -> String {
        var lines: [String] = []
        var current = name + ":"
        for token in value.split(separator: " ", omittingEmptySubsequences: true) {
            if current.count + 1 + token.count > BroadsheetMail.recommendedLineLength && current.count > name.count + 1 {
                lines.append(current)
                current = ""
            }
            current += " " + token
        }
        lines.append(current)
        return lines.joined(separator: "\r\n")
    }
}
