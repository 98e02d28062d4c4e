import BroadsheetContent
import BroadsheetCore
import BroadsheetData
import BroadsheetFacts
import BroadsheetTemplates
import Foundation

/// Renders the website: every page, feed, data file and sitemap of a resolved `Site`.
public enum WebsiteRenderer {
    /// Rendering options that do not come from the content.
    public struct Options: Sendable {
        /// Appended to stylesheet and script URLs so browsers fetch new versions (`?v=…`).
        public var assetVersionSuffix: String
        /// The print edition's files, linked with their sizes from every page's footer and the
        /// home page; empty when it was not built (the preview, a machine without the engine).
        public var downloads: [EditionDownload]
        /// Called with the files of each page or site-wide job as soon as they are rendered,
        /// on the rendering threads (the build hands them to the output early). Every file is
        /// still returned by `render`.
        public var onRendered: (@Sendable ([OutputFile]) -> Void)?
        /// Creates options.
        public init(
            assetVersionSuffix: String = "", downloads: [EditionDownload] = [],
            onRendered: (@Sendable ([OutputFile]) -> Void)? = nil
        ) {
            self.assetVersionSuffix = assetVersionSuffix
            self.downloads = downloads
            self.onRendered = onRendered
        }
    }

    /// The templates every site must have (the built-in theme supplies any the site lacks).
    public static let requiredTemplates = [
        "base", "home", "article", "page", "list", "tags", "404", "components/timeline", "components/comparison",
        "components/chart", "search",
    ]

    /// The templates of the pages made from facts, required only when the site has facts.
    public static let factTemplates = ["timeline", "entities", "entity", "comparisons", "comparison", "sources"]

    /// The templates a site with newsletter editions also needs.
    public static let newsletterTemplates = ["newsletter", "newsletters"]

    /// Renders every output file of the site (assets are copied by the build, not here).
    ///
    /// Articles render in parallel; a template problem is reported with the template's name.
    public static func render(_ site: Site, templates: TemplateSet, options: Options = Options()) throws(DiagnosticsError)
        -> [OutputFile]
    {
        try WebsiteRendering(site: site, templates: templates, options: options).renderAll()
    }

    /// The site-wide outputs, rendered in parallel with the documents.
    public enum Job: CaseIterable, Sendable, Hashable {
        /// The home page.
        case home
        /// The archive and the topic pages.
        case lists
        /// The 404 page.
        case notFound
        /// Timeline, entities, comparisons (with CSV) and sources.
        case factPages
        /// Atom and JSON feeds.
        case feeds
        /// `/data/*.json`.
        case data
        /// Newsletter archive pages, their index and feed.
        case newsletters
        /// The search page (the index itself is rendered by BroadsheetSearch).
        case search

        func run(context: RenderContext, pages: SitePages) throws(Diagnostic) -> [OutputFile] {
            switch self {
            case .home: try pages.home()
            case .lists: try pages.lists()
            case .notFound: try pages.notFound()
            case .factPages: try FactPages(context: context).render()
            case .feeds: try FeedRenderer(context: context, components: ComponentHTML(context: context)).render()
            case .data: FactDataRenderer(site: context.site).render()
            case .newsletters: try NewsletterPages(context: context).render()
            case .search: try pages.search()
            }
        }
    }

    static func robots(_ context: RenderContext) -> OutputFile {
        OutputFile(
            path: "robots.txt",
            text: "User-agent: *\nAllow: /\n\nSitemap: \(context.absoluteURL(SitePath(file: "sitemap.xml")))\n")
    }
}

/// A site prepared for rendering, kept between renders so an edit re-renders only what it affects.
///
/// The preview server and the incremental benchmark hold one of these; `broadsheet build`
/// uses it once through `WebsiteRenderer.render`.
public struct WebsiteRendering: Sendable {
    private var context: RenderContext

