import BroadsheetCore
import BroadsheetDocument

/// Writes a document tree as the plain text of an email: paragraphs wrapped at 72 columns,
/// lists with dashes and numbers, quotes with `>`, links as `text [n]` with the URLs collected
/// in `LinkReferences`, citations as `(source n)`, code blocks kept line for line.
struct PlainTextWriter<Embed: Sendable & Hashable> {
    /// Turns a root-relative or in-page URL into the absolute one a reader can open.
    let style: HTMLStyle
    /// The text of a component, as its own section.
    let renderEmbed: (Embed, inout LinkReferences) throws(Diagnostic) -> String

    private var blocks: [String] = []
    private var current = ""
    private var prefixes: [String] = []
    private var listCounters: [Int?] = []

    init(style: HTMLStyle, renderEmbed: @escaping (Embed, inout LinkReferences) throws(Diagnostic) -> String) {
        self.style = style
        self.renderEmbed = renderEmbed
    }

    /// The text of `body`; link numbers continue those already in `links`.
    static func text(
        _ body: [Block<Embed>], style: HTMLStyle, links: inout LinkReferences,
        renderEmbed: @escaping (Embed, inout LinkReferences) throws(Diagnostic) -> String
    ) throws(Diagnostic) -> String {
        var writer = PlainTextWriter(style: style, renderEmbed: renderEmbed)
        for block in body { try writer.write(block, tight: false, links: &links) }
        writer.flush()
        return writer.blocks.joined(separator: "\n\n")
    }

    // MARK: - Blocks

    private mutating func write(_ block: Block<Embed>, tight: Bool, links: inout LinkReferences) throws(Diagnostic) {
        switch block {
        case .paragraph(let inlines, _):
            if !tight { flush() }
            write(inlines, links: &links)
            if !tight { flush() }
        case .heading(let heading, _):
            flush()
            write(heading.content, links: &links)
            flush()
        case .blockQuote(let children, _):
            flush()
            prefixes.append("> ")
            for child in children { try write(child, tight: false, links: &links) }
            flush()
            if let index = prefixes.lastIndex(of: "> ") { prefixes.remove(at: index) }
        case .list(let list, _):
            flush()
            listCounters.append(list.isOrdered ? list.start - 1 : nil)
            for (index, item) in list.items.enumerated() {
                flush()
                if var counter = listCounters.last ?? nil {
                    counter += 1
                    listCounters[listCounters.count - 1] = counter
                    prefixes.append("\(counter). ")
                } else {
                    prefixes.append("- ")
                }
                if let checked = list.task(index) { current += checked ? "[x] " : "[ ] " }
                for child in item { try write(child, tight: list.isTight, links: &links) }
                flush()
            }
            flush()
            listCounters.removeLast()
        case .codeBlock(let code, _):
            flush()
            // Code keeps its lines: wrapping or joining them would change what it says.
            let lines =
                code.literal.hasSuffix("\n")
                ? code.literal.dropLast().split(separator: "\n", omittingEmptySubsequences: false)
                : code.literal.split(separator: "\n", omittingEmptySubsequences: false)
            blocks.append(lines.map { "    " + $0 }.joined(separator: "\n"))
        case .table(let table, _):
            flush()
            let prefix = prefixes.filter { $0 == "> " }.joined()
            blocks.append(
                Self.lines(of: table, links: &links, style: style).map { line in
                    String((prefix + line).reversed().drop(while: { $0 == " " }).reversed())
                }
                .joined(separator: "\n"))
        case .thematicBreak, .html:
            flush()
        case .embed(let embed, _):
            flush()
            let text = try renderEmbed(embed, &links)
            if !text.isEmpty { blocks.append(text) }
        }
    }

    // MARK: - Inlines

    private mutating func write(_ inlines: [Inline], links: inout LinkReferences) {
        for inline in inlines {
            switch inline {
            case .text(let text), .code(let text):
                current += text
            case .emphasis(let children), .strong(let children):
                write(children, links: &links)
            case .strikethrough(let children):
                // What was struck out stays readable, marked as the author marked it.
                current += "~~"
                write(children, links: &links)
                current += "~~"
            case .softBreak, .lineBreak:
                current += "\n"
            case .link(let link, let children):
                write(children, links: &links)
                let url = Self.readableURL(style.url(link.href))
                if !url.isEmpty, !url.hasPrefix("#"), url.hasPrefix("http") || url.hasPrefix("mailto:") {
                    current += " [\(links.number(for: url))]"
                }
            case .image(_, let alt):
                let text = Inline.plainText(of: alt)
                if !text.isEmpty { current += "[\(text)]" }
            case .citations(let marks):
                let numbers = marks.compactMap(\.number)
                if numbers.count == marks.count {
                    let list = numbers.map(String.init).joined(separator: ", ")
                    current += numbers.count > 1 ? " (sources \(list))" : " (source \(list))"
                } else {
                    // A text without References (an event summary) names its sources instead.
                    current += " (source: " + marks.map(\.publisher).joined(separator: "; ") + ")"
                }
            case .html:
                break
            }
        }
    }

    // MARK: - Tables

    /// A table as text: aligned columns when they fit in 72 characters, otherwise each row as
    /// `Header: value` lines, rows separated by blank lines.
    static func lines(of table: Table, links: inout LinkReferences, style: HTMLStyle) -> [String] {
        func text(_ inlines: [Inline]) -> String {
            var writer = PlainTextWriter(style: style) { (_, _) throws(Diagnostic) in "" }
            writer.write(inlines, links: &links)
            return writer.current.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
        }
        let header = table.header.map(text)
        let rows = table.rows.map { $0.map(text) }
        var widths = header.map(PlainText.columns)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], PlainText.columns(cell))
            }
        }
        widths = widths.map { max($0, 3) }
        let total = widths.reduce(0, +) + 3 * max(0, widths.count - 1)
        guard total <= PlainText.width else {
            return rows.enumerated().flatMap { index, row in
                (index > 0 ? [""] : []) + zip(header, row).map { $0.isEmpty ? $1 : "\($0): \($1)" }
            }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                let padding = String(repeating: " ", count: widths[index] - PlainText.columns(cell))
                return table.alignments[index] == .right ? padding + cell : cell + padding
            }.joined(separator: " | ")
        }
        return [line(header), widths.map { String(repeating: "-", count: $0) }.joined(separator: " | ")] + rows.map(line)
    }

    /// A URL as the reader copies it: percent-encoded where it must be, as in the HTML part.
    static func readableURL(_ url: String) -> String {
        CmarkEscaping.href(url).replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&#x27;", with: "'")
    }

    // MARK: - Paragraphs

    /// Ends the paragraph being collected: whitespace collapsed, wrapped under the current prefixes.
    private mutating func flush() {
        let text = current.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
        if !text.isEmpty { blocks.append(PlainText.wrap(text, prefix: prefixes.joined())) }
        current = ""
        prefixes.removeAll { $0.hasPrefix("- ") || $0.first?.isNumber == true }
    }
}
