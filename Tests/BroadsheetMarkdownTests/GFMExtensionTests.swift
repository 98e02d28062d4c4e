import BroadsheetDocument
import Testing

@testable import BroadsheetMarkdown

/// Tables, strikethrough, autolinks and task lists on the document tree, beyond the
/// specification's examples: positions of links in cells, containers, block-like cells.
@Suite("GitHub-flavoured extensions")
struct GFMExtensionTests {
    private func parse(_ markdown: String, links: inout [MarkdownLink]) -> MarkdownDocument<Never> {
        var found: [MarkdownLink] = []
        let document: MarkdownDocument<Never> = MarkdownParser.parse(
            markdown, options: MarkdownOptions(smartPunctuation: false),
            resolveLink: { link in
                found.append(link)
                return .keep
            })
        links = found
        return document
    }

    private func parse(_ markdown: String) -> MarkdownDocument<Never> {
        var links: [MarkdownLink] = []
        return parse(markdown, links: &links)
    }

    private func html(_ markdown: String, style: HTMLStyle = .gfm) -> String {
        HTMLWriter<Never>.blocksHTML(parse(markdown).blocks, style: style)
    }

    private func firstTable(_ markdown: String) -> Table? {
        for block in parse(markdown).blocks { if case .table(let table, _) = block { return table } }
        return nil
    }

    // MARK: - Tables

    @Test("every alignment of the delimiter row")
    func alignments() throws {
        let table = try #require(firstTable("| a | b | c | d |\n|---|:--|:-:|--:|\n| 1 | 2 | 3 | 4 |\n"))
        #expect(table.alignments == [.none, .left, .center, .right])
        #expect(table.header == [[.text("a")], [.text("b")], [.text("c")], [.text("d")]])
        #expect(table.rows == [[[.text("1")], [.text("2")], [.text("3")], [.text("4")]]])
    }

    @Test("escaped pipes stay in their cell, in code spans too")
    func escapedPipes() throws {
        let table = try #require(firstTable("a | b\n--|--\n`x \\| y` | p\\|q\n"))
        #expect(table.rows == [[[.code("x | y")], [.text("p|q")]]])
    }

    @Test("a paragraph line before the header row stays a paragraph")
    func paragraphBeforeTable() {
        let blocks = parse("Intro *text*\n| a | b |\n| - | - |\n| 1 | 2 |\n").blocks
        #expect(blocks.count == 2)
        guard case .paragraph(let inlines, let span) = blocks.first, case .table(_, let tableSpan) = blocks.last else {
            Issue.record("expected a paragraph, then a table: \(blocks)")
            return
        }
        #expect(inlines == [.text("Intro "), .emphasis([.text("text")])])
        #expect(span.startLine == 1 && span.endLine == 1)
        #expect(tableSpan.startLine == 2 && tableSpan.endLine == 4)
    }

