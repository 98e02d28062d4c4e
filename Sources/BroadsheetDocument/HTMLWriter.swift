import BroadsheetCore
import Foundation

/// Writes a document tree as HTML: CommonMark's HTML, byte for byte as libcmark writes it,
/// plus Broadsheet's heading anchors, citation marks and components.
///
/// One writer serves every HTML output; an `HTMLStyle` says what differs (inline CSS per
/// element for email, absolute URLs, anchors or not). Components are drawn by the caller.
public struct HTMLWriter<Embed: Sendable & Hashable> {
    /// How elements are dressed and URLs written.
    public var style: HTMLStyle
    /// Draws a component in place.
    public var renderEmbed: (Embed) throws(Diagnostic) -> String

    private var output = ""
    /// True when the output is empty or ends a line: libcmark starts blocks on a new line.
    /// A component counts as ending its line, as the marker it replaced did.
    private var atLineStart = true
    /// The task list checkbox still to be written at the start of the item's first paragraph.
    private var pendingCheckbox: Bool?

    /// Creates a writer.
    public init(style: HTMLStyle = .website, renderEmbed: @escaping (Embed) throws(Diagnostic) -> String) {
        self.style = style
        self.renderEmbed = renderEmbed
    }

    /// The HTML of `blocks`.
    public static func html(
        _ blocks: [Block<Embed>], style: HTMLStyle = .website,
        renderEmbed: @escaping (Embed) throws(Diagnostic) -> String
    ) throws(Diagnostic) -> String {
        var writer = HTMLWriter(style: style, renderEmbed: renderEmbed)
        for block in blocks { try writer.write(block, tight: false) }
        return writer.output
    }

    /// The HTML of inline content (a one-paragraph summary without its `<p>`).
    public static func html(_ inlines: [Inline], style: HTMLStyle = .website) -> String {
        var writer = HTMLWriter(style: style, renderEmbed: { (_: Embed) throws(Diagnostic) in "" })
        writer.write(inlines)
        return writer.output
    }

    // MARK: - Blocks

    private mutating func write(_ block: Block<Embed>, tight: Bool) throws(Diagnostic) {
        switch block {
        case .paragraph(let inlines, _):
            if tight {
                writeCheckbox()
                write(inlines)
            } else {
                newLine()
                open("p")
                writeCheckbox()
                write(inlines)
                append("</p>\n")
            }
        case .heading(let heading, _):
            newLine()
            if style.headingAnchors && !heading.id.isEmpty {
                let id = HTMLText.escape(heading.id)
                open("h\(heading.level)", attributes: " id=\"\(id)\"")
                write(heading.content)
                append(
                    " <a class=\"heading-anchor\" href=\"#\(id)\" aria-label=\"Link to this section: \(HTMLText.escape(heading.text))\">#</a>"
                )
            } else {
                open(
                    "h\(heading.level)",
                    attributes: !style.headingAnchors && !heading.id.isEmpty ? " id=\"\(HTMLText.escape(heading.id))\"" : "")
                write(heading.content)
            }
            append("</h\(heading.level)>\n")
        case .blockQuote(let blocks, _):
            newLine()
            open("blockquote")
            append("\n")
            for child in blocks { try write(child, tight: false) }
            newLine()
            append("</blockquote>\n")
        case .list(let list, _):
            newLine()
            let name = list.isOrdered ? "ol" : "ul"
            open(name, attributes: list.isOrdered && list.start != 1 ? " start=\"\(list.start)\"" : "")
            append("\n")
            for (index, item) in list.items.enumerated() {
                newLine()
                open("li")
                pendingCheckbox = list.task(index)
                for child in item { try write(child, tight: list.isTight) }
                pendingCheckbox = nil
                append("</li>\n")
            }
            append("</\(name)>\n")
        case .codeBlock(let code, _):
            newLine()
            open("pre")
            open("code", attributes: code.language.isEmpty ? "" : " class=\"language-\(CmarkEscaping.text(code.language))\"")
            if style.highlightsCode, let pieces = CodeHighlighter.highlight(code.literal, language: code.language) {
                for piece in pieces {
                    if let kind = piece.kind {
                        append("<span class=\"hl-\(kind.rawValue)\">" + CmarkEscaping.text(piece.text) + "</span>")
                    } else {
                        append(CmarkEscaping.text(piece.text))
                    }
                }
            } else {
                append(CmarkEscaping.text(code.literal))
            }
            append("</code></pre>\n")
        case .table(let table, _):
            newLine()
            write(table)
        case .thematicBreak:
            newLine()
            open("hr", attributes: " /", close: ">\n")
        case .html(let raw, _):
            newLine()
            switch raw {
            case .allowed(let html) where !style.omitsRawHTML: append(html)
            case .allowed, .omitted: append("<!-- raw HTML omitted -->")
            }
            newLine()
        case .embed(let embed, _):
            newLine()
            output += try renderEmbed(embed)
            atLineStart = true
        }
    }

