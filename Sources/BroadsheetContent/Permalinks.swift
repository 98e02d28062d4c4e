import BroadsheetCore
import BroadsheetFacts

/// Where every kind of page lives: one place that knows the site's URL scheme.
public struct Permalinks: Sendable, Hashable {
    /// The base URL's path, `/` or `/report/`.
    public let basePath: String

    /// Creates permalinks under `basePath`.
    public init(basePath: String) {
        self.basePath = basePath
    }

    /// The root-relative link to a path (`/articles/x/`).
    public func href(_ path: SitePath) -> String { path.href(basePath: basePath) }

    /// `/articles/SLUG/`
    public func article(_ slug: String) -> SitePath { SitePath(page: "articles", slug) }
    /// `/SLUG/`
    public func page(_ slug: String) -> SitePath { SitePath(page: slug) }
    /// `/tags/`
    public var tags: SitePath { SitePath(page: "tags") }
    /// `/tags/SLUG/`
    public func tag(_ slug: String) -> SitePath { SitePath(page: "tags", slug) }
    /// `/archive/`
    public var archive: SitePath { SitePath(page: "archive") }
    /// Page `number` of a paginated list: the list itself for page 1, `LIST/page/N/` after it.
    public func listPage(_ list: SitePath, number: Int) -> SitePath {
        number <= 1 ? list : SitePath(file: list.relative + "page/\(number)/")
    }
    /// `/timeline/`
    public var timeline: SitePath { SitePath(page: "timeline") }
    /// `/timeline/entity/ID/`: the timeline filtered to one entity.
    public func timeline(entity: EntityID) -> SitePath { SitePath(page: "timeline", "entity", entity.rawValue) }
    /// `/timeline/theme/THEME/`
    public func timeline(theme: String) -> SitePath { SitePath(page: "timeline", "theme", theme) }
    /// The event's anchor on the timeline page.
    public func eventHref(_ id: EventID) -> String { href(timeline) + "#" + id.rawValue }
    /// `/entities/`
    public var entities: SitePath { SitePath(page: "entities") }
    /// `/entities/ID/`
    public func entity(_ id: EntityID) -> SitePath { SitePath(page: "entities", id.rawValue) }
    /// `/compare/`
    public var comparisons: SitePath { SitePath(page: "compare") }
    /// `/compare/ID/`
    public func comparison(_ id: ComparisonID) -> SitePath { SitePath(page: "compare", id.rawValue) }
    /// `/compare/ID/ID.csv`
    public func comparisonCSV(_ id: ComparisonID) -> SitePath { SitePath(file: "compare/\(id.rawValue)/\(id.rawValue).csv") }
    /// `/sources/`
    public var sources: SitePath { SitePath(page: "sources") }
    /// A source's anchor in the bibliography.
    public func sourceHref(_ id: SourceID) -> String { href(sources) + "#" + id.rawValue }

    /// `/search/`: the search page; its index lives in `/search/meta.json`, `shards/` and `entries/`.
    public var search: SitePath { SitePath(page: "search") }

    /// `/newsletters/`: the index of editions.
    public var newsletters: SitePath { SitePath(page: "newsletters") }
    /// `/newsletters/NAME/`: an edition's archive page.
    public func newsletter(_ name: String) -> SitePath { SitePath(page: "newsletters", name) }
    /// `/newsletters/feed.xml`: the Atom feed of editions.
    public var newsletterFeed: SitePath { SitePath(file: "newsletters/feed.xml") }
    /// `/newsletters/NAME/email.html`, `email.txt` and `NAME.eml`: the email as sent, for previewing.
    public func newsletterEmail(_ name: String, file: String) -> SitePath { SitePath(file: "newsletters/\(name)/\(file)") }

    /// Top-level names that pages may not take, because generated sections live there.
    public static let reservedPageSlugs: Set<String> = [
        "articles", "tags", "archive", "timeline", "entities", "compare", "sources", "data", "assets",
        "newsletters", "search", "index", "404", "feed.xml", "feed.json", "sitemap.xml", "robots.txt", "index.html",
    ]
}
