import BroadsheetContent
import BroadsheetCore
import BroadsheetDocument
import BroadsheetFacts
import Testing

/// A tiny site in memory: two articles, a page and a few facts.
struct SiteFixture {
    static let facts = makeFacts()

    static func makeFacts(extraSources: String = "") -> FactBook {
        let files = [
            "sources.yaml": SourceFile(
                path: "Content/facts/sources.yaml",
                text: """
                    - id: yicai-2021
                      publisher: Yicai Global
                      title: Alibaba Apps Start Accepting WeChat Pay
                      url: https://example.org/yicai
                      date: 2021-09-28
                    - id: cna-2021
                      publisher: CNA
                      title: Tenpay fined
                      url: https://example.org/cna
                      date: 2021-11-29
                    """ + extraSources),
            "entities.yaml": SourceFile(
                path: "Content/facts/entities.yaml",
                text: """
                    - id: tencent
                      name: Tencent
                      kind: company
                      description: A company.
                    - id: wechat-pay
                      name: WeChat Pay
                      kind: product
                      parent: tencent
                      description: A wallet.
                    """),
            "events.yaml": SourceFile(
                path: "Content/facts/events.yaml",
                text: """
                    - id: alibaba-apps-wechat-pay
                      date: 2021-09-28
                      title: Alibaba apps accept WeChat Pay
                      summary: Several apps of [Tencent](entity:tencent)'s rival accept it.
                      entities: [wechat-pay]
                      themes: [payments]
                      sources: [yicai-2021]
                    - id: tenpay-fined
                      date: 2021-11
                      title: Tenpay fined RMB 2.78 million
                      summary: SAFE fined Tenpay.
                      entities: [wechat-pay]
                      themes: [regulation]
                      sources: [cna-2021]
                    """),
            "comparisons.yaml": SourceFile(
                path: "Content/facts/comparisons.yaml",
                text: """
                    - id: share
                      title: Payment share
                      columns:
                        - id: pct
                          label: Share
                          type: percentage
                      rows:
                        - id: wechat-pay
                          entity: wechat-pay
                          cells:
                            pct: {value: 38.8, asOf: 2021-06, source: yicai-2021}
                    """),
        ]
        let (book, diagnostics) = FactBookLoader.load(files: files)
        precondition(!diagnostics.containsErrors, "fixture facts are valid: \(diagnostics)")
        return book
    }

    static let config = SiteConfig(
        title: "T", description: "D", baseURL: "https://example.org/report/", language: "en", author: "Desk",
        publisher: "P")

    static func document(_ path: String, _ text: String, kind: LoadedDocument.Kind = .article) -> LoadedDocument {
        let (document, diagnostics) = DocumentLoader.load(SourceFile(path: path, text: text), kind: kind, defaultAuthor: "Desk")
        precondition(document != nil, "fixture document loads: \(diagnostics)")
        return document!
    }

    static func resolve(_ documents: [LoadedDocument], drafts: Bool = false, facts: FactBook = facts) -> (Site?, [String]) {
        let (site, diagnostics) = SiteResolver.resolve(
            LoadedContent(config: config, documents: documents), facts: facts, options: .init(includeDrafts: drafts))
        return (site, diagnostics.map(\.description))
    }
}

