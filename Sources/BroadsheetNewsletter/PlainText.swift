import Foundation

/// Plain-text layout shared by the email's text part: column widths and wrapping.
enum PlainText {
    static let width = 72

    /// How many columns `text` takes in a monospaced font (CJK characters take two).
    static func columns(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 && $1.value <= 0xFFEF ? 2 : 1) }
    }

    /// Wraps `text` at `width` columns, indenting continuation lines under the prefix.
    static func wrap(_ text: String, prefix: String = "") -> String {
        let indent = String(repeating: " ", count: prefix.count)
        var lines: [String] = []
        var line = prefix
        var lineHasWord = false
        for word in text.split(separator: " ") {
            if lineHasWord && columns(line) + 1 + columns(String(word)) > width {
                lines.append(line)
                line = (prefix.hasPrefix(">") ? prefix : indent) + word
            } else {
                line += (lineHasWord ? " " : "") + word
            }
            lineHasWord = true
        }
        lines.append(line)
        return lines.joined(separator: "\n")
    }
}
