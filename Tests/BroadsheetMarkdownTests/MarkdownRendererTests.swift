import BroadsheetCore
import BroadsheetDocument
import Testing

@testable import BroadsheetMarkdown

/// The tree written as the website's HTML: what these tests compare.
struct Rendered {
    var html: String
    var document: MarkdownDocument<String>
    var headings: [MarkdownHeading] { document.headings }
    var firstParagraph: String { document.firstParagraph }
    var wordCount: Int { document.wordCount }
    var cjkCharacterCount: Int { document.cjkCharacterCount }
}

/// Parses with the given resolvers and writes the website's HTML; components render as `<div class="NAME"></div>`.
enum MarkdownRenderer {
    static func render(
        _ source: String, options: MarkdownOptions = MarkdownOptions(),
        resolveLink: (MarkdownLink) -> LinkResolution = { _ in .keep },
        resolveBlock: (MarkdownCodeBlock) -> BlockResolution<String> = { _ in .keep }
    ) -> Rendered {
        let document = MarkdownParser.parse(source, options: options, resolveLink: resolveLink, resolveBlock: resolveBlock)
        do {
            let html = try HTMLWriter.html(document.blocks) { (name: String) throws(Diagnostic) in
                "<div class=\"\(name)\"></div>\n"
            }
            return Rendered(html: html, document: document)
        } catch {
            preconditionFailure("\(error)")
        }
    }
}

@Suite("CommonMark through the wrapper")
struct CommonMarkTests {
    /// A sample of CommonMark spec examples (0.30), rendered without heading anchors or smart
    /// punctuation so the expected HTML is the spec's own.
    static let specExamples: [(markdown: String, html: String)] = [
        ("*foo bar*\n", "<p><em>foo bar</em></p>\n"),
        ("**foo bar**\n", "<p><strong>foo bar</strong></p>\n"),
        ("- foo\n- bar\n", "<ul>\n<li>foo</li>\n<li>bar</li>\n</ul>\n"),
        ("1. foo\n2. bar\n", "<ol>\n<li>foo</li>\n<li>bar</li>\n</ol>\n"),
        ("> # Foo\n> bar\n> baz\n", "<blockquote>\n<h1>Foo</h1>\n<p>bar\nbaz</p>\n</blockquote>\n"),
        ("`foo`\n", "<p><code>foo</code></p>\n"),
        ("```\n<\n >\n```\n", "<pre><code>&lt;\n &gt;\n</code></pre>\n"),
        ("[link](/uri \"title\")\n", "<p><a href=\"/uri\" title=\"title\">link</a></p>\n"),
        ("![foo](/url \"title\")\n", "<p><img src=\"/url\" alt=\"foo\" title=\"title\" /></p>\n"),
        ("***\n---\n___\n", "<hr />\n<hr />\n<hr />\n"),
        ("foo  \nbaz\n", "<p>foo<br />\nbaz</p>\n"),
        ("\\*not emphasized*\n", "<p>*not emphasized*</p>\n"),
        ("&amp; &copy; &AElig;\n", "<p>&amp; © Æ</p>\n"),
        ("Foo\nbar\n---\n", "<h2>Foo\nbar</h2>\n"),
    ]

    @Test("renders spec examples", arguments: specExamples)
    func specExample(_ example: (markdown: String, html: String)) {
        let options = MarkdownOptions(smartPunctuation: false, headingAnchors: false)
        #expect(MarkdownRenderer.render(example.markdown, options: options).html == example.html)
    }

    @Test("smart punctuation curls quotes and dashes")
    func smartPunctuation() {
        let html = MarkdownRenderer.render("\"Hello\" -- it's 2021---really...").html
        #expect(html == "<p>“Hello” – it’s 2021—really…</p>\n")
    }
}

@Suite("Safety")
struct MarkdownSafetyTests {
    @Test("raw HTML is omitted by default")
    func rawHTMLOmitted() {
        let html = MarkdownRenderer.render("<script>alert(1)</script>\n\nHi <b onclick=\"x()\">there</b>").html
        #expect(!html.contains("<script"))
        #expect(!html.contains("onclick"))
        #expect(html.contains("<!-- raw HTML omitted -->"))
    }