@Suite("Resolving links, citations and components")
struct ResolverTests {
    @Test("internal links resolve under the base path; citations are numbered and reused")
    func links() throws {
        let a = SiteFixture.document(
            "Content/articles/a.md",
            """
            ---
            title: A
            date: 2021-10-01
            ---
            See [B](article:b), the [about page](page:about#team), [Tencent](entity:tencent),
            [the event](event:tenpay-fined) and [the table](compare:share).
            Apps accepted it[^](source:yicai-2021); a fine followed [too](source:cna-2021,yicai-2021).
            """)
        let b = SiteFixture.document("Content/articles/b.md", "---\ntitle: B\ndate: 2021-10-02\n---\nB [cites](source:cna-2021).")
        let about = SiteFixture.document("Content/pages/about.md", "---\ntitle: About\n---\nHi", kind: .page)
        let (site, diagnostics) = SiteFixture.resolve([a, b, about])
        #expect(diagnostics.isEmpty)
        let resolved = try #require(site?.articles.first { $0.slug == "a" })
        let links = TreeLinks(resolved.body)
        #expect(
            links.links == [
                ResolvedLink(target: .article("b"), href: "/report/articles/b/"),
                ResolvedLink(target: .page("about"), href: "/report/about/#team"),
                ResolvedLink(target: .entity("tencent"), href: "/report/entities/tencent/"),
                ResolvedLink(target: .event("tenpay-fined"), href: "/report/timeline/#tenpay-fined"),
                ResolvedLink(target: .comparison("share"), href: "/report/compare/share/"),
            ])
        #expect(
            links.citations.last == [
                CitationMark(
                    number: 2, occurrence: 1, sourceID: "cna-2021", publisher: "CNA", sourceHref: "/report/sources/#cna-2021"),
                CitationMark(
                    number: 1, occurrence: 2, sourceID: "yicai-2021", publisher: "Yicai Global",
                    sourceHref: "/report/sources/#yicai-2021"),
            ])
        #expect(resolved.citations.map(\.source.rawValue) == ["yicai-2021", "cna-2021"])
        #expect(resolved.citations.map(\.occurrences) == [2, 1])
        #expect(site?.articles.map(\.slug) == ["b", "a"])
        #expect(site?.citingDocuments[SourceID("cna-2021")]?.map(\.slug) == ["b", "a"])
    }

    @Test("unknown targets are errors at file:line:column with suggestions")
    func unknownTargets() {
        let a = SiteFixture.document(
            "Content/articles/a.md",
            "---\ntitle: A\ndate: 2021-10-01\n---\n\n[x](article:bb) [y](source:yicai-2012)\n[z](entity:tencnet) [w](event:nope)\n"
        )
        let b = SiteFixture.document("Content/articles/b.md", "---\ntitle: B\ndate: 2021-10-02\n---\nB")
        let (site, diagnostics) = SiteFixture.resolve([a, b])
        #expect(site == nil)
        #expect(
            diagnostics == [
                "Content/articles/a.md:6:5: error: link to unknown article 'bb'",
                "Content/articles/a.md:6:21: error: unknown source id 'yicai-2012'",
                "Content/articles/a.md:7:5: error: link to unknown entity 'tencnet'",
                "Content/articles/a.md:7:25: error: link to unknown event 'nope'",
            ])
    }

    @Test("link columns count characters, after accented and Chinese text, with a space after the parenthesis, for repeated targets")
    func linkColumns() {
        let a = SiteFixture.document(
            "Content/articles/a.md",
            "---\ntitle: A\ndate: 2021-10-01\n---\n\nZürich 淘宝 [x](article:bb) [y]( article:bb)\n[z](entity:nope) and [z](entity:nope)\n"
        )
        let b = SiteFixture.document("Content/articles/b.md", "---\ntitle: B\ndate: 2021-10-02\n---\nB")
        let (_, diagnostics) = SiteFixture.resolve([a, b])
        #expect(
            diagnostics == [
                "Content/articles/a.md:6:15: error: link to unknown article 'bb'",
                "Content/articles/a.md:6:32: error: link to unknown article 'bb'",
                "Content/articles/a.md:7:5: error: link to unknown entity 'nope'",
                "Content/articles/a.md:7:26: error: link to unknown entity 'nope'",
            ])
    }

    @Test("links to drafts are errors unless drafts are built")
    func drafts() {
        let a = SiteFixture.document("Content/articles/a.md", "---\ntitle: A\ndate: 2021-10-01\n---\n[d](article:d)\n")
        let d = SiteFixture.document("Content/articles/d.md", "---\ntitle: D\ndate: 2021-10-01\ndraft: true\n---\nD\n")
        #expect(
            SiteFixture.resolve([a, d]).1 == [
                "Content/articles/a.md:5:5: error: link to the draft article 'd', which is not published in this build"
            ])
        let (site, diagnostics) = SiteFixture.resolve([a, d], drafts: true)
        #expect(diagnostics.isEmpty)
        #expect(site?.articles.count == 2)
    }

    @Test("components become blocks of the tree; bad parameters are errors at the block's lines")
    func components() throws {
        let good = SiteFixture.document(
            "Content/articles/a.md",
            "---\ntitle: A\ndate: 2021-10-01\n---\nIntro.\n\n```timeline\nentities: tencent\nfrom: 2021-10\n```\n\n```compare\nshare\n```\n\nEnd.\n"
        )
        let (site, diagnostics) = SiteFixture.resolve([good])
        #expect(diagnostics.isEmpty)
        let body = try #require(site?.articles.first?.body)
        #expect(body.count == 4)
        guard case .embed(let timeline, let span) = body[1], case .embed(let comparison, _) = body[2],
            case .paragraph(let end, _) = body[3]
        else {
            Issue.record("expected paragraph, timeline, comparison, paragraph: \(body)")
            return
        }
        #expect(timeline == .timeline(TimelineQuery(entities: [EntityID("tencent")], from: PartialDate(iso: "2021-10"))))
        #expect(span.startLine == 3)
        #expect(comparison == .comparison(try #require(SiteFixture.facts.comparison(ComparisonID("share")))))
        #expect(end == [.text("End.")])
        let events = TimelineQuery(entities: [EntityID("tencent")], from: PartialDate(iso: "2021-10")).select(
            from: SiteFixture.facts)
        #expect(events.map(\.id.rawValue) == ["tenpay-fined"])

        let bad = SiteFixture.document(
            "Content/articles/b.md",
            "---\ntitle: B\ndate: 2021-10-01\n---\n```timeline\nentities: tencnet\nthemes: payment\nfrom: 2021-13\nlimit: 0\ncolour: red\n```\n\n```compare\nshares\n```\n"
        )
        #expect(
            SiteFixture.resolve([bad]).1 == [
                "Content/articles/b.md:6:1: error: unknown entity id 'tencnet' in the timeline block",
                "Content/articles/b.md:7:1: error: no event has the theme 'payment'",
                "Content/articles/b.md:8:1: error: '2021-13' is not a valid date for 'from'",
                "Content/articles/b.md:9:1: error: limit must be a positive whole number, found '0'",
                "Content/articles/b.md:10:1: error: unknown timeline parameter 'colour'",
                "Content/articles/b.md:13:1: error: unknown comparison id 'shares'",
            ])
    }

    @Test("duplicate slugs, case-only differences and reserved page names are errors")
    func slugs() {
        let a = SiteFixture.document("Content/articles/a.md", "---\ntitle: A\ndate: 2021-10-01\nslug: Same\n---\n")
        let b = SiteFixture.document("Content/articles/b.md", "---\ntitle: B\ndate: 2021-10-01\nslug: same\n---\n")
        let page = SiteFixture.document("Content/pages/timeline.md", "---\ntitle: T\n---\n", kind: .page)
        let diagnostics = SiteFixture.resolve([a, b, page]).1
        #expect(
            diagnostics == [
                "Content/articles/b.md:4:7: error: article slug 'same' is already used by Content/articles/a.md (as 'Same'; URLs that differ only in case or accents collide)",
                "Content/pages/timeline.md: error: page slug 'timeline' is reserved for a generated section",
            ])
    }

    @Test("excerpts and reading time")
    func excerpt() throws {
        let long = String(repeating: "word ", count: 460)
        let a = SiteFixture.document("Content/articles/a.md", "---\ntitle: A\ndate: 2021-10-01\n---\n\(long)\n")
        let article = try #require(SiteFixture.resolve([a]).0?.articles.first)
        #expect(article.readingMinutes == 2)
        #expect(article.excerpt.hasSuffix("…"))
        #expect(article.excerpt.count <= 221)
    }

    @Test("a source nothing cites is a warning")
    func uncitedSource() {
        let facts = SiteFixture.makeFacts(
            extraSources: "\n- id: unused\n  publisher: X\n  title: Never cited\n  url: https://example.org/x\n")
        let a = SiteFixture.document("Content/articles/a.md", "---\ntitle: A\ndate: 2021-10-01\n---\nNo citations.\n")
        let (site, diagnostics) = SiteFixture.resolve([a], facts: facts)
        #expect(site != nil)
        #expect(
            diagnostics == [
                "Content/facts/sources.yaml:11:3: warning: source 'unused' is not cited by any article, page, event or table"
            ])
    }
}

