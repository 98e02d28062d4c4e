import BroadsheetCore
import BroadsheetDocument
import Testing

@testable import BroadsheetMarkdown

/// The document tree written as HTML must be what libcmark writes, byte for byte: the
/// website's pages did not change when the tree replaced libcmark's renderer.
@Suite("Document tree HTML against libcmark's")
struct DocumentTreeHTMLTests {
    static let samples: [String] = [
        "Plain *emphasis*, **strong**, `code` and a [link](https://example.org/a?b=1&c='2' \"T&\\\"t\").\n",
        "# One\n\n## Two *x*\n\nPara\nsoft break  \nhard break\\\nand more.\n",
        "> quote\n> > nested\n\n- a\n- b\n  - c\n\n1. x\n\n   y\n2. z\n\n3) three\n4) four\n",
        "7. seven\n8. eight\n\n- loose\n\n- list\n\n  > quoted in item\n",
        "```swift extra words\nlet x = \"<&>\"\n```\n\n    indented code\n\n***\n",
        "<div>raw block</div>\n\nInline <b>raw</b> &amp; &copy; &#x27; entities\n",
        "![alt *text* `c`](/img/x.png \"title\") [space link](<a b/ü é>) [](empty)\n",
        "[js](javascript:alert(1)) [data](data:text/html,x) ![img](data:image/png;base64,AA)\n",
        "Smart \"quotes\" -- dashes --- and... 'single'\n",
        "中文 [微信支付](https://pay.weixin.qq.com/中文) and \\`escaped\\`\n",
        "- [ ] task?\n- tight `code`\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
        "Setext\n===\n\nText with trailing backslash\\\n\n<!-- comment -->\n\n[ref link][r]\n\n[r]: /uri \"Ref\"\n",
        String(repeating: "> ", count: 5) + "deep\n\n"
            + (0..<6).map { String(repeating: "  ", count: $0) + "- level\n" }.joined(),
    ]

    @Test("equals libcmark's HTML", arguments: samples, [false, true])
    func matchesCmark(_ markdown: String, _ allowRawHTML: Bool) throws {
        for smart in [false, true] {
            let options = MarkdownOptions(
                smartPunctuation: smart, allowRawHTML: allowRawHTML, headingAnchors: false, extensions: false)
            let tree: MarkdownDocument<Never> = MarkdownParser.parse(markdown, options: options)
            let html = HTMLWriter<Never>.blocksHTML(tree.blocks, style: .cmark)
            if allowRawHTML && markdown.hasPrefix("[js]") {
                // libcmark keeps javascript: URLs when raw HTML is allowed; Broadsheet never does.
                #expect(html.hasPrefix("<p><a href=\"\">js</a> <a href=\"\">data</a> <img src=\"data:image/png"))
                continue
            }
            #expect(html == CmarkTree.referenceHTML(markdown, options: options), "smart: \(smart)")
        }
    }

    @Test("every ASCII character in a link destination is escaped as libcmark escapes it")
    func hrefEscaping() {
        for byte in UInt8(0x21)...UInt8(0x7E) where !"<>\\".utf8.contains(byte) {
            let markdown = "[x](<a\(Character(Unicode.Scalar(byte)))b>)\n"
            let options = MarkdownOptions(smartPunctuation: false, headingAnchors: false, extensions: false)
            let tree: MarkdownDocument<Never> = MarkdownParser.parse(markdown, options: options)
            #expect(HTMLWriter<Never>.blocksHTML(tree.blocks) == CmarkTree.referenceHTML(markdown, options: options))
        }
    }

    @Test("100,000 nested block quotes become a tree no deeper than the limit, text kept")
    func deepNestingIsFlattened() {
        let markdown = String(repeating: ">", count: 100_000) + " deep\n"
        let tree: MarkdownDocument<Never> = MarkdownParser.parse(markdown)
        var depth = 0
        var blocks = tree.blocks
        while case .blockQuote(let children, _)? = blocks.first {
            depth += 1
            blocks = children
        }
        #expect(depth == CmarkTree.maximumDepth)
        #expect(HTMLWriter<Never>.blocksHTML(tree.blocks).contains("<p>deep</p>"))
    }

    @Test("a paragraph of 50,000 links gets every link's own position, in linear time")
    func manyLinks() {
        let markdown = (0..<50_000).map { "[l\($0)](https://e.example/\($0))" }.joined(separator: " ") + "\n"
        var columns: [Int?] = []
        let _: MarkdownDocument<Never> = MarkdownParser.parse(
            markdown,
            resolveLink: { link in
                columns.append(link.column)
                return .keep
            })
        #expect(columns.count == 50_000)
        #expect(columns[0] == 6)
        #expect(columns[1] == 6 + "https://e.example/0) [l1](".count)
    }
}