    // MARK: - Task lists

    /// A task list item's checkbox, disabled (a page is not a form), before the item's text.
    private mutating func writeCheckbox() {
        guard let checked = pendingCheckbox else { return }
        pendingCheckbox = nil
        switch style.extensionMarkup {
        case .gfm:
            append(checked ? "<input checked=\"\" disabled=\"\" type=\"checkbox\"> " : "<input disabled=\"\" type=\"checkbox\"> ")
        case .website, .book:
            open("input", attributes: (checked ? " checked=\"\"" : "") + " disabled=\"\" type=\"checkbox\" /", close: "> ")
        case .email: append(checked ? "☑ " : "☐ ")
        }
    }

    // MARK: - Tables

    /// A table as cmark-gfm writes it (`<thead>`, and `<tbody>` only when there are rows).
    private mutating func write(_ table: Table) {
        let scrolls = style.extensionMarkup == .website
        if scrolls {
            let headers = table.header.map { Inline.plainText(of: $0) }.filter { !$0.isEmpty }
            let label = headers.isEmpty ? "Table" : "Table: " + headers.joined(separator: ", ")
            open(
                "div", attributes: " class=\"pipe-table\" role=\"region\" tabindex=\"0\" aria-label=\"\(HTMLText.escape(label))\""
            )
            append("\n")
        }
        open("table")
        append("\n")
        open("thead")
        append("\n")
        write(row: table.header, cell: "th", alignments: table.alignments)
        append("</thead>\n")
        if !table.rows.isEmpty {
            open("tbody")
            append("\n")
            for row in table.rows { write(row: row, cell: "td", alignments: table.alignments) }
            append("</tbody>\n")
        }
        append("</table>\n")
        if scrolls { append("</div>\n") }
    }

    private mutating func write(row: [[Inline]], cell name: String, alignments: [TableAlignment]) {
        open("tr")
        append("\n")
        for (index, content) in row.enumerated() {
            let alignment = index < alignments.count ? alignments[index] : .none
            switch (alignment, style.extensionMarkup) {
            case (.none, _): open(name)
            case (_, .gfm): open(name, attributes: " align=\"\(alignment.rawValue)\"")
            case (_, .website), (_, .book), (_, .email): open(name, css: "text-align: \(alignment.rawValue)")
            }
            write(content)
            append("</\(name)>\n")
        }
        append("</tr>\n")
    }

    // MARK: - Inlines

    private mutating func write(_ inlines: [Inline]) {
        for inline in inlines { write(inline) }
    }

