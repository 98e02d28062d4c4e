import BroadsheetBuild
import BroadsheetCore
import Foundation
import Testing

/// The incremental path must give exactly what a full build gives.
@Suite("Live site (incremental rebuilds)")
struct LiveSiteTests {
    /// One edit to the everything fixture and whether it should need a full rebuild.
    struct Edit: Sendable, CustomTestStringConvertible {
        var name: String
        var path: String
        var transform: @Sendable (String) -> String
        var fullRebuild: Bool
        var testDescription: String { name }
    }

    static let edits: [Edit] = [
        Edit(
            name: "body text of an article", path: "Content/articles/walls.md",
            transform: { $0.replacingOccurrences(of: "Nothing else here.", with: "Something else here.") }, fullRebuild: false),
        Edit(
            name: "a word no other text has (a search shard added, words removed)", path: "Content/articles/walls.md",
            transform: { $0.replacingOccurrences(of: "Nothing else here.", with: "Zyzzyva, 淘宝.") }, fullRebuild: false),
        Edit(
            name: "title and tags of an article", path: "Content/articles/walls.md",
            transform: {
                $0.replacingOccurrences(of: "title: The walls", with: "title: The walls, revised").replacingOccurrences(
                    of: "tags: [walls]", with: "tags: [walls, payments]")
            },
            fullRebuild: false),
        Edit(
            name: "a new citation in an article", path: "Content/articles/walls.md",
            transform: { $0 + "\nA [cited](source:caixin-2013) claim.\n" }, fullRebuild: false),
        Edit(
            name: "the first paragraph (excerpt) of the newest article", path: "Content/articles/opening.md",
            transform: { $0.replacingOccurrences(of: "Taobao [added", with: "Taobao [finally added") }, fullRebuild: false),
        Edit(
            name: "a page", path: "Content/pages/about.md",
            transform: { $0.replacingOccurrences(of: "We cite", with: "We always cite") }, fullRebuild: false),
        Edit(
            name: "the date of an article (order and footer change)", path: "Content/articles/walls.md",
            transform: { $0.replacingOccurrences(of: "date: 2013-11-26", with: "date: 2025-01-01") }, fullRebuild: true),
        Edit(
            name: "site.yaml", path: "Content/site.yaml",
            transform: { $0.replacingOccurrences(of: "title: The Fixture Gazette", with: "title: The Gazette") },
            fullRebuild: true),
        Edit(
            name: "a newsletter edition", path: "Content/newsletters/first.md",
            transform: { $0.replacingOccurrences(of: "Hello from the desk.", with: "Hello again from the desk.") },
            fullRebuild: true),
        Edit(
            name: "the title of an article an edition features", path: "Content/articles/walls.md",
            transform: { $0.replacingOccurrences(of: "title: The walls", with: "title: The walls, featured") },
            fullRebuild: false),
        Edit(
            name: "a topic that loses its only article (its page goes)", path: "Content/articles/walls.md",
            transform: { $0.replacingOccurrences(of: "tags: [walls]", with: "tags: [payments]") }, fullRebuild: false),
        Edit(
            name: "a topic gaining a second page (paginate: 1)", path: "Content/articles/opening.md",
            transform: { $0.replacingOccurrences(of: "tags: [payments, Overview]", with: "tags: [payments, Overview, walls]") },
            fullRebuild: false),
        Edit(
            name: "the aliases of an article (redirect pages and the sitemap change)", path: "Content/articles/walls.md",
            transform: { $0.replacingOccurrences(of: "/walls.html]", with: "/the-walls.html]") }, fullRebuild: true),
        Edit(
            name: "the extra: fields of an article (cards show them)", path: "Content/articles/walls.md",
            transform: {
                $0.replacingOccurrences(of: "kicker: Analysis", with: "kicker: Opinion").replacingOccurrences(
                    of: "Nothing else here.", with: "Little else here.")
            }, fullRebuild: false),
        Edit(
            name: "publishing a draft", path: "Content/articles/draft.md",
            transform: { $0.replacingOccurrences(of: "draft: true", with: "draft: false") }, fullRebuild: true),
    ]

