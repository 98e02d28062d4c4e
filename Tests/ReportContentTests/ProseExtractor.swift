/// Cuts a document down to the prose a reader sees, keeping every line (and column) in place.
///
/// What is not prose is replaced by spaces: fenced code blocks (components), link
/// destinations `(...)` after `]`, reference definitions, inline code, HTML comments and
/// tags, autolinks and bare URLs, and the numbers of ordered-list markers.
enum ProseExtractor {
    /// The prose of a Markdown body: one entry per line of `markdown`, in order.
    static func lines(ofMarkdown markdown: String) -> [String] {
        var state = State()
        return markdown.split(separator: "\n", omittingEmptySubsequences: false).map {
            state.prose(ofLine: Array($0.hasSuffix("\r") ? $0.dropLast() : $0))
        }
    }

    /// Inline Markdown (an event summary, a cell note) as prose.
    static func prose(ofInline markdown: String) -> String {
        var state = State()
        return markdown.split(separator: "\n", omittingEmptySubsequences: false)
            .map { state.prose(ofInline: Array($0)) }.joined(separator: "\n")
    }

    /// The `title:` and `summary:` values of a file's front matter, one entry per line of
    /// the file's first `lineCount` lines; every other line is empty.
    static func frontMatterLines(
        ofFile text: String, lineCount: Int, proseKeys: [String] = ["title:", "summary:"]
    ) -> [String] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).prefix(lineCount).map(String.init)
        var result: [String] = []
        var inProseKey = false
        for line in lines {
            if let key = proseKeys.first(where: { line.hasPrefix($0) }) {
                inProseKey = true
                result.append(String(repeating: " ", count: key.count) + line.dropFirst(key.count))
            } else if inProseKey && (line.first == " " || line.first == "\t") {
                result.append(line)
            } else {
                inProseKey = false
                result.append("")
            }
        }
        return result
    }

    /// What carries over from one line to the next.
    private struct State {
        /// The fence character and length of the open code block.
        var fence: (character: Character, length: Int)?
        var inComment = false

        mutating func prose(ofLine line: [Character]) -> String {
            let indent = line.prefix(while: { $0 == " " }).count
            let rest = line.dropFirst(indent)
            if let open = fence {
                let run = rest.prefix(while: { $0 == open.character }).count
                if indent <= 3 && run >= open.length && rest.dropFirst(run).allSatisfy(\.isWhitespace) { fence = nil }
                return blank(line.count)
            }
            if !inComment && indent <= 3, let first = rest.first, first == "`" || first == "~" {
                let run = rest.prefix(while: { $0 == first }).count
                if run >= 3 && !(first == "`" && rest.dropFirst(run).contains("`")) {
                    fence = (first, run)
                    return blank(line.count)
                }
            }
            if !inComment && indent <= 3 && isReferenceDefinition(rest) { return blank(line.count) }
            var masked = prose(ofInline: line)
            if !inComment { masked = maskListMarker(masked) }
            return masked
        }

        /// Blanks inline code, link destinations, comments, tags, autolinks and URLs.
        mutating func prose(ofInline line: [Character]) -> String {
            var out = line
            var index = 0
            func blankRange(_ range: Range<Int>) {
                for position in range where out[position] != "\t" { out[position] = " " }
            }
            while index < line.count {
                if inComment {
                    if let end = find("-->", in: line, from: index) {
                        blankRange(index..<end + 3)
                        index = end + 3
                        inComment = false
                    } else {
                        blankRange(index..<line.count)
                        index = line.count
                    }
                    continue
                }
                let char = line[index]
                if char == "\\" {
                    index += 2
                } else if starts(with: "<!--", in: line, at: index) {
                    inComment = true
                } else if char == "`" {
                    let run = line[index...].prefix(while: { $0 == "`" }).count
                    if let close = closingBackticks(run, in: line, from: index + run) {
                        blankRange(index..<close + run)
                        index = close + run
                    } else {
                        index += run
                    }
                } else if char == "]", index + 1 < line.count, line[index + 1] == "(" {
                    let end = closingParenthesis(in: line, from: index + 1)
                    blankRange(index + 1..<end)
                    index = end
                } else if char == "<", let end = tagEnd(in: line, from: index) {
                    blankRange(index..<end)
                    index = end
                } else if (index == 0 || !line[index - 1].isLetter)
                    && (starts(with: "http://", in: line, at: index) || starts(with: "https://", in: line, at: index)
                        || starts(with: "www.", in: line, at: index))
                {
                    var end = index
                    while end < line.count && !line[end].isWhitespace { end += 1 }
                    blankRange(index..<end)
                    index = end
                } else {
                    index += 1
                }
            }
            return String(out)
        }

        private func blank(_ count: Int) -> String { String(repeating: " ", count: count) }

        /// `1. ` or `2) ` at the start of a line (after indentation, `>` or `-`).
        private func maskListMarker(_ line: String) -> String {
            var chars = Array(line)
            var index = 0
            while index < chars.count && (chars[index] == " " || chars[index] == ">") { index += 1 }
            let start = index
            while index < chars.count && chars[index].isASCII && chars[index].isNumber { index += 1 }
            guard index > start, index - start <= 9, index < chars.count, chars[index] == "." || chars[index] == ")",
                index + 1 == chars.count || chars[index + 1] == " " || chars[index + 1] == "\t"
            else { return line }
            for position in start...index { chars[position] = " " }
            return String(chars)
        }

        private func isReferenceDefinition(_ rest: ArraySlice<Character>) -> Bool {
            guard rest.first == "[", let close = rest.firstIndex(of: "]"), close > rest.startIndex + 1 else {
                return false
            }
            let after = rest.index(after: close)
            return after < rest.endIndex && rest[after] == ":"
        }

        private func starts(with prefix: String, in line: [Character], at index: Int) -> Bool {
            let pattern = Array(prefix)
            return index + pattern.count <= line.count && Array(line[index..<index + pattern.count]) == pattern
        }

        private func find(_ text: String, in line: [Character], from start: Int) -> Int? {
            var index = start
            while index < line.count {
                if starts(with: text, in: line, at: index) { return index }
                index += 1
            }
            return nil
        }

        /// The start of the next run of exactly `length` backticks.
        private func closingBackticks(_ length: Int, in line: [Character], from start: Int) -> Int? {
            var index = start
            while index < line.count {
                guard line[index] == "`" else {
                    index += 1
                    continue
                }
                let run = line[index...].prefix(while: { $0 == "`" }).count
                if run == length { return index }
                index += run
            }
            return nil
        }

        /// The index after the `)` matching the `(` at `open` (nested parentheses, `<…>`, escapes);
        /// the end of the line when it is not closed there.
        private func closingParenthesis(in line: [Character], from open: Int) -> Int {
            var depth = 0
            var index = open
            var inAngle = false
            while index < line.count {
                let char = line[index]
                if char == "\\" {
                    index += 2
                    continue
                }
                if inAngle {
                    if char == ">" { inAngle = false }
                } else if char == "<" && index == open + 1 {
                    inAngle = true
                } else if char == "(" {
                    depth += 1
                } else if char == ")" {
                    depth -= 1
                    if depth == 0 { return index + 1 }
                }
                index += 1
            }
            return line.count
        }

        /// The index after an autolink `<scheme:…>` or an HTML tag (`<a …>`, `</p>`, `<!DOCTYPE>`)
        /// that closes on the same line.
        private func tagEnd(in line: [Character], from start: Int) -> Int? {
            var index = start + 1
            if index < line.count && (line[index] == "/" || line[index] == "!" || line[index] == "?") { index += 1 }
            guard index < line.count, line[index].isASCII, line[index].isLetter else { return nil }
            while index < line.count {
                if line[index] == ">" { return index + 1 }
                if line[index] == "<" { return nil }
                index += 1
            }
            return nil
        }
    }
}