@Suite("Root-relative links")
struct RootRelativeLinkTests {
    @Test("root-relative links get the base path; protocol-relative and external links do not")
    func basePath() throws {
        let a = SiteFixture.document(
            "Content/articles/a.md",
            "---\ntitle: A\ndate: 2021-10-01\n---\n[t](/timeline/) [x](//cdn.example/x) [y](https://example.com/) [z](#here)\n")
        let body = try #require(SiteFixture.resolve([a]).0?.articles.first?.body)
        #expect(
            TreeLinks(body).links == [
                ResolvedLink(target: .sitePath, href: "/report/timeline/"),
                ResolvedLink(target: .external, href: "//cdn.example/x"),
                ResolvedLink(target: .external, href: "https://example.com/"),
                ResolvedLink(target: .fragment, href: "#here"),
            ])
    }
}

/// The links and citation marks of a body, in document order.
struct TreeLinks {
    var links: [ResolvedLink] = []
    var citations: [[CitationMark]] = []

    init(_ body: DocumentBody) {
        for block in body { visit(block) }
    }

    private mutating func visit(_ block: Block<Component>) {
        switch block {
        case .paragraph(let inlines, _): visit(inlines)
        case .heading(let heading, _): visit(heading.content)
        case .blockQuote(let children, _): children.forEach { visit($0) }
        case .list(let list, _): list.items.joined().forEach { visit($0) }
        default: break
        }
    }

    private mutating func visit(_ inlines: [Inline]) {
        for inline in inlines {
            switch inline {
            case .link(let link, let children):
                links.append(link)
                visit(children)
            case .emphasis(let children), .strong(let children): visit(children)
            case .citations(let marks): citations.append(marks)
            default: break
            }
        }
    }
}
