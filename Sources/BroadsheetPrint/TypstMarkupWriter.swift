import BroadsheetContent
import BroadsheetCore
import BroadsheetDocument

/// Writes a document tree as Typst markup: one walk over `Block` and `Inline` with a `switch`
/// per node, as `HTMLWriter` and `PlainTextWriter` do for their outputs.
///
/// Headings get labels (`<h:slug:id>`) so cross-references can point at them; links into the
/// book become internal links with "see p. N"; links out become clickable, with the address
/// as a footnote for external sites; citations become superscript numbers linked to the
/// chapter's References. Components are drawn by the caller.
struct TypstMarkupWriter<Embed: Sendable & Hashable> {
    let book: PrintBook
    /// The slug of the part being written, for heading and reference labels.
    let slug: String
    /// Draws a component in place.
    let renderEmbed: (Embed) throws(Diagnostic) -> String

    /// The markup of `blocks`, separated by blank lines.
    func markup(_ blocks: [Block<Embed>]) throws(Diagnostic) -> String {
        var parts: [String] = []
        for block in blocks {
            let text = try markup(block)
            if !text.isEmpty { parts.append(text) }
        }
        return parts.joined(separator: "\n\n")
    }

    // MARK: - Blocks

    private func markup(_ block: Block<Embed>) throws(Diagnostic) -> String {
        switch block {
        case .paragraph(let inlines, _):
            return markup(inlines)
        case .heading(let heading, _):
            // The part's title is the only level 1: a document's `#` and `##` both become level 2.
            let level = max(heading.level, 2)
            let label = heading.id.isEmpty ? "" : " " + TypstText.label("h", slug, heading.id)
            return String(repeating: "=", count: level) + " " + markup(heading.content) + label
        case .blockQuote(let children, _):
            return "#quote(block: true)[\n" + (try markup(children)) + "\n]"
        case .list(let list, _):
            var items: [String] = []
            for (index, item) in list.items.enumerated() {
                let box = list.task(index).map { Self.checkbox($0) + " " } ?? ""
                items.append("[" + box + (try markup(item)) + "]")
            }
            let function = list.isOrdered ? "enum" : "list"
            let start = list.isOrdered && list.start != 1 ? "start: \(list.start), " : ""
            return "#\(function)(\(start)tight: \(list.isTight),\n" + items.joined(separator: ",\n") + ",\n)"
        case .codeBlock(let code, _):
            let language = code.language.isEmpty ? "" : "lang: \(TypstText.string(code.language)), "
            return "#raw(block: true, \(language)\(TypstText.string(code.literal)))"
        case .table(let table, _):
            return markup(table)
        case .thematicBreak:
            return "#align(center, line(length: 30%, stroke: 0.5pt + luma(60%)))"
        case .html:
            // Raw HTML has no print form: the website shows it, the print edition leaves it out.
            return ""
        case .embed(let embed, _):
            return try renderEmbed(embed)
        }
    }

    /// A task list item's box, drawn (fonts may lack ☐ and ☑), crossed when ticked.
    static func checkbox(_ checked: Bool) -> String {
        let cross =
            checked
            ? ", place(line(start: (0%, 0%), end: (100%, 100%), stroke: 0.6pt)) + place(line(start: (0%, 100%), end: (100%, 0%), stroke: 0.6pt))"
            : ""
        return "#box(width: 0.7em, height: 0.7em, stroke: 0.6pt, baseline: 0.05em\(cross))"
    }

    /// A pipe table as a Typst table: the header repeated on each page it breaks across,
    /// the columns aligned as the delimiter row says (left when it says nothing).
    private func markup(_ table: Table) -> String {
        let alignments = table.alignments.map { $0 == .none ? "left" : $0.rawValue }
        let header = table.header.map { "[#strong[" + markup($0) + "]]" }.joined(separator: ", ")
        var lines = [
            "#table(columns: \(max(1, table.alignments.count)), align: (\(alignments.joined(separator: ", ")),),",
            "  table.header(repeat: true, \(header)),",
        ]
        for row in table.rows { lines.append("  " + row.map { "[" + markup($0) + "]" }.joined(separator: ", ") + ",") }
        lines.append(")")
        return lines.joined(separator: "\n")
    }

    // MARK: - Inlines

    /// The markup of inline content, on one line.
    func markup(_ inlines: [Inline]) -> String {
        var output = ""
        for inline in inlines { append(inline, to: &output) }
        return output
    }

    private func append(_ inline: Inline, to output: inout String) {
        switch inline {
        case .text(let text):
            output += TypstText.markup(text)
        case .code(let code):
            output += "#raw(\(TypstText.string(code)))"
        case .emphasis(let children):
            output += "#emph[" + markup(children) + "]"
        case .strong(let children):
            output += "#strong[" + markup(children) + "]"
        case .strikethrough(let children):
            output += "#strike[" + markup(children) + "]"
        case .softBreak:
            output += " "
        case .lineBreak:
            output += "#linebreak()"
        case .link(let link, let children):
            output += self.link(link, text: markup(children))
        case .image(_, let alt):
            // Images are not fetched for print: the reader gets the description.
            let text = Inline.plainText(of: alt)
            output += "#emph[\\[" + TypstText.markup(text.isEmpty ? "image" : "Image: " + text) + "\\]]"
        case .citations(let marks):
            let numbered = marks.compactMap { mark in
                mark.number.map { "#link(\(TypstText.label("ref", slug, String($0))))[\($0)]" }
            }
            // A text without References (an event summary) lists its sources beside it instead.
            if !numbered.isEmpty { output += "#super[" + numbered.joined(separator: ",") + "]" }
        case .html:
            break
        }
    }

    /// A link as it prints: into the book with its page, out of it with its address.
    func link(_ link: ResolvedLink, text: String) -> String {
        switch book.destination(of: link) {
        case .part(let target, let fragment):
            let label: String
            if let fragment, let part = book.part(target), part.document.headings.contains(where: { $0.id == fragment }) {
                label = TypstText.label("h", target, fragment)
            } else {
                label = TypstText.label("part", target)
            }
            return "#link(\(label))[\(text)] #pageref(\(label))"
        case .event(let id):
            return "#link(\(TypstText.label("event", id)))[\(text)]"
        case .source(let id):
            return "#link(\(TypstText.label("source", id)))[\(text)]"
        case .web(let url):
            let external = link.target == .external && (url.hasPrefix("http://") || url.hasPrefix("https://"))
            let linked = "#link(\(TypstText.string(url)))[\(text)]"
            return external ? linked + "#footnote[#link(\(TypstText.string(url)))]" : linked
        case .none:
            return text
        }
    }
}
