import BroadsheetContent
import BroadsheetCore
import BroadsheetFacts
import Foundation
import Testing

@Suite("Newsletter editions")
struct EditionTests {
    static let path = "Content/newsletters/first.md"

    func load(_ text: String) -> (LoadedEdition?, [String]) {
        let (edition, diagnostics) = EditionLoader.load(SourceFile(path: Self.path, text: text))
        return (edition, diagnostics.map(\.description))
    }

    @Test("a complete edition loads")
    func good() throws {
        let (edition, diagnostics) = load(
            """
            ---
            subject: "微信支付 on Taobao"
            date: 2024-09-30
            preheader: In one email.
            articles: [a, b]
            timeline:
              from: 2021-09
              to: 2021-12-31
              entities: [tencent]
              themes: [payments]
              limit: 5
            ---

            Hello.
            """)
        #expect(diagnostics.isEmpty)
        let loaded = try #require(edition)
        #expect(loaded.name == "first")
        #expect(loaded.subject == "微信支付 on Taobao")
        #expect(loaded.articles.map(\.slug) == ["a", "b"])
        #expect(loaded.articles[0].location == SourceLocation(path: Self.path, line: 5, column: 12))
        let window = try #require(loaded.timeline)
        #expect(window.query.from?.iso == "2021-09")
        #expect(window.query.to?.iso == "2021-12-31")
        #expect(window.query.limit == 5)
        #expect(window.entities.map(\.slug) == ["tencent"])
        #expect(loaded.bodyLineOffset == 12)
    }

    static let badInputs: [BadInput] = [
        BadInput(
            name: "no front matter", text: "Hello\n",
            expected: ["Content/newsletters/first.md:1:1: error: the file does not start with front matter"]),
        BadInput(
            name: "missing subject and date", text: "---\narticles: [a]\n---\n",
            expected: [
                "Content/newsletters/first.md:2:1: error: edition front matter is missing the required field 'subject'",
                "Content/newsletters/first.md:2:1: error: edition front matter is missing the required field 'date'",
            ]),
        BadInput(
            name: "nothing to feature", text: "---\nsubject: S\ndate: 2024-09-30\n---\nNote.\n",
            expected: [
                "Content/newsletters/first.md:1:1: error: an edition needs featured articles, a timeline window, or both"
            ]),
        BadInput(
            name: "impossible date and a single article", text: "---\nsubject: S\ndate: 2024-02-30\narticles: a\n---\n",
            expected: [
                "Content/newsletters/first.md:3:7: error: '2024-02-30' is not a valid date",
                "Content/newsletters/first.md:4:11: error: 'articles' must be a list, found the single value 'a'",
            ]),
        BadInput(
            name: "bad timeline window",
            text: "---\nsubject: S\ndate: 2024-09-30\ntimeline:\n  from: 2024-13\n  to: 2021\n  limit: 0\n  colour: red\n---\n",
            expected: [
                "Content/newsletters/first.md:5:9: error: '2024-13' is not a valid date for 'from'",
                "Content/newsletters/first.md:7:10: error: limit must be a positive whole number, found 0.0",
                "Content/newsletters/first.md:8:3: warning: unknown key 'colour' in the edition's timeline is ignored",
            ]),
        BadInput(
            name: "'to' before 'from'", text: "---\nsubject: S\ndate: 2024-09-30\ntimeline:\n  from: 2024\n  to: 2021\n---\n",
            expected: ["Content/newsletters/first.md:6:7: error: the timeline's 'to' (2021) is before its 'from' (2024)"]),
        BadInput(
            name: "unknown key", text: "---\nsubject: S\ndate: 2024-09-30\narticles: [a]\nsubjet: typo\n---\n",
            expected: ["Content/newsletters/first.md:5:1: warning: unknown key 'subjet' in edition front matter is ignored"]),
    ]

    @Test("bad front matter is reported exactly", arguments: badInputs)
    func bad(_ input: BadInput) {
        let (_, diagnostics) = load(input.text)
        #expect(diagnostics.map { $0.description.components(separatedBy: "\n")[0] } == input.expected)
    }

