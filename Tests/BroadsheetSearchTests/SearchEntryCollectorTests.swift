import BroadsheetDocument
import Testing

@testable import BroadsheetSearch

/// A section's text is its blocks' plain text, each trimmed and joined by one space; a block
/// with no text adds nothing, not even the space.
@Suite("Search entry sections")
struct SearchEntryCollectorTests {
    static let span = SourceSpan(startLine: 1, startColumn: 1, endLine: 1, endColumn: 1)

    static func sections(_ blocks: [Block<Never>]) -> [SearchSection] {
        var sections = [SearchSection(anchor: "", heading: "", text: "")]
        SearchEntryCollector.appendSections(of: blocks, to: &sections) { (never: Never) -> String in }
        return sections
    }

    static func paragraph(_ inlines: Inline...) -> Block<Never> { .paragraph(inlines, span) }

    @Test("paragraphs are trimmed and joined by one space; blank ones leave no trace")
    func trimming() {
        let sections = Self.sections([
            Self.paragraph(.text("  \tWeChat "), .strong([.text("Pay")]), .softBreak),
            Self.paragraph(.text(" \n "), .lineBreak),
            Self.paragraph(),
            Self.paragraph(.text("\r\nAlipay"), .citations([]), .text(" and "), .code("QuickPass"), .text("\n")),
            .heading(Heading(level: 2, id: "next", text: "Next", content: [.text("Next")]), Self.span),
            Self.paragraph(.text("   ")),
            Self.paragraph(.emphasis([.text(" 淘宝 ")])),
        ])
        #expect(sections.map(\.text) == ["WeChat Pay Alipay and QuickPass", "淘宝"])
        #expect(sections.map(\.anchor) == ["", "next"])
    }

    @Test(
        "a code block's lines become one line, as splitting on Character.isNewline makes them",
        arguments: [
            "let a = 1", "a\nb", "a\r\nb\r\n", "\n\na\n\n\nb\n", "a\u{0B}b\u{0C}c\u{85}d\u{2028}e\u{2029}f",
            "\n\u{301}e\r\n\u{301}", "微信\n支付", "",
        ])
    func codeBlockLines(code: String) {
        let expected = code.split(whereSeparator: \.isNewline).joined(separator: " ")
        #expect(SearchEntryCollector.oneLine(code) == expected)
    }
}
