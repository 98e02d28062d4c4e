import BroadsheetDocument

/// Finds what GitHub users type that Broadsheet shows as written (footnotes, alerts,
/// `==highlight==`), so that it is reported instead of published as stray brackets.
enum UnsupportedSyntax {
    /// What a paragraph's text holds, in order, each with the text to find in the source.
    static func findings(in inlines: [Inline]) -> [(kind: MarkdownNotice.Kind, needle: String)] {
        var found: [(MarkdownNotice.Kind, String)] = []
        var highlighted = false
        for case .text(let text) in inlines where TextScan.mayHoldUnsupported(text) {
            let utf8 = Array(text.utf8)
            var index = 0
            while index + 1 < utf8.count {
                if utf8[index] == UInt8(ascii: "["), utf8[index + 1] == UInt8(ascii: "^") {
                    var end = index + 2
                    while end < utf8.count, utf8[end] != UInt8(ascii: "]"), utf8[end] != UInt8(ascii: " "),
                        utf8[end] != UInt8(ascii: "[")
                    {
                        end += 1
                    }
                    if end < utf8.count, utf8[end] == UInt8(ascii: "]"), end > index + 2 {
                        let label = String(decoding: utf8[(index + 2)..<end], as: UTF8.self)
                        found.append((.footnote(label), "[^" + label + "]"))
                        index = end + 1
                        continue
                    }
                }
                if !highlighted, isHighlightOpening(utf8, at: index),
                    utf8[(index + 3)...].indices.contains(where: { isHighlightClosing(utf8, at: $0) })
                {
                    highlighted = true
                    found.append((.highlight, "=="))
                }
                index += 1
            }
        }
        return found
    }

    /// `==` not part of a longer run, before a character that is not a space.
    private static func isHighlightOpening(_ utf8: [UInt8], at index: Int) -> Bool {
        index + 2 < utf8.count && utf8[index] == UInt8(ascii: "=") && utf8[index + 1] == UInt8(ascii: "=")
            && (index == 0 || utf8[index - 1] != UInt8(ascii: "=")) && !" =\n\t".utf8.contains(utf8[index + 2])
    }

    /// `==` not part of a longer run, after a character that is not a space.
    private static func isHighlightClosing(_ utf8: [UInt8], at index: Int) -> Bool {
        index + 1 < utf8.count && index > 0 && utf8[index] == UInt8(ascii: "=") && utf8[index + 1] == UInt8(ascii: "=")
            && !" =\n\t".utf8.contains(utf8[index - 1])
            && (index + 2 == utf8.count || utf8[index + 2] != UInt8(ascii: "="))
    }

    /// The alert type when a block quote's first paragraph starts with `[!NOTE]` and the like.
    static func alert(_ inlines: [Inline]) -> String? {
        guard case .text(let text)? = inlines.first, text.hasPrefix("[!"), let close = text.firstIndex(of: "]") else {
            return nil
        }
        let type = text[text.index(text.startIndex, offsetBy: 2)..<close]
        guard ["NOTE", "TIP", "IMPORTANT", "WARNING", "CAUTION"].contains(type.uppercased()) else { return nil }
        return String(type)
    }

    /// The line and character column of the `occurrence`-th (0-based) `needle` within `span`
    /// of `lines`, not counting any inside backtick code spans; nil when the author escaped it
    /// with a backslash (`\[^1]`), which says it is meant as written.
    static func locate(_ needle: String, occurrence: Int, span: SourceSpan, in lines: SourceLines) -> (Int, Int?)? {
        let needle = Array(needle.utf8)
        guard span.startLine >= 1, span.endLine <= lines.count, let first = needle.first else { return (span.startLine, nil) }
        var seen = 0
        var codeRun = 0
        for number in span.startLine...span.endLine {
            let line = lines[number]
            var index =
                number == span.startLine ? min(line.startIndex + max(0, span.startColumn - 1), line.endIndex) : line.startIndex
            while index < line.endIndex {
                if line[index] == UInt8(ascii: "`") {
                    var end = index
                    while end < line.endIndex && line[end] == UInt8(ascii: "`") { end += 1 }
                    codeRun = codeRun == 0 ? end - index : (codeRun == end - index ? 0 : codeRun)
                    index = end
                    continue
                }
                if codeRun == 0, line[index] == first, line.endIndex - index >= needle.count,
                    line[index..<index + needle.count].elementsEqual(needle)
                {
                    if seen == occurrence {
                        if index > line.startIndex && line[index - 1] == UInt8(ascii: "\\") { return nil }
                        return (number, String(decoding: line[line.startIndex..<index], as: UTF8.self).count + 1)
                    }
                    seen += 1
                    index += needle.count
                    continue
                }
                index += 1
            }
        }
        return (span.startLine, nil)
    }
}
