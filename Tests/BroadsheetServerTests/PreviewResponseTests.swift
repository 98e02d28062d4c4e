import Testing

@testable import BroadsheetServer

@Suite("Preview responses")
struct PreviewResponseTests {
    @Test(
        "content types by extension",
        arguments: [
            ("index.html", "text/html; charset=utf-8"), ("assets/style.css", "text/css; charset=utf-8"),
            ("assets/broadsheet.js", "text/javascript; charset=utf-8"), ("feed.json", "application/json; charset=utf-8"),
            ("feed.xml", "application/xml; charset=utf-8"), ("sitemap.xml", "application/xml; charset=utf-8"),
            ("assets/logo.SVG", "image/svg+xml"), ("assets/font.woff2", "font/woff2"),
            ("data/events.csv", "text/csv; charset=utf-8"),
            ("robots.txt", "text/plain; charset=utf-8"), ("newsletters/first/email.eml", "message/rfc822"),
            ("LICENSE", "application/octet-stream"), ("archive.unknown", "application/octet-stream"),
        ])
    func contentTypes(path: String, type: String) {
        #expect(MediaType.forPath(path) == type)
    }

    @Test("entity tags change with the bytes and match If-None-Match lists")
    func entityTags() {
        let tag = EntityTag.of(Array("<p>one</p>".utf8))
        #expect(tag.hasPrefix("\"") && tag.hasSuffix("\""))
        #expect(tag != EntityTag.of(Array("<p>two</p>".utf8)))
        #expect(tag == EntityTag.of(Array("<p>one</p>".utf8)))
        #expect(EntityTag.matches(ifNoneMatch: tag, tag: tag))
        #expect(EntityTag.matches(ifNoneMatch: "\"other\", W/\(tag)", tag: tag))
        #expect(EntityTag.matches(ifNoneMatch: "*", tag: tag))
        #expect(!EntityTag.matches(ifNoneMatch: "\"other\"", tag: tag))
        #expect(!EntityTag.matches(ifNoneMatch: "", tag: tag))
    }

    @Test("the live script goes before the last </body>, or at the end")
    func injection() {
        let page = "<html><body><p>&lt;/body&gt; in text</p></body></html>"
        let injected = String(decoding: LiveReloadScript.inject(into: Array(page.utf8), generation: 7), as: UTF8.self)
        #expect(
            injected
                == "<html><body><p>&lt;/body&gt; in text</p><script src=\"/__broadsheet/live.js\" data-generation=\"7\" defer></script>\n</body></html>"
        )
        let fragment = String(decoding: LiveReloadScript.inject(into: Array("<p>x</p>".utf8), generation: 1), as: UTF8.self)
        #expect(fragment.hasPrefix("<p>x</p><script src=\"/__broadsheet/live.js\""))
    }

    @Test("events in text/event-stream form")
    func serverSentEvents() {
        #expect(PreviewEvent.hello(generation: 3).serverSentEvent == "event: hello\ndata: {\"generation\":3}\n\n")
        #expect(
            PreviewEvent.reload(generation: 4, paths: ["/", "/articles/x/"]).serverSentEvent
                == "event: reload\ndata: {\"generation\":4,\"paths\":[\"\\/\",\"\\/articles\\/x\\/\"]}\n\n")
        #expect(
            PreviewEvent.reload(generation: 5, paths: nil).serverSentEvent
                == "event: reload\ndata: {\"all\":true,\"generation\":5}\n\n")
        let problems = PreviewEvent.problems(report: "a.md:1:2: error: bad\n", errorCount: 1, files: ["a.md"]).serverSentEvent
        #expect(problems.hasPrefix("event: problems\ndata: {"))
        #expect(!problems.dropLast(2).contains("\n\n"), "a report with newlines stays on one data line")
    }

    @Test("output paths become the URL paths pages are opened at")
    func urlPaths() {
        #expect(PreviewEvent.urlPath(ofOutput: "index.html") == "/")
        #expect(PreviewEvent.urlPath(ofOutput: "articles/x/index.html") == "/articles/x/")
        #expect(PreviewEvent.urlPath(ofOutput: "feed.xml") == "/feed.xml")
    }

    @Test("a stylesheet edit swaps stylesheets; everything else reloads what changed")
    func eventChoice() {
        #expect(
            PreviewRebuilder.event(
                for: ["assets/broadsheet.js", "assets/style.css"], sources: ["Templates/assets/style.css"], generation: 2)
                == .stylesheets(generation: 2, paths: ["/assets/style.css"]))
        #expect(
            PreviewRebuilder.event(for: ["articles/x/index.html", "feed.xml"], sources: ["Content/articles/x.md"], generation: 3)
                == .reload(generation: 3, paths: ["/articles/x/", "/feed.xml"]))
        #expect(
            PreviewRebuilder.event(for: ["assets/broadsheet.js"], sources: ["Templates/assets/broadsheet.js"], generation: 4)
                == .reload(generation: 4, paths: nil), "a script change reloads every page")
        let many = (0...PreviewEvent.pathListLimit).map { "articles/a\($0)/index.html" }
        #expect(
            PreviewRebuilder.event(for: many, sources: ["Templates/base.mustache"], generation: 5)
                == .reload(generation: 5, paths: nil))
    }

    @Test(
        "editor scratch files are ignored",
        arguments: [".payments.md.swp", "payments.md~", "4913", "#payments.md#", "x.swx", ".sedAb12"])
    func scratchFiles(name: String) {
        #expect(SourceWatcher.isScratchFile(name))
    }

    @Test("real sources are not scratch files", arguments: ["payments.md", "style.css", "site.yaml", "events.yaml"])
    func sources(name: String) {
        #expect(!SourceWatcher.isScratchFile(name))
    }
}
