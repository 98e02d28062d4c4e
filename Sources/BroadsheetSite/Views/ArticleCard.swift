import BroadsheetContent

/// An article in a list: home, tag, archive pages.
struct ArticleCard: Sendable, Encodable {
    var title: String
    var href: String
    var dateDisplay: String
    var dateISO: String
    var excerpt: String
    var readingMinutes: Int
    var tags: [TagLink]
    var isDraft: Bool
    /// The article's `extra:` fields.
    var extra: [String: ExtraValue]
}

/// An article card already rendered with `partials/card`, for long lists.
///
/// Every article's card is rendered once and reused by the home page, the archive and
/// every tag page, instead of once per list.
struct RenderedCard: Sendable, Encodable {
    var html: String
}

/// A tag as a link.
struct TagLink: Sendable, Encodable {
    var name: String
    var href: String
    var count: Int
}
