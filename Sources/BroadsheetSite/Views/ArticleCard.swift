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
    /// The front matter's `image:`, shown without alt text beside the title it illustrates.
    var image: ImageView?
    /// The article's `extra:` fields.
    var extra: [String: ExtraValue]
}

/// An image with its size, so the page does not jump as it loads.
struct ImageView: Sendable, Encodable {
    /// Root-relative for pages, absolute in `<meta>`.
    var url: String
    var width: Int
    var height: Int
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
