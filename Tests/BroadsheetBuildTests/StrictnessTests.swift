import BroadsheetBuild
import BroadsheetCore
import BroadsheetSearch
import Foundation
import Testing

/// Unknown front-matter keys, `extra:`, future-dated articles and `--strict`.
@Suite("Front matter strictness, extra fields, future dates, --strict")
struct StrictnessTests {
    /// 3 December 2026, 06:00 UTC: the clock the tests inject.
    static let now = Date(timeIntervalSince1970: 1_796_277_600)

    static func files(_ articles: [String: String], siteExtra: String = "") -> [String: String] {
        var files = [
            "Content/site.yaml": """
            title: Strict
            description: A small site.
            baseURL: https://example.org/
            language: en
            author: Desk
            publisher: Press
            \(siteExtra)
            """
        ]
        for (name, text) in articles { files["Content/articles/\(name).md"] = text }
        return files
    }

    static func article(_ title: String, date: String, more: String = "", body: String = "Text.") -> String {
        "---\ntitle: \(title)\ndate: \(date)\n\(more)---\n\n\(body)\n"
    }

    static func build(_ files: [String: String], future: Bool = false, strict: Bool = false, templates: [String: String] = [:])
        throws(DiagnosticsError) -> SiteBuilder.Report
    {
        let site: FixtureSite
        do {
            site = try FixtureSite(files.merging(templates) { $1 })
        } catch {
            fatalError("cannot write the fixture: \(error)")
        }
        defer { site.delete() }
        var options = SiteBuilder.Options(root: site.root, write: false)
        options.now = now
        options.includeFuture = future
        options.strict = strict
        return try SiteBuilder.build(options)
    }

    @Test("a misspelt draft: is an error with a did-you-mean, not a published article")
    func misspeltDraft() {
        let files = Self.files(["secret": Self.article("Secret", date: "2024-01-01", more: "darft: true\n")])
        #expect {
            _ = try Self.build(files)
        } throws: { error in
            let diagnostics = (error as? DiagnosticsError)?.diagnostics ?? []
            return diagnostics.map(\.message) == ["unknown key 'darft' in front matter"]
                && diagnostics.first?.hint?.hasPrefix("did you mean 'draft'?") == true
                && diagnostics.first?.location == SourceLocation(path: "Content/articles/secret.md", line: 4, column: 1)
        }
    }

    @Test("extra: fields reach templates: text, flags, lists and nested maps")
    func extraFields() throws {
        let more = """
            extra:
              kicker: Analysis
              featured: true
              hidden: false
              sources: [one, two]
              box:
                colour: blue

            """
        let files = Self.files(["a": Self.article("A", date: "2024-01-01", more: more)])
        let page = """
            {{<base}}{{$main}}<p class="kicker">{{extra.kicker}}</p>{{#extra.featured}}<b>Featured</b>{{/extra.featured}}\
            {{#extra.hidden}}<i>hidden</i>{{/extra.hidden}}{{#extra.sources}}<s>{{.}}</s>{{/extra.sources}}\
            <u>{{extra.box.colour}}</u>{{^extra.missing}}<em>no missing</em>{{/extra.missing}}{{/main}}{{/base}}
            """
        let report = try Self.build(files, templates: ["Templates/article.mustache": page])
        let html = try #require(report.files.first { $0.path == "articles/a/index.html" }?.text)
        #expect(
            html.contains(
                "<p class=\"kicker\">Analysis</p><b>Featured</b><s>one</s><s>two</s><u>blue</u><em>no missing</em>"))
    }

    @Test("an article dated after the clock is left out of pages, lists, feeds and sitemap, and counted")
    func futureArticle() throws {
        let files = Self.files([
            "now": Self.article("Now", date: "2026-12-03"),
            "later-today": Self.article("Later today", date: "2026-12-03T09:00:00+00:00"),
            "tomorrow": Self.article("Tomorrow", date: "2026-12-04"),
        ])
        let report = try Self.build(files)
        let paths = Set(report.files.map(\.path))
        #expect(paths.contains("articles/now/index.html"))
        #expect(!paths.contains("articles/tomorrow/index.html"))
        #expect(!paths.contains("articles/later-today/index.html"))
        #expect(report.futureArticles == ["Content/articles/later-today.md", "Content/articles/tomorrow.md"])
        for path in ["feed.xml", "feed.json", "sitemap.xml", "archive/index.html", "index.html"] {
            let text = try #require(report.files.first { $0.path == path }?.text)
            #expect(!text.contains("Tomorrow") && !text.contains("tomorrow"), "\(path)")
        }
        let withFuture = try Self.build(files, future: true)
        #expect(withFuture.files.contains { $0.path == "articles/tomorrow/index.html" })
        #expect(withFuture.futureArticles.isEmpty)
    }

    @Test("--strict and strict: true turn warnings into errors; without them the build passes")
    func strict() throws {
        let files = Self.files(["a": Self.article("A", date: "2024-01-01")], siteExtra: "colour: red")
        let report = try Self.build(files)
        #expect(report.warnings.map(\.message) == ["unknown key 'colour' in site.yaml is ignored"])
        for (files, strict) in [
            (files, true),
            (Self.files(["a": Self.article("A", date: "2024-01-01")], siteExtra: "colour: red\nstrict: true"), false),
        ] {
            #expect {
                _ = try Self.build(files, strict: strict)
            } throws: { error in
                let diagnostics = (error as? DiagnosticsError)?.diagnostics ?? []
                return diagnostics.count == 1 && diagnostics[0].severity == .error
                    && diagnostics[0].message == "unknown key 'colour' in site.yaml is ignored"
                    && diagnostics[0].hint?.hasSuffix("(a warning, made an error by --strict or `strict: true`)") == true
            }
        }
    }

    @Test("language: zh writes dates as 2024年9月12日 on pages, cards and the search index; en as today")
    func chineseDates() throws {
        let article = Self.article("支付", date: "2024-09-12", more: "updated: 2024-10-01\n")
        var files = Self.files(["pay": article])
        files["Content/site.yaml"] = files["Content/site.yaml"]!.replacingOccurrences(
            of: "language: en", with: "language: zh-Hans")
        let report = try Self.build(files)
        let page = try #require(report.files.first { $0.path == "articles/pay/index.html" }?.text)
        #expect(page.contains("2024年9月12日"))
        #expect(page.contains("2024年10月1日"))
        #expect(!page.contains("September"))
        let archive = try #require(report.files.first { $0.path == "archive/index.html" }?.text)
        #expect(archive.contains(">2024年9月12日</time>"))
        let entries = try report.files.filter { $0.path.hasPrefix("search/entries/") }.map { file in
            guard case .data(let pack) = file.contents else { return "" }
            return String(decoding: try SearchIndexRenderer.unpack(pack), as: UTF8.self)
        }.joined()
        #expect(entries.contains("2024年9月12日"))
        let english = try Self.build(Self.files(["pay": article]))
        let englishPage = try #require(english.files.first { $0.path == "articles/pay/index.html" }?.text)
        #expect(englishPage.contains("12 September 2024"))
    }
}
