import BroadsheetBuild
import BroadsheetCore
import Foundation
import Testing

/// The archive and topic pages split into pages of `paginate:` cards.
@Suite("Pagination")
struct PaginationTests {
    /// A minimal site with `count` dated articles, every one tagged `news`, every third also `rare`.
    static func files(articles count: Int, paginate: Int?) -> [String: String] {
        var files = [
            "Content/site.yaml": """
            title: Paged
            description: A site with many articles.
            baseURL: https://example.org/paged/
            language: en
            author: Desk
            publisher: Press
            \(paginate.map { "paginate: \($0)" } ?? "")
            """
        ]
        for number in 1...count {
            let day = String(format: "%02d", number % 28 + 1)
            let month = String(format: "%02d", number / 28 % 12 + 1)
            files["Content/articles/a\(number).md"] = """
                ---
                title: Article \(number)
                date: \(2000 + number / 336)-\(month)-\(day)
                tags: [news\(number % 3 == 0 ? ", rare" : "")]
                ---

                Text of article \(number).
                """
        }
        return files
    }

    static func build(articles: Int, paginate: Int?) throws -> [String: String] {
        let site = try FixtureSite(files(articles: articles, paginate: paginate))
        defer { site.delete() }
        let report = try SiteBuilder.build(SiteBuilder.Options(root: site.root, write: false))
        return Dictionary(uniqueKeysWithValues: report.files.compactMap { file in file.text.map { (file.path, $0) } })
    }

    static func cardCount(_ html: String) -> Int { html.components(separatedBy: "<article class=\"card\"").count - 1 }

    @Test("45 articles at the default size: three archive pages, no page/1, rel links and a pager")
    func defaultSize() throws {
        let files = try Self.build(articles: 45, paginate: nil)
        let first = try #require(files["archive/index.html"])
        let second = try #require(files["archive/page/2/index.html"])
        let third = try #require(files["archive/page/3/index.html"])
        #expect(files["archive/page/1/index.html"] == nil)
        #expect(files["archive/page/4/index.html"] == nil)
        #expect([first, second, third].map(Self.cardCount) == [20, 20, 5])
        #expect(!first.contains(#"rel="prev""#))
        #expect(first.contains(#"<link rel="next" href="https://example.org/paged/archive/page/2/">"#))
        #expect(second.contains(#"<link rel="prev" href="https://example.org/paged/archive/">"#))
        #expect(second.contains(#"<link rel="next" href="https://example.org/paged/archive/page/3/">"#))
        #expect(second.contains(#"<link rel="canonical" href="https://example.org/paged/archive/page/2/">"#))
        #expect(second.contains("<title>Archive (page 2 of 3) — Paged</title>"))
        #expect(second.contains(#"<nav class="list-pager" aria-label="Archive pages">"#))
        #expect(second.contains(#"<a href="/paged/archive/page/2/" aria-current="page" aria-label="Page 2">2</a>"#))
        #expect(third.contains(#"<a href="/paged/archive/page/2/" rel="prev">"#))
        #expect(!third.contains(#"rel="next""#))
        // Topics: 45 in news (3 pages), 15 in rare (1 page, no pager).
        #expect(files["tags/news/page/3/index.html"] != nil)
        #expect(files["tags/news/page/4/index.html"] == nil)
        #expect(files["tags/rare/page/2/index.html"] == nil)
        #expect(files["tags/rare/index.html"].map { $0.contains("list-pager") } == false)
        let sitemap = try #require(files["sitemap.xml"])
        #expect(sitemap.contains("<loc>https://example.org/paged/archive/page/3/</loc>"))
        #expect(sitemap.contains("<loc>https://example.org/paged/tags/news/page/2/</loc>"))
    }

    @Test("a long list shows the first, the last and two pages either side of the current one")
    func window() throws {
        let files = try Self.build(articles: 12, paginate: 1)
        let page = try #require(files["archive/page/6/index.html"])
        let numbers = page.matches(of: /aria-label="Page (\d+)">/).map { Int($0.1)! }
        #expect(numbers == [1, 4, 5, 6, 7, 8, 12])
        #expect(page.components(separatedBy: #"<span class="list-pager-gap">…</span>"#).count - 1 == 2)
        // A gap of one page shows the page instead of "…".
        let third = try #require(files["archive/page/3/index.html"])
        #expect(third.matches(of: /aria-label="Page (\d+)">/).map { Int($0.1)! } == [1, 2, 3, 4, 5, 12])
    }

    @Test("paginate must be a whole number from 1 to 1000")
    func badValue() throws {
        for value in ["0", "2.5", "1001", "many"] {
            var files = Self.files(articles: 2, paginate: nil)
            files["Content/site.yaml"]! += "\npaginate: \(value)\n"
            let site = try FixtureSite(files)
            defer { site.delete() }
            do {
                _ = try SiteBuilder.build(SiteBuilder.Options(root: site.root, write: false))
                Issue.record("paginate: \(value) was accepted")
            } catch {
                let messages = error.diagnostics.map { "\($0.location.line ?? 0): \($0.message)" }
                #expect(
                    messages == ["8: paginate must be a whole number from 1 to 1000"]
                        || messages == ["8: 'paginate' in site.yaml must be a number, found 'many'"], "\(messages)")
            }
        }
    }
}
