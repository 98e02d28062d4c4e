import BroadsheetCore
import Foundation
import Testing

@testable import BroadsheetBuild

/// The link check of every build: each broken-link form, anchors, relative links, the base
/// path and the did-you-mean, on the everything fixture (published under /gazette/).
@Suite("Internal link check")
struct LinkCheckerTests {
    /// Builds the fixture with `extra` added, without writing, and returns the link errors.
    private func linkErrors(_ extra: [String: String]) throws -> [Diagnostic] {
        let site = try FixtureSite(EverythingSite.files.merging(extra) { $1 })
        defer { site.delete() }
        do {
            _ = try SiteBuilder.build(SiteBuilder.Options(root: site.root, write: false))
            return []
        } catch {
            return error.diagnostics.filter { $0.severity == .error }
        }
    }

    private func article(_ body: String) -> [String: String] {
        ["Content/articles/links.md": "---\ntitle: Links\ndate: 2024-01-02\n---\n\n" + body + "\n"]
    }

    @Test("the fixture's own links are all good")
    func fixtureIsClean() throws {
        #expect(try linkErrors([:]).isEmpty)
    }

    @Test("a misspelt root-relative link is an error at its position, with a did-you-mean")
    func misspeltPath() throws {
        let errors = try linkErrors(article("See [the timeline](/timelin/)."))
        #expect(
            errors.map(\.description) == [
                "Content/articles/links.md:6:20: error: broken link '/timelin/': the site has no page or file at /gazette/timelin/"
            ])
        #expect(errors.first?.hint == "did you mean '/timeline/'?")
    }

    @Test("a broken link in a newsletter edition is reported in its file")
    func editionLink() throws {
        var files = EverythingSite.files
        files["Content/newsletters/first.md"] = files["Content/newsletters/first.md"]!.replacingOccurrences(
            of: "Hello from the desk.", with: "Hello from [the desk](/desk/).")
        let errors = try linkErrors(files.filter { $0.key == "Content/newsletters/first.md" })
        #expect(errors.map(\.description) == [
            "Content/newsletters/first.md:12:23: error: broken link '/desk/': the site has no page or file at /gazette/desk/"
        ])
    }

    @Test("a link to a Markdown file names the article it is")
    func markdownFile() throws {
        let errors = try linkErrors(article("Read [the walls](walls.md) and [nothing](nothing.md)."))
        #expect(errors.count == 2)
        #expect(errors[0].message == "link to the Markdown file 'walls.md' instead of the page it becomes")
        #expect(
            errors[0].hint
                == "write [text](article:walls) instead: Content/articles/walls.md is published at /gazette/articles/walls/")
        #expect(errors[1].location.column == 42)
        #expect(errors[1].hint?.hasPrefix("link to the page the file becomes") == true)
    }

    @Test("relative links are resolved against the page's address")
    func relativeLinks() throws {
        // From /gazette/articles/links/: ../walls/ is an article, ../overview/ is nothing.
        let errors = try linkErrors(article("[Good](../walls/), [also](../walls), [bad](../overview/)."))
        #expect(
            errors.map(\.message) == [
                "broken link '../overview/': the site has no page or file at /gazette/articles/overview/"
            ])
        #expect(errors.first?.location == SourceLocation(path: "Content/articles/links.md", line: 6, column: 44))
    }

    @Test("a missing image is an error")
    func missingImage() throws {
        let errors = try linkErrors(article("![A photo](/assets/photo.jpg)"))
        #expect(
            errors.map(\.message) == [
                "broken link '/assets/photo.jpg': the site has no page or file at /gazette/assets/photo.jpg"
            ])
    }

    @Test("fragments must name an id on the target page")
    func anchors() throws {
        let errors = try linkErrors(
            article(
                """
                ## Here

                [Own](#here), [own bad](#hree), [other](article:walls#background), [other bad](/articles/walls/#backgroud).
                """))
        #expect(
            errors.map(\.message) == [
                "broken link '#hree': the page /gazette/articles/links/ has no element with the id 'hree'",
                "broken link '/articles/walls/#backgroud': the page /gazette/articles/walls/ has no element with the id 'backgroud'",
            ])
        #expect(errors.map(\.hint) == ["did you mean 'here'?", "did you mean 'background'?"])
    }

    @Test("a menu entry that leads nowhere is reported once, at site.yaml")
    func menuEntry() throws {
        var files = EverythingSite.files
        files["Content/site.yaml"] = files["Content/site.yaml"]!.replacingOccurrences(
            of: "url: /timeline/", with: "url: /timelines/")
        let site = try FixtureSite(files)
        defer { site.delete() }
        let error = #expect(throws: DiagnosticsError.self) {
            try SiteBuilder.build(SiteBuilder.Options(root: site.root, write: false))
        }
        let errors = error?.diagnostics ?? []
        #expect(errors.count == 1)
        #expect(errors.first?.location == SourceLocation(path: "Content/site.yaml", line: 12, column: 10))
        #expect(errors.first?.message == "broken link '/timelines/': the site has no page or file at /gazette/timelines/")
        #expect(errors.first?.hint == "did you mean '/timeline/'?")
    }

    @Test("a template's broken link is reported once at Templates, with the pages that hold it")
    func templateLink() throws {
        let site = try FixtureSite(EverythingSite.files)
        defer { site.delete() }
        let page = try String(contentsOf: site.root.appendingPathComponent("Templates/page.mustache"), encoding: .utf8)
        try site.write(
            "Templates/page.mustache",
            page.replacingOccurrences(of: "{{title}}</h1>", with: "{{title}}</h1><a href=\"/feed.xml\">Feed</a>"))
        let error = #expect(throws: DiagnosticsError.self) {
            try SiteBuilder.build(SiteBuilder.Options(root: site.root, write: false))
        }
        let errors = error?.diagnostics ?? []
        #expect(
            errors.map(\.description) == [
                "Templates: error: link '/feed.xml' leads outside the site, which is published under /gazette/"
            ])
        #expect(errors.first?.hint?.hasPrefix("on 1 page (/gazette/about/), from a template or a fact's text; ") == true)
    }

    // MARK: - Resolution

    private let targets = LinkTargets(
        basePath: "/report/",
        paths: ["index.html", "timeline/index.html", "articles/a/index.html", "assets/style.css", "feed.xml"],
        ids: ["timeline/index.html": ["e1"], "articles/a/index.html": ["top"]])

    @Test("links to other sites and schemes are not checked")
    func external() {
        var targets = targets
        for link in ["https://example.org/x", "mailto:a@b.c", "//cdn.example.org/x.js", "data:image/png;base64,AA", ""] {
            #expect(targets.problem(with: link, onPage: "index.html") == nil, "\(link)")
        }
    }

    @Test("root-relative, relative, query strings, percent-escapes and folders without a slash")
    func resolution() {
        var targets = targets
        let good = [
            "/report/timeline/", "/report/timeline", "/report/assets/style.css?v=1", "/report/", "../../timeline/#e1",
            "./#top", "#top", "/report/articles/%61/", "../../../../report/feed.xml",
        ]
        for link in good { #expect(targets.problem(with: link, onPage: "articles/a/index.html") == nil, "\(link)") }
        #expect(targets.problem(with: "/timeline/", onPage: "index.html")?.kind == .outsideBase)
        #expect(targets.problem(with: "b/", onPage: "articles/a/index.html")?.kind == .missing("/report/articles/a/b/"))
        #expect(
            targets.problem(with: "#e1", onPage: "articles/a/index.html")?.kind
                == .missingID(page: "/report/articles/a/", outputPath: "articles/a/index.html", id: "e1"))
    }

    @Test("paths are normalised as a browser does")
    func normalising() {
        #expect(LinkTargets.normalised("/a/b/../c") == "/a/c")
        #expect(LinkTargets.normalised("/a/./b/") == "/a/b/")
        #expect(LinkTargets.normalised("/a/..") == "/")
        #expect(LinkTargets.normalised("/../../x") == "/x")
    }

    @Test("the page scan finds href, src and id values and decodes entities")
    func scanning() {
        let html = #"<a class="x" href="/a/?b=1&amp;c=2">x</a><img src='/i.png' alt="href=&quot;no&quot;"><h2 id="top">T</h2>"#
        let page = PageLinks.scan(Data(html.utf8))
        #expect(page.links == ["/a/?b=1&c=2", "/i.png"])
        #expect(page.ids == ["top"])
        #expect(PageLinks.decodeEntities("a&#x27;b&#39;&bogus;") == "a'b'&bogus;")
    }
}