    private mutating func write(_ inline: Inline) {
        switch inline {
        case .text(let text):
            append(CmarkEscaping.text(text))
        case .code(let code):
            open("code")
            append(CmarkEscaping.text(code))
            append("</code>")
        case .emphasis(let children):
            open("em")
            write(children)
            append("</em>")
        case .strong(let children):
            open("strong")
            write(children)
            append("</strong>")
        case .strikethrough(let children):
            open("del")
            write(children)
            append("</del>")
        case .softBreak:
            append("\n")
        case .lineBreak:
            open("br", attributes: " /", close: ">\n")
        case .link(let link, let children):
            let title = link.title.isEmpty ? "" : " title=\"\(CmarkEscaping.text(link.title))\""
            open("a", attributes: " href=\"\(CmarkEscaping.href(style.url(for: link)))\"\(title)")
            write(children)
            append("</a>")
        case .image(let link, let alt):
            if style.imagesAsText {
                let text = Inline.plainText(of: alt)
                if !text.isEmpty { append("<span class=\"image-alt\">[Image: \(CmarkEscaping.text(text))]</span>") }
                return
            }
            let title = link.title.isEmpty ? "" : " title=\"\(CmarkEscaping.text(link.title))\""
            // The size lets the browser reserve the image's space, so the page does not jump as it loads.
            var size = ""
            if let width = link.width, let height = link.height { size = " width=\"\(width)\" height=\"\(height)\"" }
            open(
                "img",
                attributes:
                    " src=\"\(CmarkEscaping.href(style.url(link.href)))\" alt=\"\(CmarkEscaping.text(Inline.plainText(of: alt)))\"\(title)\(size) /",
                close: ">")
        case .citations(let marks):
            open("sup", attributes: " class=\"citation\"")
            append("[")
            for (index, mark) in marks.enumerated() {
                if index > 0 { append(", ") }
                if let number = mark.number {
                    open(
                        "a",
                        attributes:
                            " href=\"\(HTMLText.escape(style.url("#ref-\(number)")))\" id=\"cite-\(number)-\(mark.occurrence)\" aria-label=\"Source \(number): \(HTMLText.escape(mark.publisher))\""
                    )
                    append("\(number)</a>")
                } else {
                    open(
                        "a",
                        attributes:
                            " href=\"\(HTMLText.escape(style.url(mark.sourceHref)))\" title=\"\(HTMLText.escape(mark.publisher))\""
                    )
                    append("src</a>")
                }
            }
            append("]</sup>")
        case .html(let raw):
            switch raw {
            case .allowed(let html) where !style.omitsRawHTML: append(html)
            case .allowed, .omitted: append("<!-- raw HTML omitted -->")
            }
        }
    }

    // MARK: - Output

    /// Writes `<name`, the element's inline style when the style has one (followed by `css`),
    /// the attributes, and `close`.
    private mutating func open(_ name: String, attributes: String = "", css: String = "", close: String = ">") {
        output += "<"
        output += name
        // The website has no inline styles: no look-up per element, no string made to append.
        if css.isEmpty && style.inlineStyles.isEmpty {
            output += attributes
            append(close)
            return
        }
        switch (style.inlineStyles[name], css.isEmpty) {
        case (let inline?, true): output += " style=\"" + inline + "\""
        case (let inline?, false): output += " style=\"" + (inline.hasSuffix(";") ? inline : inline + ";") + css + "\""
        case (nil, false): output += " style=\"" + css + "\""
        case (nil, true): break
        }
        append(attributes + close)
    }

    private mutating func append(_ text: String) {
        guard let last = text.utf8.last else { return }
        output += text
        atLineStart = last == UInt8(ascii: "\n")
    }

    /// Starts a new line unless the output is at the start of one.
    private mutating func newLine() {
        if !atLineStart { append("\n") }
    }
}

// MARK: - Texts without components

extension HTMLWriter where Embed == Never {
    /// The HTML of blocks that hold no components (fact summaries): nothing can fail.
    public static func blocksHTML(_ blocks: [Block<Never>], style: HTMLStyle = .website) -> String {
        do {
            return try html(blocks, style: style, renderEmbed: { (never: Never) throws(Diagnostic) -> String in })
        } catch {
            preconditionFailure("a text without components cannot fail to render: \(error)")
        }
    }

    /// A short text (an event summary, a correction note) as HTML: its inline content when it
    /// is one paragraph, so it can stand inside a list item or a sentence; blocks otherwise.
    public static func textHTML(_ text: [Block<Never>], style: HTMLStyle = .website) -> String {
        if let inlines = BroadsheetDocument.singleParagraph(text) { return html(inlines, style: style) }
        return blocksHTML(text, style: style).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
