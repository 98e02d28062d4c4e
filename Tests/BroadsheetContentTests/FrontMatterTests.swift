import BroadsheetContent
import BroadsheetCore
import Testing

/// One bad input and the exact diagnostics it must produce.
struct BadInput: Sendable, CustomTestStringConvertible {
    var name: String
    var text: String
    var expected: [String]
    var testDescription: String { name }
}

@Suite("Front matter")
struct FrontMatterTests {
    func load(_ text: String, kind: LoadedDocument.Kind = .article) -> (LoadedDocument?, [String]) {
        let (document, diagnostics) = DocumentLoader.load(
            SourceFile(path: "Content/articles/a.md", text: text), kind: kind, defaultAuthor: "Desk")
        return (document, diagnostics.map(\.description))
    }

    @Test("a complete article loads")
    func good() throws {
        let (document, diagnostics) = load(
            "---\ntitle: \"Links: phase one\"\ndate: 2021-09-17T09:30:00+08:00\nupdated: 2021-11-29\nsummary: Short.\ntags: [links, WeChat]\nauthors: [A, B]\nslug: phase-one\nweight: 2\n---\n\nBody *here*.\n"
        )
        #expect(diagnostics.isEmpty)
        let article = try #require(document)
        #expect(article.title == "Links: phase one")
        #expect(article.slug == "phase-one")
        #expect(article.date?.rfc3339 == "2021-09-17T01:30:00Z")
        #expect(article.date?.display == "17 September 2021")
        #expect(article.tags == ["links", "WeChat"])
        #expect(article.authors == ["A", "B"])
        #expect(article.weight == 2)
        #expect(article.bodyLineOffset == 10)
        #expect(article.body == "\nBody *here*.\n")
    }

    @Test("defaults: slug from the file name, the site's author")
    func defaults() throws {
        let (document, _) = load("---\ntitle: T\ndate: 2024-09-12\n---\nx")
        #expect(document?.slug == "a")
        #expect(document?.authors == ["Desk"])
        #expect(document?.isDraft == false)
    }

    static let badInputs: [BadInput] = [
        BadInput(
            name: "empty file", text: "",
            expected: ["Content/articles/a.md:1:1: error: the file is empty"]),
        BadInput(
            name: "no front matter", text: "# Title\n",
            expected: ["Content/articles/a.md:1:1: error: the file does not start with front matter"]),
        BadInput(
            name: "unclosed front matter", text: "---\ntitle: T\ndate: 2021-01-01\n\nBody\n",
            expected: ["Content/articles/a.md:1:1: error: the front matter that starts on line 1 is never closed"]),
        BadInput(
            name: "invalid YAML", text: "---\ntitle: T\ndate: [2021\n---\n",
            expected: [
                "Content/articles/a.md:3:7: error: invalid YAML: a flow sequence starts here and is never closed"
            ]),
        BadInput(
            name: "missing title and date", text: "---\nsummary: S\n---\n",
            expected: [
                "Content/articles/a.md:2:1: error: front matter is missing the required field 'title'",
                "Content/articles/a.md:2:1: error: front matter is missing the required field 'date'",
            ]),
        BadInput(
            name: "impossible date", text: "---\ntitle: T\ndate: 2021-02-30\n---\n",
            expected: ["Content/articles/a.md:3:7: error: '2021-02-30' is not a valid date"]),
        BadInput(
            name: "number as title", text: "---\ntitle: 2021\ndate: 2021-02-03\n---\n",
            expected: [
                "Content/articles/a.md:2:8: error: 'title' in front matter must be text, found '2021'"
            ]),
        BadInput(
            name: "string as tags", text: "---\ntitle: T\ndate: 2021-02-03\ntags: links\n---\n",
            expected: ["Content/articles/a.md:4:7: error: 'tags' must be a list, found the single value 'links'"]),
        BadInput(
            name: "duplicate keys", text: "---\ntitle: T\ntitle: U\ndate: 2021-02-03\n---\n",
            expected: ["Content/articles/a.md:3:1: error: duplicate key 'title' in a mapping (first written on line 2)"]),
        BadInput(
            name: "unsafe slug", text: "---\ntitle: T\ndate: 2021-02-03\nslug: ../etc\n---\n",
            expected: [
                "Content/articles/a.md:4:7: error: slug '../etc' cannot be used in a URL: it must not be empty, contain '/', spaces or '%', or start with '.'"
            ]),
        BadInput(
            name: "bad time zone", text: "---\ntitle: T\ndate: 2021-02-03T10:00:00+25:00\n---\n",
            expected: ["Content/articles/a.md:3:7: error: '2021-02-03T10:00:00+25:00' is not a valid date"]),
    ]

