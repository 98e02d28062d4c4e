import BroadsheetBuild
import BroadsheetCore
import BroadsheetTemplates
import BroadsheetTheme
import Foundation
import Testing

/// The built-in theme and a site's `Templates/` laid over it, file by file.
@Suite("Built-in theme and overrides")
struct ThemeOverlayTests {
    /// A small site without facts or templates of its own (what `broadsheet init` writes).
    static func starterSite() throws -> FixtureSite {
        var files: [String: String] = [:]
        for file in SiteStarter.files(date: "2026-11-25", withTemplates: false) {
            files[file.path] = String(decoding: file.data, as: UTF8.self)
        }
        return try FixtureSite(files, copyTemplates: false)
    }

    static func build(_ site: FixtureSite) throws(DiagnosticsError) -> SiteBuilder.Report {
        try SiteBuilder.build(SiteBuilder.Options(root: site.root, write: false))
    }

    static func text(_ report: SiteBuilder.Report, _ path: String) -> String? {
        report.files.first { $0.path == path }.flatMap(\.text)
    }

    @Test("the binary's theme is the repository's Templates/, byte for byte")
    func embeddedMatchesTemplates() throws {
        let folder = FixtureSite.packageRoot.appendingPathComponent("Templates")
        let onDisk = try FixtureSite.contents(of: folder).filter { !($0.key as NSString).lastPathComponent.hasPrefix(".") }
        let embedded = Dictionary(uniqueKeysWithValues: BuiltInTheme.files.map { ($0.path, $0.data) })
        #expect(embedded.keys.sorted() == onDisk.keys.sorted())
        for (path, data) in onDisk { #expect(embedded[path] == data, "\(path) differs from the embedded theme") }
        #expect(BuiltInTheme.file("assets/style.css") != nil)
        #expect(BuiltInTheme.file("assets/broadsheet.js") != nil)
        #expect(BuiltInTheme.file("assets/search.js") != nil)
    }

    @Test("the theme's masthead, menu, search box and footer are rendered once per site view, not per page")
    func themeSiteWideRuns() throws {
        var sources: [String: SourceFile] = [:]
        for file in BuiltInTheme.files where file.isTemplate {
            sources[String(file.path.dropLast(".mustache".count))] = SourceFile(path: "Templates/\(file.path)", text: file.text)
        }
        let templates = try #require(TemplateSet.load(sources: sources, folder: "Templates").0)
        let runs = templates.siteWideRuns
        #expect(runs.filter { $0.hasPrefix("base:") }.count >= 2, "\(runs)")
        let base = try #require(BuiltInTheme.file("base.mustache")?.text)
        let menuLine = try #require(base.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("{{#site.menu}}") })
        let footerLine = try #require(base.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("<footer") })
        let starts = runs.compactMap { name in name.hasPrefix("base:") ? Int(name.dropFirst(5)).map { $0 - 1 } : nil }
        #expect(starts.contains { $0 <= menuLine }, "the menu is in a run")
        #expect(starts.contains { $0 <= footerLine && $0 > menuLine }, "the footer is in a run")
    }

    @Test("a site without Templates/ or facts builds with no diagnostic and no fact pages")
    func noTemplatesNoFacts() throws {
        let site = try Self.starterSite()
        defer { site.delete() }
        let report = try Self.build(site)
        #expect(report.warnings.isEmpty, "\(report.warnings)")
        let paths = Set(report.files.map(\.path))
        #expect(paths.contains("index.html"))
        #expect(paths.contains("articles/welcome/index.html"))
        #expect(paths.contains("about/index.html"))
        #expect(paths.contains("assets/style.css"))
        for section in ["timeline/", "entities/", "compare/", "sources/", "data/"] {
            #expect(!paths.contains { $0.hasPrefix(section) }, "built \(section) without facts")
        }
        // The theme's assets come out exactly as embedded.
        let style = report.files.first { $0.path == "assets/style.css" }
        #expect(style?.contents == .data(BuiltInTheme.file("assets/style.css")!.data))

        // An empty facts folder (the README is not a facts file) changes nothing.
        try site.remove("Content/facts/README.md")
        #expect(try Self.build(site).warnings.isEmpty)
    }

    @Test("one template, one partial and one asset of the site replace the theme's; the rest stays")
    func overrides() throws {
        let site = try Self.starterSite()
        defer { site.delete() }
        let theme = try Self.build(site)
        let article = BuiltInTheme.file("article.mustache")!.text
        try site.write("Templates/article.mustache", article.replacingOccurrences(of: "<article", with: "<article data-mine"))
        let card = BuiltInTheme.file("partials/card.mustache")!.text
        try site.write("Templates/partials/card.mustache", "<!-- my card -->" + card)
        try site.write("Templates/assets/style.css", "body { color: teal; }\n")
        let report = try Self.build(site)
        #expect(report.warnings.isEmpty, "\(report.warnings)")
        #expect(Self.text(report, "articles/welcome/index.html")?.contains("<article data-mine") == true)
        #expect(Self.text(report, "archive/index.html")?.contains("<!-- my card -->") == true)
        #expect(Self.text(report, "about/index.html")?.contains("data-mine") == false)
        let style = report.files.first { $0.path == "assets/style.css" }
        #expect(style?.contents == .copy(site.root.appendingPathComponent("Templates/assets/style.css")))
        let script = report.files.first { $0.path == "assets/search.js" }
        #expect(script?.contents == .data(BuiltInTheme.file("assets/search.js")!.data))
        // The stylesheet changed, so its version in every page's URL did too.
        let version = { (report: SiteBuilder.Report) in
            Self.text(report, "index.html")?.firstMatch(of: /style\.css\?v=([0-9a-f]+)/).map { String($0.1) }
        }
        #expect(version(report) != nil && version(report) != version(theme))
    }

    @Test("errors in a site's template name the site's file; the theme's files are named <built-in theme>/…")
    func errorLocations() throws {
        let site = try Self.starterSite()
        defer { site.delete() }
        let page = BuiltInTheme.file("page.mustache")!.text
        try site.write("Templates/page.mustache", page.replacingOccurrences(of: "{{title}}", with: "{{titel}}"))
        do {
            _ = try Self.build(site)
            Issue.record("a misspelt key built")
        } catch {
            let first = try #require(error.diagnostics.first)
            #expect(first.location.path == "Templates/page.mustache")
            #expect(first.location.line != nil && first.location.column != nil)
            #expect(first.message.hasPrefix("unknown key 'titel'"))
        }
        try site.write("Templates/page.mustache", "{{<base}}{{$main}}{{#title}}{{/titel}}{{/main}}{{/base}}\n")
        do {
            _ = try Self.build(site)
            Issue.record("a syntax error built")
        } catch {
            #expect(error.diagnostics.map(\.location.description) == ["Templates/page.mustache:1:32"])
        }
        // The theme's own files carry its name, so a report never points at a file the site lacks.
        let (_, problems) = TemplateSet.load(
            sources: ["card": SourceFile(path: "\(BuiltInTheme.folder)/partials/card.mustache", text: "{{#a}}")],
            folder: "Templates")
        #expect(problems.map(\.location.path) == ["<built-in theme>/partials/card.mustache"])
    }
}
