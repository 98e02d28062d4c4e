/// The pager of a paginated list: links to the neighbouring, first and last pages and a
/// window of page numbers around the current one.
struct PagerView: Sendable, Encodable {
    /// One entry of the numbered part: a page, or a gap ("…") between numbers.
    struct Entry: Sendable, Encodable, Hashable {
        var number: Int
        var href: String
        var isCurrent: Bool
        var isGap: Bool
    }

    /// The `aria-label` of the pager's `<nav>` ("Archive pages").
    var label: String
    /// This page's number, from 1.
    var current: Int
    /// How many pages the list has.
    var total: Int
    /// The newer page (nil on the first).
    var previousHref: String?
    /// The older page (nil on the last).
    var nextHref: String?
    /// The first page's link.
    var firstHref: String
    /// The last page's link.
    var lastHref: String
    /// The numbers shown: the first, the last, and two on either side of the current page.
    var pages: [Entry]
}