    @Test("bad front matter is reported at its exact location", arguments: badInputs)
    func bad(_ input: BadInput) {
        let (document, diagnostics) = load(input.text)
        #expect(document == nil)
        #expect(diagnostics == input.expected)
    }

    @Test("unknown keys are errors with a suggestion (a misspelt draft: must not publish); extra: holds custom fields")
    func unknownKey() {
        let (document, diagnostics) = DocumentLoader.load(
            SourceFile(path: "Content/articles/a.md", text: "---\ntitle: T\ndate: 2021-02-03\ntagz: [x]\n---\n"),
            kind: .article, defaultAuthor: "Desk")
        #expect(document == nil)
        #expect(diagnostics.map(\.description) == ["Content/articles/a.md:4:1: error: unknown key 'tagz' in front matter"])
        #expect(diagnostics.first?.hint == "did you mean 'tags'? Fields of your own go under `extra:`")
        let (custom, none) = DocumentLoader.load(
            SourceFile(
                path: "Content/articles/a.md",
                text: "---\ntitle: T\ndate: 2021-02-03\nextra:\n  kicker: News\n  flag: true\n  list: [a, \"true\"]\n---\n"),
            kind: .article, defaultAuthor: "Desk")
        #expect(none.isEmpty)
        #expect(
            custom?.extra == [
                "kicker": .text("News"), "flag": .flag(true), "list": .list([.text("a"), .text("true")]),
            ])
    }

    @Test("aliases: old addresses as folder pages or .html files")
    func aliases() {
        let (document, diagnostics) = DocumentLoader.load(
            SourceFile(
                path: "Content/articles/a.md",
                text: "---\ntitle: T\ndate: 2021-02-03\naliases: [/articles/old/, /old, /2019/old.html, /文章/旧/]\n---\n"),
            kind: .article, defaultAuthor: "Desk")
        #expect(diagnostics.isEmpty)
        #expect(
            document?.aliases.map(\.sitePath.outputPath) == [
                "articles/old/index.html", "old/index.html", "2019/old.html", "文章/旧/index.html",
            ])
        #expect(document?.aliases.first?.location == SourceLocation(path: "Content/articles/a.md", line: 4, column: 11))
    }

    @Test("pages do not need a date")
    func pageWithoutDate() {
        let (document, diagnostics) = load("---\ntitle: About\n---\nHello", kind: .page)
        #expect(diagnostics.isEmpty)
        #expect(document?.date == nil)
    }
}

@Suite("site.yaml")
struct SiteConfigTests {
    @Test("a complete config loads, with the base path derived from the URL")
    func good() throws {
        let text = """
            title: Report
            description: D
            baseURL: https://example.org/report
            language: en
            author: Desk
            publisher: Pub
            menu:
              - title: Timeline
                url: /timeline/
            """
        let (config, diagnostics) = SiteConfigLoader.load(SourceFile(path: "Content/site.yaml", text: text))
        #expect(diagnostics.isEmpty)
        let site = try #require(config)
        #expect(site.baseURL == "https://example.org/report/")
        #expect(site.basePath == "/report/")
        #expect(site.origin == "https://example.org")
        #expect(site.menu.map(\.url) == ["/timeline/"])
    }

    @Test("every problem is reported at once")
    func bad() {
        let text = "title: Report\nbaseURL: example.org\nlanguage: en\nauthor: Desk\npublisher: P\nallowRawHTML: maybe\n"
        let (config, diagnostics) = SiteConfigLoader.load(SourceFile(path: "Content/site.yaml", text: text))
        #expect(config == nil)
        #expect(
            diagnostics.map(\.description) == [
                "Content/site.yaml:1:1: error: site.yaml is missing the required field 'description'",
                "Content/site.yaml:2:10: error: baseURL 'example.org' is not an absolute http(s) URL",
                "Content/site.yaml:6:15: error: 'allowRawHTML' in site.yaml must be true or false, found 'maybe'",
            ])
    }

    @Test("--base-url overrides the file")
    func override() {
        let text = "title: R\ndescription: D\nbaseURL: https://a.example/\nlanguage: en\nauthor: A\npublisher: P\n"
        let (config, _) = SiteConfigLoader.load(
            SourceFile(path: "Content/site.yaml", text: text), baseURLOverride: "http://127.0.0.1:4000/")
        #expect(config?.baseURL == "http://127.0.0.1:4000/")
    }
}
