import BroadsheetTemplates
/// The home page.
struct HomeView: Sendable, Encodable {
    /// The site's name, menu and links, prepared once for every page (`RenderContext.siteView`).
    var site: SharedTemplateValue
    var meta: PageMeta
    var lead: ArticleCard?
    var latest: [RenderedCard]
    var hasLatest: Bool
    /// The timeline overview chart (trusted SVG).
    var chart: String?
    var timelineHref: String
    var eventCount: Int
    var comparisons: [ComparisonCard]
    var hasComparisons: Bool
    var recentEvents: [EventView]
    var hasRecentEvents: Bool
}

/// A list of articles: a tag page or a year of the archive.
struct ArticleListView: Sendable, Encodable {
    /// The site's name, menu and links, prepared once for every page (`RenderContext.siteView`).
    var site: SharedTemplateValue
    var meta: PageMeta
    var heading: String
    var intro: String?
    var groups: [ArticleGroup]
    /// The pager, when the list has more than one page.
    var pager: PagerView?
}

/// A titled group of article cards (a year in the archive).
struct ArticleGroup: Sendable, Encodable {
    var title: String?
    var anchor: String?
    var articles: [RenderedCard]
}

/// The tag index.
struct TagIndexView: Sendable, Encodable {
    /// The site's name, menu and links, prepared once for every page (`RenderContext.siteView`).
    var site: SharedTemplateValue
    var meta: PageMeta
    var tags: [TagLink]
}

/// The 404 page.
/// The search page: results come from the script; without it, links to browse instead.
struct SearchPageView: Sendable, Encodable {
    /// The site's name, menu and links, prepared once for every page (`RenderContext.siteView`).
    var site: SharedTemplateValue
    var meta: PageMeta
    /// The folder holding `meta.json`, `shards/` and `entries/`.
    var indexHref: String
    var archiveHref: String
    var timelineHref: String?
    var tagsHref: String
}

struct NotFoundView: Sendable, Encodable {
    /// The site's name, menu and links, prepared once for every page (`RenderContext.siteView`).
    var site: SharedTemplateValue
    var meta: PageMeta
    var latest: [RenderedCard]
}
