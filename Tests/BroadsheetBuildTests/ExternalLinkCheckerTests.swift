import BroadsheetContent
import BroadsheetCore
import Foundation
import Testing

@testable import BroadsheetBuild

/// The cache of `check --external` and the links it asks; requests themselves are tested on a
/// loopback server in Tests/e2e/test_external_links.py.
@Suite("External link check")
struct ExternalLinkCheckerTests {
    private let folder = FileManager.default.temporaryDirectory.appendingPathComponent("broadsheet-links-\(UUID().uuidString)")

    @Test("good answers are fresh for their age, then asked again; a broken file is an empty cache")
    func cacheExpiry() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(".broadsheet-cache/external-links.json")
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        var cache = ExternalLinkCache.read(file)
        cache.remember("https://a.example/", at: now)
        #expect(cache.write(to: file, root: folder) == nil)
        let read = ExternalLinkCache.read(file)
        #expect(read.isFresh("https://a.example/", now: now.addingTimeInterval(3600), maxAge: 86_400))
        #expect(!read.isFresh("https://a.example/", now: now.addingTimeInterval(90_000), maxAge: 86_400))
        #expect(!read.isFresh("https://a.example/", now: now.addingTimeInterval(-10), maxAge: 86_400), "a time in the future")
        #expect(!read.isFresh("https://b.example/", now: now, maxAge: 86_400))
        try Data("{not json".utf8).write(to: file)
        #expect(ExternalLinkCache.read(file).checked.isEmpty)
    }

    @Test("an unwritable cache is a warning, not an error")
    func unwritableCache() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // A file where the cache's folder should be.
        try Data().write(to: folder.appendingPathComponent(".broadsheet-cache"))
        let problem = ExternalLinkCache().write(
            to: folder.appendingPathComponent(".broadsheet-cache/external-links.json"), root: folder)
        #expect(problem?.severity == .warning)
        #expect(problem?.location.path == ".broadsheet-cache/external-links.json")
        #expect(problem?.message.hasPrefix("cannot write the cache of external links: ") == true)
    }

    @Test("only http(s) links are asked, each once; cached ones are not asked")
    func whichLinks() {
        let place = SourceLocation(path: "Content/articles/a.md", line: 3, column: 4)
        let links = [
            AuthoredLink(destination: "/timeline/", href: "/timeline/", location: place, isImage: false),
            AuthoredLink(destination: "https://a.example/", href: "https://a.example/", location: place, isImage: false),
            AuthoredLink(destination: "HTTPS://a.example/x", href: "HTTPS://a.example/x", location: place, isImage: false),
        ]
        #expect(links.filter { ExternalLinkChecker.isExternal($0.href) }.count == 2)
        let file = folder.appendingPathComponent("cache.json")
        defer { try? FileManager.default.removeItem(at: folder) }
        var cache = ExternalLinkCache()
        let now = Date()
        cache.remember("https://a.example/", at: now)
        cache.remember("HTTPS://a.example/x", at: now)
        #expect(cache.write(to: file, root: folder) == nil)
        // Both are fresh, so nothing goes to the network.
        let summary = ExternalLinkChecker(cacheFile: file).check(links, root: folder, now: now)
        #expect(summary.checked == 2 && summary.fromCache == 2 && summary.warnings.isEmpty)
    }

    @Test("the fixture's Markdown links and its sources' addresses are collected with their places")
    func collected() throws {
        let site = try FixtureSite(EverythingSite.files)
        defer { site.delete() }
        try site.write(
            "Content/pages/links.md", "---\ntitle: Links\n---\n\n[A](https://a.example/) and [B](mailto:b@example.org).\n")
        var options = SiteBuilder.Options(root: site.root, write: false)
        options.collectsExternalLinks = true
        let report = try SiteBuilder.build(options)
        #expect(try SiteBuilder.build(SiteBuilder.Options(root: site.root, write: false)).externalLinks.isEmpty)
        #expect(
            report.externalLinks.map(\.location.description) == [
                "Content/pages/links.md:5:5", "Content/facts/sources.yaml:1:3", "Content/facts/sources.yaml:6:3",
                "Content/facts/sources.yaml:13:3",
            ])
    }
}