    @Test("raw HTML passes when the site allows it")
    func rawHTMLAllowed() {
        let html = MarkdownRenderer.render("<aside>note</aside>\n", options: MarkdownOptions(allowRawHTML: true)).html
        #expect(html == "<aside>note</aside>\n")
    }

    @Test("javascript: links are emptied, even with raw HTML allowed", arguments: [false, true])
    func javascriptLinks(allowRawHTML: Bool) {
        let options = MarkdownOptions(allowRawHTML: allowRawHTML)
        let html = MarkdownRenderer.render("[x](javascript:alert(1)) [y](JAVASCRIPT:alert(2))", options: options).html
        #expect(!html.lowercased().contains("javascript:"))
        #expect(html.contains("<a href=\"\">x</a>"))
    }

    @Test("image data URLs are kept, others dropped")
    func dataURLs() {
        let html = MarkdownRenderer.render("![a](data:image/png;base64,AAAA) [b](data:text/html;base64,PHNjcmlwdD4=)").html
        #expect(html.contains("src=\"data:image/png;base64,AAAA\""))
        #expect(!html.contains("data:text/html"))
    }

    @Test("heading text is escaped in generated ids and labels")
    func generatedHTMLIsEscaped() {
        let html = MarkdownRenderer.render("# 1 < 2 & \"q\"\n").html
        #expect(html.contains("1 &lt; 2 &amp; “q”"))
        #expect(html.contains("id=\"s-1-2-q\""))
        #expect(html.contains("aria-label=\"Link to this section: 1 &lt; 2 &amp; “q”\""))
    }
}

@Suite("Headings")
struct HeadingTests {
    @Test("headings get readable, unique ids and an anchor link")
    func uniqueIDs() {
        let document = MarkdownRenderer.render("## Overview\n\n## Overview\n\n### Why it *matters*\n\n## 2021\n")
        #expect(document.headings.map(\.id) == ["overview", "overview-2", "why-it-matters", "s-2021"])
        #expect(document.headings.map(\.level) == [2, 2, 3, 2])
        #expect(document.headings.map(\.line) == [1, 3, 5, 7])
        #expect(
            document.html.contains(
                "<h3 id=\"why-it-matters\">Why it <em>matters</em> <a class=\"heading-anchor\" href=\"#why-it-matters\" aria-label=\"Link to this section: Why it matters\">#</a></h3>"
            ))
    }

    @Test("Chinese headings keep their characters")
    func chineseHeading() {
        let document = MarkdownRenderer.render("## 二选一 (choose one of two)\n\n## 微信支付\n")
        #expect(document.headings.map(\.id) == ["二选一-choose-one-of-two", "微信支付"])
    }

    @Test("a thousand identical headings get a thousand ids")
    func manyIdenticalHeadings() {
        let markdown = String(repeating: "## Same\n\n", count: 1000)
        let ids = MarkdownRenderer.render(markdown).headings.map(\.id)
        #expect(Set(ids).count == 1000)
        #expect(ids.last == "same-1000")
    }

    @Test("a heading text that looks like a suffixed id does not collide")
    func suffixCollision() {
        let ids = MarkdownRenderer.render("## A\n\n## A 2\n\n## A\n").headings.map(\.id)
        #expect(Set(ids).count == 3)
    }
}

@Suite("Links and blocks offered to the caller")
struct ResolverTests {
    @Test("links are offered with line and column, and can be rewritten")
    func linkLocations() {
        var seen: [MarkdownLink] = []
        let html = MarkdownRenderer.render(
            "Intro.\n\nSee [the walls](article:the-walls) and\n[Tencent](entity:tencent).",
            resolveLink: { link in
                seen.append(link)
                return link.scheme == "article" ? .link(.article(link.target), href: "/articles/\(link.target)/") : .keep
            }
        ).html
        #expect(seen.map(\.destination) == ["article:the-walls", "entity:tencent"])
        #expect(seen.map(\.line) == [3, 4])
        #expect(seen.map(\.column) == [17, 11])
        #expect(seen.first?.text == "the walls")
        #expect(html.contains("<a href=\"/articles/the-walls/\">the walls</a>"))
    }

