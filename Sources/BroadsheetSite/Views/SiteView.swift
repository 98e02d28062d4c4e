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
}

/// One link of the navigation bar.
struct MenuItemView: Sendable, Encodable {
    var title: String
    var href: String
    var isCurrent: Bool
}
