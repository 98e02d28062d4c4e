import Testing

@testable import BroadsheetServer

@Suite("Preview request targets")
struct PreviewRouteTests {
    static let files: Set<String> = [
        "index.html", "404.html", "articles/payments/index.html", "assets/style.css", "feed.xml", "tags/支付/index.html",
    ]

    static func route(_ target: String) -> PreviewRoute {
        PreviewRoute.resolve(target: target) { files.contains($0) }
    }

    @Test("folders serve their index.html")
    func folders() {
        #expect(Self.route("/") == .file("index.html"))
        #expect(Self.route("/articles/payments/") == .file("articles/payments/index.html"))
        #expect(Self.route("/articles/payments/?utm=x#refs") == .file("articles/payments/index.html"))
        #expect(Self.route("/tags/%E6%94%AF%E4%BB%98/") == .file("tags/支付/index.html"))
    }

    @Test("a folder without its slash redirects, keeping the query")
    func redirects() {
        #expect(Self.route("/articles/payments") == .redirect("/articles/payments/"))
        #expect(Self.route("/articles/payments?a=1&b=2") == .redirect("/articles/payments/?a=1&b=2"))
    }

    @Test("files are served as they are")
    func files() {
        #expect(Self.route("/assets/style.css") == .file("assets/style.css"))
        #expect(Self.route("/assets/style.css?live=123") == .file("assets/style.css"))
        #expect(Self.route("//feed.xml") == .file("feed.xml"))
    }

    @Test("missing paths are not found; double encoding is decoded once only")
    func missing() {
        #expect(Self.route("/nope/") == .notFound)
        #expect(Self.route("/nope") == .notFound)
        #expect(Self.route("/%252e%252e/etc/passwd") == .notFound)
        #expect(Self.route("//etc/passwd") == .notFound)
    }

    @Test(
        "attempts to leave the site are refused",
        arguments: [
            "/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/%2E%2E/", "/..%2f..%2fetc/passwd",
            "/assets/..%2f..%2fContent%2fsite.yaml", "/./index.html", "/%2e/index.html", "/a/%5c..%5c/b",
            "/%00", "/%ff", "/%", "/%2", "/%zz", "\\..\\etc\\passwd", "etc/passwd", "http://evil/../etc/passwd",
            "/articles/%0a/",
        ])
    func refused(target: String) {
        guard case .badRequest = Self.route(target) else {
            Issue.record("\(target) was not refused: \(Self.route(target))")
            return
        }
    }

    @Test("the preview's own endpoints")
    func endpoints() {
        #expect(Self.route("/__broadsheet/events") == .events)
        #expect(Self.route("/__broadsheet/live.js") == .script)
        #expect(Self.route("/__broadsheet/other") == .notFound)
    }
}
