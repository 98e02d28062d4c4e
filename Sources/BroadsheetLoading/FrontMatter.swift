import BroadsheetCore
import BroadsheetYAML

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

    /// Splits `file` and parses its front matter; an empty front matter is an error with `emptyHint`.
    static func parse(_ file: SourceFile, emptyHint: String) -> Result<(split: Split, node: YAMLNode), Diagnostic> {
        let split: Split
        switch Self.split(file) {
        case .success(let value): split = value
        case .failure(let diagnostic): return .failure(diagnostic)
        }
        switch YAMLParser.parse(split.yaml, path: file.path, lineOffset: 1) {
        case .success(let node?): return .success((split, node))
        case .success(nil):
            return .failure(
                .error(at: SourceLocation(path: file.path, line: 1), "the front matter is empty", hint: emptyHint))
        case .failure(let diagnostic): return .failure(diagnostic)
        }
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
        // Scan line starts in UTF-8 for the closing `---` (or `...`) without splitting the whole file.
        let utf8 = text.utf8
        var lineStart = utf8.index(utf8.startIndex, offsetBy: 4, limitedBy: utf8.endIndex) ?? utf8.endIndex
        var lineNumber = 2
        let yamlStart = lineStart
        while lineStart < utf8.endIndex {
            let lineEnd = utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            let line = utf8[lineStart..<lineEnd]
            if line.elementsEqual("---".utf8) || line.elementsEqual("...".utf8) {
                let yaml = String(text[yamlStart..<lineStart].dropLast())
                let bodyStart = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd
                return .success(Split(yaml: yaml, body: String(text[bodyStart...]), bodyLineOffset: lineNumber))
            }
            guard lineEnd < utf8.endIndex else { break }
            lineStart = utf8.index(after: lineEnd)
            lineNumber += 1
        }
        return .failure(
            .error(
                at: SourceLocation(path: file.path, line: 1, column: 1),
                "the front matter that starts on line 1 is never closed",
                hint: "add a line containing only `---` after the last front-matter field"))
    }
}
