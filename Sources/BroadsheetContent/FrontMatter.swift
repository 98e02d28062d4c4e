import BroadsheetCore

/// Splits a Markdown file into its YAML front matter and body.
enum FrontMatter {
    struct Split {
        /// The YAML between the `---` lines.
        var yaml: String
        /// The Markdown after the closing `---`.
        var body: String
        /// How many lines precede the body (so body line 1 is file line `bodyLineOffset + 1`).
        var bodyLineOffset: Int
    }

    static func split(_ file: SourceFile) -> Result<Split, Diagnostic> {
        let text = file.text
        guard text.hasPrefix("---\n") || text == "---" else {
            return .failure(
                .error(
                    at: SourceLocation(path: file.path, line: 1, column: 1),
                    text.isEmpty ? "the file is empty" : "the file does not start with front matter",
                    hint: "start the file with a `---` line, then `title: …` and `date: …`, then another `---` line"))
        }
        var lineNumber = 1
        var yamlLines: [Substring] = []
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        lines.removeFirst()
        while let line = lines.first {
            lines.removeFirst()
            lineNumber += 1
            if line == "---" || line == "..." {
                let body = lines.joined(separator: "\n")
                return .success(Split(yaml: yamlLines.joined(separator: "\n"), body: body, bodyLineOffset: lineNumber))
            }
            yamlLines.append(line)
        }
        return .failure(
            .error(
                at: SourceLocation(path: file.path, line: 1, column: 1),
                "the front matter that starts on line 1 is never closed",
                hint: "add a line containing only `---` after the last front-matter field"))
    }
}
