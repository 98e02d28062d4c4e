import BroadsheetContent
import BroadsheetCore
import BroadsheetFacts
import Foundation

/// The repository's own report, loaded and resolved once with the library, as a build would.
struct ReportFixture: Sendable {
    /// The package root: three levels above this file (Tests/ReportContentTests/ReportFixture.swift).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The report, loaded and resolved afresh for each test that asks.
    ///
    /// Not kept in a static: LeakSanitizer cannot see references held in a process-lifetime
    /// static through Swift's enum payloads (tag bits in the pointers), and reported the whole
    /// document tree as leaked; a fresh fixture per test is freed like any other value.
    static var shared: ReportFixture { ReportFixture.load(root: root) }

    /// The Markdown files of `Content/articles`, sorted, relative to the root.
    static let articlePaths = markdownPaths(in: "Content/articles")
    /// The Markdown files of `Content/articles` and `Content/pages`.
    static let documentPaths = articlePaths + markdownPaths(in: "Content/pages")

    /// The newsletter editions of `Content/newsletters`, sorted.
    static let editionPaths = markdownPaths(in: "Content/newsletters")

    /// Loaded documents (raw Markdown), by path.
    var loaded: [String: LoadedDocument]
    /// Loaded newsletter editions, by path.
    var editions: [String: LoadedEdition]
    /// The resolved site, when loading and resolving found no errors.
    var site: Site?
    /// Every diagnostic of the load and resolve stages.
    var diagnostics: [Diagnostic]

    /// Runs the load and resolve stages on `root` with the build's default options.
    static func load(root: URL) -> ReportFixture {
        let (content, contentProblems) = ContentLoader.load(root: root)
        let (facts, factProblems) = FactBookLoader.load(root: root)
        var diagnostics = contentProblems + factProblems
        var site: Site?
        if let content, let facts {
            let (resolved, problems) = SiteResolver.resolve(content, facts: facts, options: SiteResolver.Options())
            site = resolved
            diagnostics += problems
        }
        let loaded = Dictionary(
            (content?.documents ?? []).map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        let editions = Dictionary(
            (content?.editions ?? []).map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        return ReportFixture(loaded: loaded, editions: editions, site: site, diagnostics: diagnostics.sortedByLocation())
    }

    /// The resolved document at `path`.
    func document(_ path: String) -> Document? {
        site.flatMap { site in site.documents.first { $0.path == path } }
    }

    /// The prose of the file at `path`, one entry per line: front-matter title and summary, then the body.
    func proseLines(_ path: String) throws -> [String] {
        guard let loaded = loaded[path] else { return [] }
        let text = try String(contentsOf: Self.root.appendingPathComponent(path), encoding: .utf8)
        return ProseExtractor.frontMatterLines(ofFile: text, lineCount: loaded.bodyLineOffset)
            + ProseExtractor.lines(ofMarkdown: loaded.body)
    }

    /// The prose of an edition, one entry per line: subject and preheader, then the editor's note.
    func editionProseLines(_ path: String) throws -> [String] {
        guard let edition = editions[path] else { return [] }
        let text = try String(contentsOf: Self.root.appendingPathComponent(path), encoding: .utf8)
        return ProseExtractor.frontMatterLines(
            ofFile: text, lineCount: edition.bodyLineOffset, proseKeys: ["subject:", "preheader:"])
            + ProseExtractor.lines(ofMarkdown: edition.body)
    }

    /// The prose of every document the repeated-passage check compares: articles, pages and
    /// editions (with their allow-repeat markers), then the prose fields of each facts file
    /// (event titles and summaries, entity descriptions, comparison titles and descriptions).
    func passageTexts() throws -> [PassageText] {
        var texts: [PassageText] = []
        for path in Self.documentPaths {
            texts.append(PassageText(path: path, prose: try proseLines(path), raw: try rawLines(path)))
        }
        for path in Self.editionPaths {
            texts.append(PassageText(path: path, prose: try editionProseLines(path), raw: try rawLines(path)))
        }
        guard let facts = site?.facts else { return texts }
        var fields: [String: [(text: String, line: Int)]] = [:]
        func add(_ text: String?, at location: SourceLocation) {
            guard let text else { return }
            fields[location.path, default: []].append((ProseExtractor.prose(ofInline: text), location.line ?? 0))
        }
        for event in facts.events {
            add(event.title, at: event.location)
            add(event.summary, at: event.location)
        }
        for entity in facts.entities { add(entity.description, at: entity.location) }
        for comparison in facts.comparisons {
            add(comparison.title, at: comparison.location)
            add(comparison.description, at: comparison.location)
        }
        for path in fields.keys.sorted() { texts.append(PassageText(path: path, fields: fields[path]!)) }
        return texts
    }

    /// The lines of the file at `path`, as written.
    func rawLines(_ path: String) throws -> [String] {
        try String(contentsOf: Self.root.appendingPathComponent(path), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).map { String($0.hasSuffix("\r") ? $0.dropLast() : $0) }
    }

    private static func markdownPaths(in folder: String) -> [String] {
        // A missing folder gives no paths; the suite's "has articles" test catches that.
        guard let names = FileManager.default.enumerator(atPath: root.appendingPathComponent(folder).path) else {
            return []
        }
        var paths: [String] = []
        while let name = names.nextObject() as? String {
            names.skipDescendants()
            if name.hasSuffix(".md") && !name.hasPrefix(".") { paths.append(folder + "/" + name) }
        }
        return paths.sorted()
    }
}
