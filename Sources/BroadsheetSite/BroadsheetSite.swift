import BroadsheetContent
import BroadsheetCore
import BroadsheetFacts
import BroadsheetTemplates
import Foundation

/// Renders the website: every page, feed, data file and sitemap of a resolved `Site`.
public enum WebsiteRenderer {
    /// Rendering options that do not come from the content.
    public struct Options: Sendable {
        /// Appended to stylesheet and script URLs so browsers fetch new versions (`?v=…`).
        public var assetVersionSuffix: String
        /// Creates options.
        public init(assetVersionSuffix: String = "") {
            self.assetVersionSuffix = assetVersionSuffix
        }
    }

    /// The templates a site must have.
    public static let requiredTemplates = [
        "base", "home", "article", "page", "list", "tags", "404", "timeline", "entities", "entity",
        "comparisons", "comparison", "sources", "components/timeline", "components/comparison",
    ]

    /// Renders every output file of the site (assets are copied by the build, not here).
    ///
    /// Articles render in parallel; a template problem is reported with the template's name.
    public static func render(_ site: Site, templates: TemplateSet, options: Options = Options()) throws(DiagnosticsError)
        -> [OutputFile]
    {
        var preparing = RenderContext(site: site, templates: templates, options: options)
        do {
            try preparing.renderCards()
        } catch {
            throw DiagnosticsError([error])
        }
        let context = preparing
        let pages = SitePages(context: context)
        let documents = site.articles + site.pages
        let documentResults = documents.parallelMap { document in
            Result { () throws(Diagnostic) in try pages.document(document) }
        }
        let jobResults = Job.allCases.parallelMap { job in
            Result { () throws(Diagnostic) in try job.run(context: context, pages: pages) }
        }
        var files: [OutputFile] = []
        var diagnostics: [Diagnostic] = []
        for result in documentResults {
            switch result {
            case .success(let file): files.append(file)
            case .failure(let diagnostic): diagnostics.append(diagnostic)
            }
        }
        for result in jobResults {
            switch result {
            case .success(let more): files += more
            case .failure(let diagnostic): diagnostics.append(diagnostic)
            }
        }
        guard diagnostics.isEmpty else { throw DiagnosticsError(diagnostics) }
        files += [Sitemap(context: context).render(files), robots(context)]
        return files.sorted { $0.path < $1.path }
    }

    /// The site-wide outputs, rendered in parallel with the documents.
    private enum Job: CaseIterable, Sendable {
        case home, lists, notFound, factPages, feeds, data

        func run(context: RenderContext, pages: SitePages) throws(Diagnostic) -> [OutputFile] {
            switch self {
            case .home: try pages.home()
            case .lists: try pages.lists()
            case .notFound: try pages.notFound()
            case .factPages: try FactPages(context: context).render()
            case .feeds: try FeedRenderer(context: context, components: ComponentHTML(context: context)).render()
            case .data: FactData(context: context).render()
            }
        }
    }

    private static func robots(_ context: RenderContext) -> OutputFile {
        OutputFile(
            path: "robots.txt",
            text: "User-agent: *\nAllow: /\n\nSitemap: \(context.absoluteURL(SitePath(file: "sitemap.xml")))\n")
    }
}
