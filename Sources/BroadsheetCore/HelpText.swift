/// Help text written in the source with hard line breaks, reflowed so that the argument
/// parser can wrap it to the reader's width (80 columns when the output is not a terminal)
/// without leaving ragged half-lines.
public enum HelpText {
    /// Joins the lines of each paragraph into one line; blank lines separate paragraphs, and
    /// lines that start with a space (examples, lists) are kept exactly as written.
    public static func reflow(_ text: String) -> String {
        var lines: [String] = []
        var paragraph: [String] = []
        func flush() {
            if !paragraph.isEmpty { lines.append(paragraph.joined(separator: " ")) }
            paragraph = []
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.isEmpty || line.hasPrefix(" ") {
                flush()
                lines.append(String(line))
            } else {
                paragraph.append(String(line))
            }
        }
        flush()
        return lines.joined(separator: "\n")
    }
}
