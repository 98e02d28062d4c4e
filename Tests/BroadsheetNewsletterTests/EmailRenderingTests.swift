import BroadsheetCore
import BroadsheetDocument
import BroadsheetMarkdown
import Testing

@testable import BroadsheetNewsletter

/// The email's two renderers over the document tree: the text part and the styled HTML.
@Suite("Email renderers over the document tree")
struct EmailRenderingTests {
    static let markdown = """
        ## Heading

        See [the story](https://example.org/a) and [again](https://example.org/a), & more [cited](source:x)
        and [inside the site](/timeline/) or [here](#notes).

        - one
        - two

        > quoted

        1. first
        2. second

        ```
        let kept = "as it is"
          indented
        ```
        """

    static func tree() -> [Block<Never>] {
        MarkdownParser.parseText(
            markdown,
            resolveLink: { link in
                if link.scheme == "source" {
                    return .textFollowedBy([
                        CitationMark(number: 1, occurrence: 1, sourceID: "x", publisher: "X", sourceHref: "/sources/#x"),
                        CitationMark(number: 2, occurrence: 1, sourceID: "y", publisher: "Y", sourceHref: "/sources/#y"),
                    ])
                }
                return link.destination.hasPrefix("/") ? .link(.sitePath, href: "/report" + link.destination) : .keep
            })
    }

    @Test("text: paragraphs, lists, links as numbered references, citations as sources, code kept")
    func text() throws {
        var links = LinkReferences()
        let style = EmailStyle.html(origin: "https://news.example", pageURL: "https://news.example/report/newsletters/x/")
        let text = try PlainTextWriter<Never>.text(Self.tree(), style: style, links: &links) {
            (never: Never, _: inout LinkReferences) throws(Diagnostic) -> String in
        }
        #expect(
            text == """
                Heading

                See the story [1] and again [1], & more cited (sources 1, 2) and inside
                the site [2] or here [3].

                - one

                - two

                > quoted

                1. first

                2. second

                    let kept = "as it is"
                      indented
                """)
        #expect(
            links.list
                == "[1] https://example.org/a\n[2] https://news.example/report/timeline/\n[3] https://news.example/report/newsletters/x/#notes"
        )
    }

    @Test("HTML: every element styled inline from the style map, URLs absolute, no heading anchors")
    func html() {
        let style = EmailStyle.html(origin: "https://news.example", pageURL: "https://news.example/report/newsletters/x/")
        let html = HTMLWriter<Never>.blocksHTML(Self.tree(), style: style)
        #expect(html.hasPrefix("<h2 style=\"\(EmailStyle.inline["h2"]!)\" id=\"heading\">Heading</h2>\n"))
        #expect(html.contains("<a style=\"\(EmailStyle.inline["a"]!)\" href=\"https://news.example/report/timeline/\">"))
        #expect(html.contains("href=\"https://news.example/report/newsletters/x/#notes\""))
        #expect(html.contains("<sup style=\"\(EmailStyle.inline["sup"]!)\" class=\"citation\">"))
        #expect(html.contains("href=\"https://news.example/report/newsletters/x/#ref-1\""))
        #expect(html.contains("<pre style=\"\(EmailStyle.inline["pre"]!)\"><code style="))
        #expect(!html.contains("heading-anchor"))
        for element in ["<p>", "<li>", "<ul>", "<ol>", "<blockquote>", "<a href"] {
            #expect(!html.contains(element), "\(element) without its style")
        }
    }

    @Test("a base URL with quotes cannot break out of an attribute in the email")
    func hostileOrigin() {
        let style = EmailStyle.html(origin: "https://x.example/\"><script>", pageURL: "https://x.example/\"><script>/e/")
        let html = HTMLWriter<Never>.blocksHTML(Self.tree(), style: style)
        #expect(!html.contains("<script>"))
    }

    @Test("long paragraphs wrap at 72 columns, CJK characters counting double")
    func wrap() {
        let wrapped = PlainText.wrap(String(repeating: "word ", count: 30) + String(repeating: "微信支付 ", count: 10))
        #expect(wrapped.split(separator: "\n").allSatisfy { PlainText.columns(String($0)) <= 72 })
    }
}