    @Test("a citation keeps the link text and is followed by its marks")
    func citation() {
        let mark = CitationMark(number: 1, occurrence: 1, sourceID: "x", publisher: "Wire & Co", sourceHref: "/sources/#x")
        let rendered = MarkdownRenderer.render("A *record* [fine](source:x).", resolveLink: { _ in .textFollowedBy([mark]) })
        #expect(
            rendered.html
                == "<p>A <em>record</em> fine<sup class=\"citation\">[<a href=\"#ref-1\" id=\"cite-1-1\" aria-label=\"Source 1: Wire &amp; Co\">1</a>]</sup>.</p>\n"
        )
        guard case .paragraph(let inlines, _) = rendered.document.blocks.first else {
            Issue.record("no paragraph")
            return
        }
        #expect(inlines.last == .text("."))
        #expect(inlines.contains(.citations([mark])))
    }

    @Test("text-only resolution removes the link wrapper")
    func textOnly() {
        let html = MarkdownRenderer.render("[gone](article:missing)", resolveLink: { _ in .textOnly }).html
        #expect(html == "<p>gone</p>\n")
    }

    @Test("fenced blocks can be replaced by generated HTML")
    func blocks() {
        var blocks: [MarkdownCodeBlock] = []
        let html = MarkdownRenderer.render(
            "Text\n\n```timeline\nthemes: links\n```\n\n```swift\nlet x = 1\n```\n",
            resolveBlock: { block in
                blocks.append(block)
                return block.language == "timeline" ? .embed("t") : .keep
            }
        ).html
        #expect(blocks.map(\.language) == ["timeline", "swift"])
        #expect(blocks.first?.literal == "themes: links\n")
        #expect(blocks.first?.line == 3)
        #expect(html.contains("<div class=\"t\"></div>"))
        #expect(
            html.contains(
                "<pre><code class=\"language-swift\"><span class=\"hl-k\">let</span> x = <span class=\"hl-n\">1</span>\n</code></pre>"
            ))
    }

    @Test("outline: first paragraph and word counts")
    func outline() {
        let document = MarkdownRenderer.render("# Title\n\nFirst *para* here.\nSecond line.\n\n中文字符 and more words.\n")
        #expect(document.firstParagraph == "First para here. Second line.")
        #expect(document.cjkCharacterCount == 4)
        #expect(document.wordCount == 9)
    }

    @Test("a one-paragraph text renders inline, without the paragraph")
    func inline() throws {
        let blocks = MarkdownParser.parseText("Fined *RMB 18.228 billion*")
        let inlines = try #require(BroadsheetDocument.singleParagraph(blocks))
        #expect(HTMLWriter<Never>.html(inlines) == "Fined <em>RMB 18.228 billion</em>")
        #expect(BroadsheetDocument.singleParagraph(MarkdownParser.parseText("One.\n\nTwo.")) == nil)
    }
}

@Suite("Link schemes")
struct LinkSchemeTests {
    static func link(_ destination: String) -> MarkdownLink {
        MarkdownLink(destination: destination, title: "", text: "", isImage: false, line: 1, column: nil)
    }

    @Test(
        "the scheme is the plain ASCII part before the first colon, lower-cased",
        arguments: [
            ("article:walls", "article"), ("HTTPS://example.org/", "https"), ("JavaScript:alert(1)", "javascript"),
            ("mailto:desk@example.org", "mailto"), ("svn+ssh://host", "svn+ssh"),
        ])
    func scheme(_ destination: String, _ expected: String) {
        #expect(Self.link(destination).scheme == expected)
    }

    @Test("no scheme without a colon, before one, or with anything but scheme characters", arguments: [
        "/timeline/", ":nothing", "walls.md", "a b:c", "java\u{0301}script:alert(1)", "微信:x", "../x:y",
    ])
    func noScheme(_ destination: String) {
        #expect(Self.link(destination).scheme == nil)
    }

    @Test("an unsafe scheme is caught in any case")
    func unsafe() {
        #expect(Self.link("JAVASCRIPT:alert(1)").isUnsafe)
        #expect(Self.link("File:///etc/passwd").isUnsafe)
        #expect(!Self.link("https://example.org").isUnsafe)
    }
}