    /// Prepares the view context and renders every article's card once.
    public init(site: Site, templates: TemplateSet, options: WebsiteRenderer.Options = .init()) throws(DiagnosticsError) {
        do {
            var context = try RenderContext(site: site, templates: templates, options: options)
            try context.renderCards(previous: nil)
            self.context = context
        } catch {
            throw DiagnosticsError([error])
        }
    }

    /// Moves to an updated site, re-rendering the cards of `changedArticles` only.
    ///
    /// When the order of articles is unchanged the prepared context is kept and patched.
    public mutating func update(site: Site, changedArticles: Set<String>, orderChanged: Bool) throws(DiagnosticsError) {
        do {
            if orderChanged {
                var next = try RenderContext(site: site, templates: context.templates, options: context.options)
                next.feedBodies = context.feedBodies
                try next.renderCards(previous: (context, changedArticles))
                context = next
            } else {
                try context.patch(site: site, changedArticles: changedArticles)
            }
        } catch {
            throw DiagnosticsError([error])
        }
    }

    /// Every output file, sorted by path.
    public func renderAll() throws(DiagnosticsError) -> [OutputFile] {
        let site = context.site
        var files = try render(documents: site.documents, jobs: Set(WebsiteRenderer.Job.allCases))
        let collisions = AliasPages(context: context).collisions(in: files)
        guard collisions.isEmpty else { throw DiagnosticsError(collisions) }
        files += [Sitemap(context: context).render(paths: files.map(\.path)), WebsiteRenderer.robots(context)]
        return files.sorted { $0.path < $1.path }
    }

    /// The pages of some documents and some site-wide jobs, in parallel.
    public func render(documents: [Document], jobs: Set<WebsiteRenderer.Job>) throws(DiagnosticsError) -> [OutputFile] {
        let context = self.context
        let pages = SitePages(context: context)
        let aliases = AliasPages(context: context)
        // One pool for both, site-wide jobs first: the largest single pages (the sources page of
        // a big site lists every citing article) start at once and the many small article pages
        // fill the other cores around them, instead of running alone at the end.
        let work: [RenderWork] =
            WebsiteRenderer.Job.allCases.filter(jobs.contains).map(RenderWork.job) + documents.map(RenderWork.document)
        let onRendered = context.options.onRendered
        let results = work.parallelMap { item in
            Result { () throws(Diagnostic) -> [OutputFile] in
                let files =
                    switch item {
                    case .job(let job): try job.run(context: context, pages: pages)
                    case .document(let document): [try pages.document(document)] + aliases.render(document)
                    }
                onRendered?(files)
                return files
            }
        }
        // Files in the order they were always listed: documents first, then the jobs.
        let jobCount = work.count - documents.count
        var files: [OutputFile] = []
        var diagnostics: [Diagnostic] = []
        for result in results[jobCount...] + results[..<jobCount] {
            switch result {
            case .success(let more): files += more
            case .failure(let diagnostic): diagnostics.append(diagnostic)
            }
        }
        // The same template problem shows on every page that uses the template: report it once.
        // A tag is one problem wherever it is reached from (a typo in `base` is met by every
        // kind of page, each naming its own template), so a located problem counts once.
        var seen: Set<Diagnostic> = []
        var seenLocations: Set<SourceLocation> = []
        guard diagnostics.isEmpty else {
            throw DiagnosticsError(
                diagnostics.filter { diagnostic in
                    guard seen.insert(diagnostic).inserted else { return false }
                    return diagnostic.location.line == nil || seenLocations.insert(diagnostic.location).inserted
                })
        }
        return files
    }

    /// One piece of `render(documents:jobs:)`'s work.
    private enum RenderWork {
        case job(WebsiteRenderer.Job)
        case document(Document)
    }

    /// The output paths of redirect pages (`aliases:`).
    public var aliasOutputPaths: Set<String> { context.aliasOutputPaths }

    /// `sitemap.xml` for the given output paths.
    public func sitemap(paths: [String]) -> OutputFile {
        Sitemap(context: context).render(paths: paths)
    }
}
