import BroadsheetBuild
import BroadsheetCore
import Foundation
import Testing

/// Inputs too big to commit, generated at test time: each must build or fail clearly,
/// never crash or hang (every test has a time limit).
@Suite("Generated hostile inputs", .timeLimit(.minutes(3)))
struct GeneratedInputTests {
    static func article(_ title: String, body: String) -> String {
        "---\ntitle: \(title)\ndate: 2021-01-01\n---\n\n" + body
    }

    /// Builds the everything fixture plus `files` in memory (nothing written) and returns the page at `path`.
    static func build(_ files: [String: String], page path: String) throws -> String {
        let site = try FixtureSite(EverythingSite.files.merging(files) { $1 })
        defer { site.delete() }
        let report = try SiteBuilder.build(SiteBuilder.Options(root: site.root, write: false))
        let file = try #require(report.files.first { $0.path == path })
        return try #require(file.text)
    }

    static func ids(in html: String, prefix: String) -> [String] {
        html.components(separatedBy: "id=\"\(prefix)").dropFirst().map { prefix + $0.prefix { $0 != "\"" } }
    }

    /// 20 MB, or `BROADSHEET_BIG_ARTICLE_MB` (the sanitizer runs use a smaller article: they
    /// look for memory errors, not for scale, and are several times slower).
    static let bigArticleBytes =
        (ProcessInfo.processInfo.environment["BROADSHEET_BIG_ARTICLE_MB"].flatMap(Int.init) ?? 20) * 1_000_000

    @Test("a 20 MB article builds")
    func twentyMegabytes() throws {
        let paragraph = String(repeating: "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ", count: 20)
        var body = ""
        body.reserveCapacity(Self.bigArticleBytes + 1_000_000)
        var section = 0
        while body.utf8.count < Self.bigArticleBytes {
            body += "## Section \(section)\n\n\(paragraph)\n\n"
            section += 1
        }
        let html = try Self.build(["Content/articles/big.md": Self.article("Big", body: body)], page: "articles/big/index.html")
        #expect(html.utf8.count > Self.bigArticleBytes)
        #expect(html.contains("id=\"section-\(section - 1)\""))
    }

    @Test("a 1 MB line builds, and an error at its end is reported with its column (the quoted line is cut)")
    func longLine() throws {
        let line = String(repeating: "word ", count: 200_000)
        let html = try Self.build(
            ["Content/articles/long.md": Self.article("Long", body: line + "\n")], page: "articles/long/index.html")
        #expect(html.contains(String(repeating: "word ", count: 1000)))

        let site = try FixtureSite(EverythingSite.files)
        defer { site.delete() }
        try site.write("Content/articles/long.md", Self.article("Long", body: line + "[x](source:nope)\n"))
        let (report, failed) = buildReport(site)
        #expect(failed)
        #expect(
            report == """
                Content/articles/long.md:6:1000005: error: unknown source id 'nope'
                    …\(String((line + "[x](source:nope)").suffix(52)))
                    \(String(repeating: " ", count: 41))^
                    hint: add it to Content/facts/sources.yaml or correct the id
                Failed with 1 error; nothing was written.

                """)
    }

    @Test("3,000 nested list levels and 100,000 nested block quotes build")
    func deepNesting() throws {
        let lists = (0..<3000).map { String(repeating: "  ", count: $0) + "- item\n" }.joined()
        let html = try Self.build(
            ["Content/articles/lists.md": Self.article("Lists", body: lists)], page: "articles/lists/index.html")
        // Past the tree's depth limit the deeper levels are flattened: every item's text stays.
        #expect(html.components(separatedBy: "<li>").count > 90)
        #expect(html.components(separatedBy: "item").count > 3000)
        let quotes = String(repeating: ">", count: 100_000) + " deep\n"
        let quoted = try Self.build(
            ["Content/articles/quotes.md": Self.article("Quotes", body: quotes)], page: "articles/quotes/index.html")
        #expect(quoted.contains("deep"))
    }

    @Test("a paragraph of 50,000 links and citations builds, each link checked (issue 13: it was quadratic)")
    func manyLinksInOneParagraph() throws {
        // Smaller under the sanitizers, which look for memory errors, not for scale.
        let count = Self.bigArticleBytes < 20_000_000 ? 10_000 : 50_000
        let body =
            (0..<count).map { index in
                index % 5 == 0 ? "[claim \(index)](source:wire-2021)" : "[link \(index)](https://example.org/\(index))"
            }.joined(separator: " ") + "\n"
        let html = try Self.build(
            ["Content/articles/links.md": Self.article("Links", body: body)], page: "articles/links/index.html")
        #expect(html.components(separatedBy: "\">link ").count == count - count / 5 + 1)
        #expect(html.contains("id=\"cite-1-\(count / 5)\""))
    }

    @Test("50,000 nested brackets, emphasis markers and links build")
    func pathologicalInlines() throws {
        let body =
            String(repeating: "[", count: 50_000) + "x" + String(repeating: "](source:wire-2021)", count: 3) + "\n\n"
            + String(repeating: "*a ", count: 50_000) + "\n\n" + String(repeating: "**", count: 50_000) + "\n\n"
            + String(repeating: "`", count: 50_000) + "\n\n" + String(repeating: "<a ", count: 50_000) + "\n"
        let html = try Self.build(
            ["Content/articles/inline.md": Self.article("Inline", body: body)], page: "articles/inline/index.html")
        #expect(html.contains("<article"))
    }

    // Generated, not in the corpus: macOS file systems cannot hold both names, so a checkout would fail.
    #if os(Linux)
        @Test("two file names that differ only in Unicode normalisation (NFC and NFD) collide clearly")
        func normalisationCollision() throws {
            let site = try FixtureSite(EverythingSite.files)
            defer { site.delete() }
            try site.write("Content/articles/caf\u{E9}.md", Self.article("One", body: "One.\n"))
            try site.write("Content/articles/cafe\u{301}.md", Self.article("Two", body: "Two.\n"))
            #expect(try FileManager.default.contentsOfDirectory(atPath: site.root.path + "/Content/articles").count == 5)
            let (report, failed) = buildReport(site)
            #expect(failed)
            #expect(
                report == """
                    Content/articles/cafe\u{301}.md: error: article slug 'caf\u{E9}' is already used by another file with the same name, written with different Unicode bytes (NFC and NFD)
                        hint: the two file names look identical; delete or rename one of them
                    Failed with 1 error; nothing was written.

                    """)
        }
    #endif

    @Test("5,000 headings with the same text get 5,000 distinct ids")
    func sameHeadings() throws {
        let body = String(repeating: "## Same\n\ntext\n\n", count: 5000)
        let html = try Self.build(
            ["Content/articles/same.md": Self.article("Same", body: body)], page: "articles/same/index.html")
        let ids = Self.ids(in: html, prefix: "same")
        #expect(ids.count == 5000)
        #expect(Set(ids).count == 5000)
    }
}
