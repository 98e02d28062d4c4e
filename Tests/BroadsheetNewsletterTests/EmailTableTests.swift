import BroadsheetCore
import BroadsheetDocument
import BroadsheetMarkdown
import Testing

@testable import BroadsheetNewsletter

/// Tables, strikethrough and task lists in the email's HTML and text part.
@Suite("GFM extensions in email")
struct EmailTableTests {
    static let style = EmailStyle.html(origin: "https://news.example", pageURL: "https://news.example/n/")

    static func tree(_ markdown: String) -> [Block<Never>] { MarkdownParser.parseText(markdown) }

    @Test("HTML: the table styled inline, alignment merged into the cell's style, no scrolling region")
    func html() {
        let html = HTMLWriter<Never>.blocksHTML(
            Self.tree("| Year | Share |\n| --- | --: |\n| 2019 | ~~54%~~ 55% |\n\n- [x] done\n"), style: Self.style)
        #expect(html.hasPrefix("<table style=\"\(EmailStyle.inline["table"]!)\">\n<thead>\n"))
        #expect(html.contains("<th style=\"\(EmailStyle.inline["th"]!)text-align: right\">Share</th>"))
        #expect(html.contains("<del style=\"\(EmailStyle.inline["del"]!)\">54%</del> 55%"))
        #expect(html.contains("<li style=\"\(EmailStyle.inline["li"]!)\">☑ done</li>"))
        #expect(!html.contains("pipe-table") && !html.contains("<input"))
    }

    @Test("text: aligned columns, numbers right-aligned, CJK counted double")
    func columns() throws {
        var links = LinkReferences()
        let text = try PlainTextWriter<Never>.text(
            Self.tree("| Platform | Share |\n| --- | --: |\n| 支付宝 | 55% |\n| [Tenpay](https://t.example) | 39% |\n"),
            style: Self.style, links: &links
        ) { (never: Never, _: inout LinkReferences) throws(Diagnostic) -> String in }
        #expect(
            text == """
                Platform   | Share
                ---------- | -----
                支付宝     |   55%
                Tenpay [1] |   39%
                """)
    }

    @Test("text: a table too wide for 72 columns becomes Header: value lines; tasks and strikethrough stay readable")
    func wide() throws {
        var links = LinkReferences()
        let long = String(repeating: "word ", count: 14).trimmingCharacters(in: .whitespaces)
        let text = try PlainTextWriter<Never>.text(
            Self.tree("| Name | Note |\n| - | - |\n| A | \(long) |\n| B | short |\n\n- [ ] ~~todo~~\n"), style: Self.style,
            links: &links
        ) { (never: Never, _: inout LinkReferences) throws(Diagnostic) -> String in }
        #expect(text == "Name: A\nNote: \(long)\n\nName: B\nNote: short\n\n- [ ] ~~todo~~")
    }
}