    func resolve(_ edition: String, config: SiteConfig = Self.config) -> (Site?, [String]) {
        let (loaded, problems) = EditionLoader.load(SourceFile(path: Self.path, text: edition))
        precondition(loaded != nil, "\(problems)")
        let a = SiteFixture.document("Content/articles/a.md", "---\ntitle: A\ndate: 2021-10-01\n---\nA.")
        let draft = SiteFixture.document("Content/articles/d.md", "---\ntitle: D\ndate: 2021-10-01\ndraft: true\n---\nD.")
        let (site, diagnostics) = SiteResolver.resolve(
            LoadedContent(config: config, documents: [a, draft], editions: [loaded!]), facts: SiteFixture.facts,
            options: .init())
        return (site, diagnostics.map { $0.description.components(separatedBy: "\n")[0] })
    }

    static let config = SiteConfig(
        title: "T", description: "D", baseURL: "https://example.org/report/", language: "en", author: "Desk",
        publisher: "P", newsletter: NewsletterConfig(from: "desk@example.org", unsubscribeURL: "https://example.org/u?e={email}"))

    @Test("an edition resolves its articles, timeline window and note")
    func resolves() throws {
        let (site, diagnostics) = resolve(
            "---\nsubject: S\ndate: 2024-09-30\narticles: [a]\ntimeline:\n  themes: [payments]\n---\nSee [A](article:a), as [Yicai reported](source:yicai-2021).\n"
        )
        #expect(diagnostics.isEmpty)
        let edition = try #require(site?.editions.first)
        #expect(edition.sitePath.outputPath == "newsletters/first/index.html")
        #expect(edition.featured.map(\.slug) == ["a"])
        #expect(edition.events.map(\.id.rawValue) == ["alibaba-apps-wechat-pay"])
        #expect(edition.citations.map(\.source.rawValue) == ["yicai-2021"])
        #expect(edition.preheader == "See A, as Yicai reported.")
    }

    @Test("unknown articles, drafts, entities and themes are errors where they are written")
    func unknownReferences() {
        let (site, diagnostics) = resolve(
            "---\nsubject: S\ndate: 2024-09-30\narticles: [b, d]\ntimeline:\n  entities: [tencnet]\n  themes: [payment]\n---\nSee [X](article:x).\n"
        )
        #expect(site == nil)
        #expect(
            diagnostics == [
                "Content/newsletters/first.md:4:12: error: no article has the slug 'b'",
                "Content/newsletters/first.md:4:15: error: the featured article 'd' is a draft",
                "Content/newsletters/first.md:6:14: error: unknown entity id 'tencnet' in the edition's timeline",
                "Content/newsletters/first.md:7:12: error: no event has the theme 'payment'",
                "Content/newsletters/first.md:9:9: error: link to unknown article 'x'",
            ])
    }

    @Test("editions need the newsletter section of site.yaml")
    func needsConfig() {
        let config = SiteConfig(
            title: "T", description: "D", baseURL: "https://example.org/", language: "en", author: "Desk", publisher: "P")
        let (_, diagnostics) = resolve("---\nsubject: S\ndate: 2024-09-30\narticles: [a]\n---\n", config: config)
        #expect(
            diagnostics == [
                "Content/site.yaml: error: Content/newsletters/ has editions but site.yaml has no `newsletter:` section"
            ])
    }

    @Test("site.yaml's newsletter section is read, and a password in it is refused")
    func config() throws {
        let text = """
            title: T
            description: D
            baseURL: https://example.org/
            language: en
            author: A
            publisher: P
            newsletter:
              from: "Desk <desk@example.org>"
              unsubscribeURL: https://example.org/u?e={email}
              smtp:
                host: smtp.example.org
                port: 587
                security: starttls
                password: hunter2
            """
        let (config, diagnostics) = SiteConfigLoader.load(SourceFile(path: "Content/site.yaml", text: text))
        #expect(
            diagnostics.map { $0.description.components(separatedBy: "\n")[0] } == [
                "Content/site.yaml:14:5: error: the SMTP password must not be stored in site.yaml"
            ])
        #expect(config?.newsletter == nil)
        let (good, none) = SiteConfigLoader.load(
            SourceFile(path: "Content/site.yaml", text: text.replacingOccurrences(of: "\n    password: hunter2", with: "")))
        #expect(none.isEmpty)
        #expect(good?.newsletter?.smtp.host == "smtp.example.org")
        #expect(good?.newsletter?.smtp.security == .starttls)
    }
}
