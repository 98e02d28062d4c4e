import BroadsheetContent
import BroadsheetCore
import BroadsheetFacts
import BroadsheetNewsletter
import BroadsheetOutput
import BroadsheetPrint
import BroadsheetSearch
import BroadsheetSite
import BroadsheetTemplates
import Foundation

/// The whole build as a flat list of named, timed stages: load → resolve → render → write.
///
/// Each stage collects every problem it finds; the build stops between stages when there are errors.
public enum SiteBuilder {
    /// What to build and where.
    public struct Options: Sendable {
        /// The folder holding `Content/` (and, optionally, `Templates/`).
        public var root: URL
        /// Where the site is written (`ROOT/Output` by default).
        public var output: URL
        /// Include articles and pages marked `draft: true`.
        public var includeDrafts: Bool
        /// Replaces `baseURL` from site.yaml.
        public var baseURL: String?
        /// False for `broadsheet check`: everything is validated and rendered, nothing is written.
        public var write: Bool
        /// Adds `?v=<hash>` to stylesheet and script URLs so browsers fetch new versions at once.
        /// The preview turns it off: it revalidates every request anyway, and without the hash a
        /// stylesheet edit changes one file instead of every page.
        public var versionsAssetURLs = true
        /// Write into an existing, non-empty output folder that Broadsheet did not create,
        /// keeping every file already in it (`--adopt-output`).
        public var adoptsOutputFolder = false
        /// How much of the print edition (PDF, EPUB) to make: `broadsheet build` asks for
        /// `.build`, `check` for `.check`; the default, `.skip`, keeps library callers and tests
        /// from typesetting.
        public var printEdition: PrintEdition.Mode = .skip
        /// Runs the PDF engine (tests replace the Python interpreter through its environment).
        public var typesetter = PDFTypesetter()
        /// Write the search index under `search/` (off only to measure what the index costs).
        public var indexesSearch = true
        /// Gather the links to other sites into `Report.externalLinks` (`check --external`);
        /// off otherwise, so a build does not walk every link for nothing.
        public var collectsExternalLinks = false
        /// Include articles dated after `now` (`--future`).
        public var includeFuture = false
        /// The build's current time: articles dated later are left out (tests inject it).
        public var now = Date()
        /// Treat every warning as an error (`--strict`; site.yaml's `strict: true` does the same).
        public var strict = false

        /// What the resolve stage needs of these options.
        public var resolveOptions: SiteResolver.Options {
            SiteResolver.Options(includeDrafts: includeDrafts, includeFuture: includeFuture, now: now)
        }

        /// Creates options; the output defaults to `root/Output`.
        public init(root: URL, output: URL? = nil, includeDrafts: Bool = false, baseURL: String? = nil, write: Bool = true) {
            self.root = root.standardizedFileURL
            self.output = (output ?? root.appendingPathComponent("Output")).standardizedFileURL
            self.includeDrafts = includeDrafts
            self.baseURL = baseURL
            self.write = write
        }
    }

    /// What a successful build did.
    public struct Report: Sendable {
        /// HTML pages rendered.
        public var pageCount: Int
        /// All files of the output, assets included.
        public var fileCount: Int
        /// Each stage's name and duration, in order.
        public var stages: [(name: String, duration: Duration)]
        /// Warnings from every stage.
        public var warnings: [Diagnostic]
        /// The rendered files (for tests and the preview server).
        public var files: [OutputFile]
        /// Entries of the output folder that Broadsheet did not write and left as they were.
        public var keptEntries: [String] = []
        /// Every http(s) link written in the articles, pages and corrections, and every source's
        /// address, with its place (with `Options.collectsExternalLinks`, for `check --external`).
        public var externalLinks: [AuthoredLink] = []
        /// The site's own files under `Templates/` that replaced or added to the built-in
        /// theme's, sorted (for `--verbose`).
        public var ownThemeFiles: [String] = []
        /// Source files of articles left out because they are dated in the future (without `--future`).
        public var futureArticles: [String] = []
    }