    @Test("a table in a block quote and in a list item")
    func containers() {
        #expect(
            html("> | a | b |\n> |---|---|\n> | 1 | 2 |\n").hasPrefix("<blockquote>\n<table>\n<thead>\n<tr>\n<th>a</th>"))
        #expect(html("- item\n\n  | a |\n  | - |\n  | 1 |\n").contains("<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>"))
    }

    @Test("cells that look like blocks are text", arguments: ["# heading", "1. one", "- dash", "> quote", "[r]: /x", "***"])
    func blockLikeCells(_ cell: String) throws {
        let table = try #require(firstTable("| h |\n| - |\n| \(cell) |\n"))
        #expect(Inline.plainText(of: table.rows[0][0]) == cell)
    }

    @Test("inline Markdown and links in cells are reported at their own line and column")
    func linkPositions() throws {
        let markdown = """
            Some text first.

            | 平台 | Share |
            | :-- | --: |
            | **支付宝** \\| x | [share](source:iresearch) and [b](entity:alipay) |
            """
        var links: [MarkdownLink] = []
        let document = parse(markdown, links: &links)
        #expect(links.map(\.destination) == ["source:iresearch", "entity:alipay"])
        let line = "| **支付宝** \\| x | [share](source:iresearch) and [b](entity:alipay) |"
        func column(of needle: String) -> Int {
            line.distance(from: line.startIndex, to: line.range(of: needle)!.lowerBound) + 1
        }
        #expect(links.map(\.line) == [5, 5])
        #expect(links.map(\.column) == [column(of: "source:"), column(of: "entity:")])
        guard case .table(let table, _) = document.blocks.last else {
            Issue.record("no table")
            return
        }
        #expect(table.rows[0][0] == [.strong([.text("支付宝")]), .text(" | x")])
    }

    @Test("a table in a block quote reports its links at their columns")
    func quotedLinkPosition() {
        var links: [MarkdownLink] = []
        _ = parse("> | a |\n> | - |\n>   | [x](article:y) |\n", links: &links)
        #expect(links.first?.line == 3)
        #expect(links.first?.column == 11)
    }

    @Test("the excerpt skips a leading table; its words are counted")
    func excerptAndWords() {
        let document = parse("| one two | three |\n| --- | --- |\n| four | five |\n\nThe excerpt.\n")
        #expect(document.firstParagraph == "The excerpt.")
        #expect(document.wordCount == 7)
    }

    @Test("a delimiter row with a different number of cells is no table")
    func mismatch() {
        #expect(firstTable("| a | b |\n| --- |\n") == nil)
        #expect(firstTable("a\n:-- | x\n") == nil)
    }

    @Test("the website wraps a table in a scrolling region named by its header; alignment is CSS")
    func websiteTable() {
        let html = html("| Year | Share |\n| --- | --: |\n| 2019 | 55% |\n", style: .website)
        #expect(
            html.hasPrefix(
                "<div class=\"pipe-table\" role=\"region\" tabindex=\"0\" aria-label=\"Table: Year, Share\">\n<table>\n"))
        #expect(html.contains("<td style=\"text-align: right\">55%</td>"))
        #expect(html.hasSuffix("</table>\n</div>\n"))
        #expect(!html.contains("align=\""))
    }

    @Test("off, the extensions leave libcmark's CommonMark")
    func extensionsOff() {
        let options = MarkdownOptions(extensions: false)
        let document: MarkdownDocument<Never> = MarkdownParser.parse("| a |\n| - |\n~~x~~ www.example.org\n", options: options)
        #expect(HTMLWriter<Never>.blocksHTML(document.blocks) == "<p>| a |\n| - |\n~~x~~ www.example.org</p>\n")
    }

    // MARK: - Strikethrough

    @Test(
        "strikethrough",
        arguments: [
            ("~~Hi~~ and ~there~", "<p><del>Hi</del> and <del>there</del></p>\n"),
            ("This will ~~~not~~~ strike.", "<p>This will ~~~not~~~ strike.</p>\n"),
            ("~~one~ mixed", "<p>~~one~ mixed</p>\n"),
            ("`~~code~~` ~~a *b* c~~", "<p><code>~~code~~</code> <del>a <em>b</em> c</del></p>\n"),
            ("*~~in~~ emphasis*", "<p><em><del>in</del> emphasis</em></p>\n"),
            ("about ~5% to ~10%", "<p>about ~5% to ~10%</p>\n"),
            ("[~~link~~](/x)", "<p><a href=\"/x\"><del>link</del></a></p>\n"),
        ])
    func strikethrough(_ markdown: String, _ expected: String) {
        #expect(html(markdown + "\n") == expected)
    }

    // MARK: - Autolinks

    @Test(
        "autolinks",
        arguments: [
            ("See https://example.org/a_b.", "<p>See <a href=\"https://example.org/a_b\">https://example.org/a_b</a>.</p>\n"),
            ("[www.example.org](/x)", "<p><a href=\"/x\">www.example.org</a></p>\n"),
            ("`www.example.org`", "<p><code>www.example.org</code></p>\n"),
            ("(www.example.org)", "<p>(<a href=\"http://www.example.org\">www.example.org</a>)</p>\n"),
            ("xwww.example.org", "<p>xwww.example.org</p>\n"),
            ("http://localhost/", "<p>http://localhost/</p>\n"),
            ("**www.example.org**", "<p><strong><a href=\"http://www.example.org\">www.example.org</a></strong></p>\n"),
            ("Write to desk@example.org.", "<p>Write to <a href=\"mailto:desk@example.org\">desk@example.org</a>.</p>\n"),
            ("~~www.example.org~~", "<p><del><a href=\"http://www.example.org\">www.example.org</a></del></p>\n"),
        ])
    func autolinks(_ markdown: String, _ expected: String) {
        #expect(html(markdown + "\n") == expected)
    }

    @Test("autolinks are external links, not offered to the resolver")
    func autolinkTarget() {
        var links: [MarkdownLink] = []
        let document = parse("Visit www.example.org\n", links: &links)
        #expect(links.isEmpty)
        guard case .paragraph(let inlines, _) = document.blocks.first, case .link(let link, _) = inlines.last else {
            Issue.record("no link")
            return
        }
        #expect(link.target == .external)
    }

    // MARK: - Task lists

    @Test("task list items in a loose list, on the website and in email")
    func taskLists() {
        let markdown = "- [x] done\n\n- [ ] to do\n- not a task\n- [y] no\n"
        #expect(
            html(markdown, style: .website)
                == "<ul>\n<li>\n<p><input checked=\"\" disabled=\"\" type=\"checkbox\" /> done</p>\n</li>\n<li>\n<p><input disabled=\"\" type=\"checkbox\" /> to do</p>\n</li>\n<li>\n<p>not a task</p>\n</li>\n<li>\n<p>[y] no</p>\n</li>\n</ul>\n"
        )
        #expect(
            html("- [x] a\n- [ ] b\n", style: HTMLStyle(extensionMarkup: .email)) == "<ul>\n<li>☑ a</li>\n<li>☐ b</li>\n</ul>\n")
    }

    // MARK: - Unsupported syntax

    @Test("footnotes, alerts and highlights are noticed at their positions; code, escapes and `a == b` are not")
    func notices() {
        let markdown = """
            Text[^a] and `[^code]` and \\[^escaped] and a == b, x==y.

            > [!WARNING]
            > Careful.

            > [!NOTAKIND] stays a quote.

            Some ==marked== text.
            """
        let notices = parse(markdown).notices
        #expect(
            notices == [
                MarkdownNotice(kind: .footnote("a"), line: 1, column: 5),
                MarkdownNotice(kind: .alert("WARNING"), line: 3, column: 3),
                MarkdownNotice(kind: .highlight, line: 8, column: 6),
            ])
        let off: MarkdownDocument<Never> = MarkdownParser.parse(markdown, options: MarkdownOptions(extensions: false))
        #expect(off.notices.isEmpty)
    }
}
