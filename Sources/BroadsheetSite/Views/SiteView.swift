/// What every page's layout shows about the site: name, menu, feeds, stylesheet.
struct SiteView: Sendable, Encodable {
    var title: String
    var subtitle: String?
    var description: String
    var language: String
    var homeHref: String
    var menu: [MenuItemView]
    var feedHref: String
    var jsonFeedHref: String
    var stylesheetHref: String
    var scriptHref: String
    /// The search page (the header's search form submits to it) and its script.
    var searchHref: String
    var searchScriptHref: String
    var publisher: String
    var footerYears: String
    /// The bibliography and data links, when the site has facts.
    var sourcesHref: String?
    var dataHref: String?
    /// The corrections log, when the site has a page with the slug `corrections`.
    var correctionsHref: String?
    /// The print edition's files ("PDF · EPUB" with sizes), when built.
    var downloads: [DownloadView]
    var hasDownloads: Bool
    /// The theme's own words (site.yaml's `words:`).
    var words: WordsView
}

/// site.yaml's `words:`, with the theme's defaults where it is silent.
struct WordsView: Sendable, Encodable {
    var kicker: String?
    var lead: String
    var leadLink: String
    var latest: String
    var search: String
}

/// One downloadable file of the report.
struct DownloadView: Sendable, Encodable {
    var format: String
    var href: String
    var size: String
    var isLast: Bool
}

/// One link of the navigation bar.
struct MenuItemView: Sendable, Encodable {
    var title: String
    var href: String
    var isCurrent: Bool
}