    /// Runs every stage; throws all diagnostics (warnings included) of the first failing stage.
    public static func build(_ options: Options) throws(DiagnosticsError) -> Report {
        let clock = ContinuousClock()
        var stages: [(name: String, duration: Duration)] = []
        var warnings: [Diagnostic] = []
        var strict = options.strict
        func stage<T>(_ name: String, _ body: () throws(DiagnosticsError) -> (T?, [Diagnostic])) throws(DiagnosticsError) -> T {
            let start = clock.now
            var (value, diagnostics) = try body()
            stages.append((name, clock.now - start))
            if strict { diagnostics = diagnostics.map(\.strict) }
            guard let value, !diagnostics.containsErrors else { throw DiagnosticsError(warnings + diagnostics) }
            warnings += diagnostics
            return value
        }

        try checkFolders(options)
        let loaded = try stage("load") { () throws(DiagnosticsError) -> (SourceLoader.Loaded?, [Diagnostic]) in
            let (loaded, problems) = SourceLoader.load(options)
            // site.yaml's `strict: true` applies from the load stage on, its own warnings included.
            if loaded?.content.config.strict == true { strict = true }
            if let loaded, problems.containsErrors, Self.onlyFrontMatterErrors(problems, in: loaded.content) {
                return (nil, problems + checkedWithErrors(loaded, problems: problems, options: options))
            }
            return (loaded, problems)
        }
        let site = try stage("resolve") { () throws(DiagnosticsError) in
            SiteResolver.resolve(loaded.content, facts: loaded.facts, options: options.resolveOptions)
        }
        // The print edition first: the website links its files with their sizes.
        let edition = try stage("print") { () throws(DiagnosticsError) in
            let rendering = PrintEdition.render(site, mode: options.printEdition, typesetter: options.typesetter)
            return (rendering, rendering.diagnostics)
        }
        // The output is taken before rendering: a folder that is not Broadsheet's is refused at
        // once, and pages can be written into the new site's folder while others still render.
        let output: OutputSession?
        if options.write { output = try takeOutput(options, warnings: warnings) } else { output = nil }
        let files: [OutputFile]
        var kept: [String] = []
        do {
            let media = site.media.files.values.map { OutputFile(path: $0.outputPath, copying: $0.source) }
            output?.offer(loaded.assets.files + edition.files + media)
            files = try stage("render") { () throws(DiagnosticsError) -> ([OutputFile]?, [Diagnostic]) in
                let downloads = edition.files.map { file in
                    EditionDownload(format: file.path.hasSuffix(".pdf") ? "PDF" : "EPUB", path: file.path, byteCount: file.byteCount)
                }
                // The index needs only the resolved site: it runs beside the website on its own thread.
                let search = options.indexesSearch ? BackgroundWork { Self.searchIndex(site, offeringTo: output) } : nil
                let rendered = try WebsiteRenderer.render(
                    site, templates: loaded.templates,
                    options: .init(
                        assetVersionSuffix: options.versionsAssetURLs ? loaded.assets.versionSuffix : "",
                        downloads: downloads.sorted { $0.format > $1.format }, onRendered: output?.offer))
                let emails = try NewsletterRenderer.render(site, templates: loaded.templates)
                return (
                    (rendered + emails + edition.files + (search?.wait() ?? []) + media).sorted { $0.path < $1.path }
                        + loaded.assets.files, []
                )
            }
            // Every internal link and image against the files about to be written (docs/content.md, "Links").
            try stage("links") { () throws(DiagnosticsError) in
                ((), LinkChecker.check(files, site: site, templatesFolder: loaded.templates.folder))
            }
        } catch {
            output?.cancel()
            throw error
        }
        let ownThemeFiles = (loaded.templates.ownFiles + loaded.assets.ownFiles).sorted()
        let futureArticles = site.futureArticles
        let externalLinks = options.collectsExternalLinks ? Self.externalLinks(of: site) : []
        // Nothing below reads the sources or the resolved site: they are freed beside the write.
        BackgroundRelease.drop((consume loaded, consume site, consume edition))
        if let output {
            kept = try stage("write") { () throws(DiagnosticsError) in
                (try output.commit(files).keptEntries, [])
            }
        }
        return Report(
            pageCount: files.filter { $0.path.hasSuffix(".html") }.count, fileCount: files.count, stages: stages,
            warnings: warnings, files: files, keptEntries: kept,
            externalLinks: externalLinks, ownThemeFiles: ownThemeFiles, futureArticles: futureArticles)
    }

    /// The search index's files, handed to the output as soon as they are made.
    private static func searchIndex(_ site: Site, offeringTo output: OutputSession?) -> [OutputFile] {
        let files = SearchIndexRenderer.render(site)
        output?.offer(files)
        return files
    }