    @Test("an edit gives the same output as a full build", arguments: edits)
    func matchesFullBuild(_ edit: Edit) throws {
        let site = try FixtureSite(EverythingSite.files)
        defer { site.delete() }
        let options = SiteBuilder.Options(root: site.root, write: false)
        var live = try LiveSite(options)
        let url = site.root.appendingPathComponent(edit.path)
        try site.write(edit.path, edit.transform(try String(contentsOf: url, encoding: .utf8)))
        let update = try live.update(changedPaths: [edit.path])
        #expect(update.wasFullRebuild == edit.fullRebuild)
        #expect(!update.changedPaths.isEmpty)
        let full = try SiteBuilder.build(options).files
        let expected = Dictionary(uniqueKeysWithValues: full.map { ($0.path, $0) })
        #expect(Set(live.files.keys) == Set(expected.keys))
        if edit.transform("Nothing else here.").contains("Zyzzyva") {
            #expect(update.changedPaths.contains("search/shards/zy.json"))
        }
        // One edited document rewrites one entry pack: its own.
        let packs = update.changedPaths.filter { $0.hasPrefix("search/entries/") }
        if !edit.fullRebuild {
            #expect(packs.count <= 1, "\(packs)")
            #expect(packs.allSatisfy { $0.hasSuffix(".pack") })
        }
        if edit.name == "body text of an article" { #expect(packs.count == 1) }
        for (path, file) in expected where live.files[path] != file {
            Issue.record("\(path) differs from a full build after editing \(edit.path)")
        }
    }

    @Test("editing every article and page at once rewrites their packs as a full build writes them")
    func severalDocumentsInPacks() throws {
        let site = try FixtureSite(EverythingSite.files)
        defer { site.delete() }
        let options = SiteBuilder.Options(root: site.root, write: false)
        var live = try LiveSite(options)
        // Entries are numbered newest article first, then pages, then facts: these three share
        // pack 0 with an event, so the pack must be written from all of its current entries.
        let paths = ["Content/articles/walls.md", "Content/articles/opening.md", "Content/pages/about.md"]
        for path in paths {
            let text = try String(contentsOf: site.root.appendingPathComponent(path), encoding: .utf8)
            try site.write(path, text + "\nA closing line about Zyzzyva in \(path).\n")
        }
        let update = try live.update(changedPaths: Set(paths))
        #expect(!update.wasFullRebuild)
        #expect(!update.changedPaths.filter { $0.hasPrefix("search/entries/") }.isEmpty)
        let full = try SiteBuilder.build(options).files
        #expect(Set(live.files.keys) == Set(full.map(\.path)))
        for file in full where live.files[file.path] != file {
            Issue.record("\(file.path) differs from a full build")
        }
    }

    @Test("a topic losing its second page, then an article's title, match a full build")
    func pagesGoAndComeBack() throws {
        let site = try FixtureSite(EverythingSite.files)
        defer { site.delete() }
        let options = SiteBuilder.Options(root: site.root, write: false)
        let walls = "Content/articles/walls.md"
        let original = try String(contentsOf: site.root.appendingPathComponent(walls), encoding: .utf8)
        try site.write(walls, original.replacingOccurrences(of: "tags: [walls]", with: "tags: [walls, payments]"))
        var live = try LiveSite(options)
        #expect(live.files["tags/payments/page/2/index.html"] != nil)
        try site.write(walls, original.replacingOccurrences(of: "title: The walls", with: "title: The walls again"))
        let update = try live.update(changedPaths: [walls])
        #expect(!update.wasFullRebuild)
        #expect(update.changedPaths.contains("tags/payments/page/2/index.html"))
        #expect(live.files["tags/payments/page/2/index.html"] == nil)
        let full = try SiteBuilder.build(options).files
        #expect(Set(live.files.keys) == Set(full.map(\.path)))
        for file in full where live.files[file.path] != file {
            Issue.record("\(file.path) differs from a full build")
        }
    }

    @Test("a broken edit throws and keeps the last good output")
    func brokenEdit() throws {
        let site = try FixtureSite(EverythingSite.files)
        defer { site.delete() }
        var live = try LiveSite(SiteBuilder.Options(root: site.root, write: false))
        let before = live.files
        try site.write("Content/articles/walls.md", "---\ntitle: [broken\n---\n")
        #expect(throws: DiagnosticsError.self) { try live.update(changedPaths: ["Content/articles/walls.md"]) }
        #expect(live.files == before)
        try site.write("Content/articles/walls.md", "---\ntitle: Fixed\ndate: 2013-11-26\n---\n\nFixed.\n")
        let update = try live.update(changedPaths: ["Content/articles/walls.md"])
        #expect(update.changedPaths.contains("articles/walls/index.html"))
    }

    @Test("two broken edits are both reported")
    func twoBrokenEdits() throws {
        let site = try FixtureSite(EverythingSite.files)
        defer { site.delete() }
        var live = try LiveSite(SiteBuilder.Options(root: site.root, write: false))
        try site.write("Content/articles/walls.md", "---\ntitle: [broken\n---\n")
        try site.write("Content/pages/about.md", "---\ntitle: 12\n---\n")
        do {
            _ = try live.update(changedPaths: ["Content/articles/walls.md", "Content/pages/about.md"])
            Issue.record("the broken edits were accepted")
        } catch {
            let files = Set(error.diagnostics.filter { $0.severity == .error }.map(\.location.path))
            #expect(files == ["Content/articles/walls.md", "Content/pages/about.md"])
        }
    }

    @Test("without versioned asset URLs (the preview), a stylesheet edit changes the assets alone")
    func stylesheetEdit() throws {
        let site = try FixtureSite(EverythingSite.files)
        defer { site.delete() }
        var options = SiteBuilder.Options(root: site.root, write: false)
        options.versionsAssetURLs = false
        var live = try LiveSite(options)
        #expect(live.files["index.html"]?.text?.contains("style.css?v=") == false)
        let pages = live.files.filter { $0.key.hasSuffix(".html") }
        let stylesheet = site.root.appendingPathComponent("Templates/assets/style.css")
        try site.write(
            "Templates/assets/style.css", try String(contentsOf: stylesheet, encoding: .utf8) + "\nbody { color: red; }\n")
        let update = try live.update(changedPaths: ["Templates/assets/style.css"])
        #expect(!update.wasFullRebuild)
        #expect(update.changedPaths.contains("assets/style.css"))
        #expect(update.changedPaths.allSatisfy { $0.hasPrefix("assets/") })
        #expect(live.files.filter { $0.key.hasSuffix(".html") } == pages)
    }
}
