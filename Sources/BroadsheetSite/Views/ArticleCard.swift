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
}

/// A tag as a link.
struct TagLink: Sendable, Encodable {
    var name: String
    var href: String
    var count: Int
}