    /// Locks the output folder for this build and checks it is Broadsheet's to write; its
    /// errors are reported with the warnings found so far, as a failing stage's are.
    private static func takeOutput(_ options: Options, warnings: [Diagnostic]) throws(DiagnosticsError) -> OutputSession {
        do {
            return try OutputWriter(destination: options.output, adoptsFolder: options.adoptsOutputFolder).begin()
        } catch {
            throw DiagnosticsError(warnings + error.diagnostics)
        }
    }

    /// The links the Markdown wrote to other sites, and every source's address (reported at its
    /// entry in sources.yaml).
    private static func externalLinks(of site: Site) -> [AuthoredLink] {
        let sourceLinks = site.facts.sources.map {
            AuthoredLink(destination: $0.url, href: $0.url, location: $0.location, isImage: false)
        }
        return (site.documents.flatMap(\.authoredLinks) + site.editions.flatMap(\.authoredLinks) + sourceLinks)
            .filter { ExternalLinkChecker.isExternal($0.href) }
    }

    /// True when every error is in an article or page that was still read (its front matter
    /// had errors); a file that could not be read at all would make links to it look unknown.
    private static func onlyFrontMatterErrors(_ problems: [Diagnostic], in content: LoadedContent) -> Bool {
        let readable = Set(content.brokenDocuments.map(\.path))
        return problems.allSatisfy { $0.severity != .error || readable.contains($0.location.path) }
    }

    /// Resolves a site whose load stage found errors, for the problems of the files that did
    /// load: a date error in one article must not hide a broken link in another. Problems in
    /// files that already have errors are left out (they would repeat them).
    private static func checkedWithErrors(_ loaded: SourceLoader.Loaded, problems: [Diagnostic], options: Options)
        -> [Diagnostic]
    {
        let brokenPaths = Set(problems.filter { $0.severity == .error }.map(\.location.path))
        var content = loaded.content
        // An article whose date could not be read is checked as if it had one, so the editions
        // and links naming it do not report it as unknown.
        let placeholder = PublicationDate(iso: "2000-01-01")
        let broken = content.brokenDocuments.map { document in
            var document = document
            if document.kind == .article && document.date == nil { document.date = placeholder }
            return document
        }
        content.documents = (content.documents + broken).sorted { $0.path < $1.path }
        let (_, more) = SiteResolver.resolve(content, facts: loaded.facts, options: options.resolveOptions)
        return more.filter { $0.severity == .error && !brokenPaths.contains($0.location.path) }
    }

    /// Loads and resolves the site without rendering it (for `newsletter send`, which renders
    /// one edition per reader); throws the diagnostics of the first failing stage.
    public static func resolve(_ options: Options) throws(DiagnosticsError) -> ResolvedSite {
        try checkFolders(options)
        let (loaded, loadProblems) = SourceLoader.load(options)
        guard let loaded, !loadProblems.containsErrors else { throw DiagnosticsError(loadProblems) }
        let (site, resolveProblems) = SiteResolver.resolve(loaded.content, facts: loaded.facts, options: options.resolveOptions)
        guard let site, !resolveProblems.containsErrors else { throw DiagnosticsError(loadProblems + resolveProblems) }
        return ResolvedSite(site: site, templates: loaded.templates, warnings: loadProblems + resolveProblems)
    }

    /// A checked site and its templates, ready for a renderer.
    public struct ResolvedSite: Sendable {
        /// The resolved model.
        public var site: Site
        /// The loaded templates.
        public var templates: TemplateSet
        /// Warnings from loading and resolving.
        public var warnings: [Diagnostic]
    }

    /// Checks that the site folder exists and that the output is a folder a build may own.
    private static func checkFolders(_ options: Options) throws(DiagnosticsError) {
        let root = options.root.resolvingSymlinksInPath().path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isFolder), isFolder.boolValue else {
            throw DiagnosticsError([
                .error(
                    at: SourceLocation(path: root), "the site folder does not exist",
                    hint: "pass the site's folder (the one holding Content/) with --root")
            ])
        }
        guard options.write else { return }
        let home = ProcessInfo.processInfo.environment["HOME"].map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path }
        if let refusal = OutputLocation.refusal(
            for: options.output.resolvingSymlinksInPath().path, siteRoot: root, home: home)
        {
            throw DiagnosticsError([refusal])
        }
    }
}
