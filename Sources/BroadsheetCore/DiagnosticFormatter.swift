import Foundation

/// Prints diagnostics like a compiler: `path:line:column: error: message`, the offending
/// line with a caret under the column, and the hint.
///
/// Everything taken from the sources (paths, messages quoting content, source lines, hints) has
/// its control characters escaped, so content cannot send escape sequences to the terminal;
/// only the formatter's own colours are printed raw.
public struct DiagnosticFormatter: Sendable {
    /// The folder that diagnostic paths are relative to, used to show the offending line.
    public var root: URL?
    /// Whether to colour the severity with ANSI escapes (for terminals).
    public var colored: Bool

    /// Creates a formatter; with a root it quotes the source line of each diagnostic.
    public init(root: URL?, colored: Bool = false) {
        self.root = root
        self.colored = colored
    }

    /// The full report for a list of diagnostics, sorted by location.
    public func format(_ diagnostics: [Diagnostic]) -> String {
        var cache: [String: [Substring]] = [:]
        return diagnostics.sortedByLocation().map { format($0, lineCache: &cache) }.joined()
    }

    /// One diagnostic with its context lines, ending in a newline.
    public func format(_ diagnostic: Diagnostic) -> String {
        var cache: [String: [Substring]] = [:]
        return format(diagnostic, lineCache: &cache)
    }

    private func format(_ diagnostic: Diagnostic, lineCache: inout [String: [Substring]]) -> String {
        let severity = diagnostic.severity.rawValue
        let label: String
        if colored {
            let code = diagnostic.severity == .error ? "31" : "33"
            label = "\u{1B}[1;\(code)m\(severity):\u{1B}[0m"
        } else {
            label = "\(severity):"
        }
        let location = TerminalText.escaped(diagnostic.location.description)
        var text = "\(location): \(label) \(TerminalText.escaped(diagnostic.message))\n"
        if let line = diagnostic.location.line,
            let source = sourceLine(path: diagnostic.location.path, line: line, cache: &lineCache)
        {
            // Tabs become spaces and other control characters (NUL, ESC, C1) and bidi controls a
            // visible U+FFFD, one scalar each, so the caret stays under the column and the
            // terminal is neither driven nor made to reorder the line. A long line is cut to a
            // window around the caret.
            let scalars = source.unicodeScalars.map { scalar in
                scalar == "\t" ? " " : TerminalText.needsEscaping(scalar) ? "\u{FFFD}" : scalar
            }
            let excerpt = SourceExcerpt(scalars, column: diagnostic.location.column)
            text += "    \(excerpt.text)\n"
            if let offset = excerpt.caretOffset {
                text += "    " + String(repeating: " ", count: offset) + "^\n"
            }
        }
        if let hint = diagnostic.hint {
            text += "    hint: \(TerminalText.escaped(hint))\n"
        }
        return text
    }

    private func sourceLine(path: String, line: Int, cache: inout [String: [Substring]]) -> Substring? {
        guard let root else { return nil }
        if cache[path] == nil {
            let url = root.appendingPathComponent(path)
            guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
            let text = String(decoding: data, as: UTF8.self)
            // Lines end as SourceFile counts them: at \n, \r\n or \r only (not at U+2028 or NEL,
            // which Character.isNewline would also split at).
            cache[path] = SourceFile(path: path, text: text).text.split(separator: "\n", omittingEmptySubsequences: false)
        }
        guard let lines = cache[path], line >= 1, line <= lines.count else { return nil }
        return lines[line - 1]
    }
}
