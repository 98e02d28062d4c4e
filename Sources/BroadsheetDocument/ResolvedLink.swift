/// Where a link goes, as resolved against the site.
public struct ResolvedLink: Sendable, Hashable {
    /// What the link points at.
    public var target: LinkTarget
    /// The URL to write: root-relative (`/report/articles/x/`) for the site's own pages, as
    /// written for external ones, `#id` within the page, empty for a removed unsafe URL.
    public var href: String
    /// The link's title, as written.
    public var title: String
    /// An image's width in pixels, when known (read from a media file).
    public var width: Int?
    /// An image's height in pixels, when known.
    public var height: Int?

    /// Creates a link.
    public init(target: LinkTarget, href: String, title: String = "", width: Int? = nil, height: Int? = nil) {
        self.target = target
        self.href = href
        self.title = title
        self.width = width
        self.height = height
    }
}

/// What a link points at. Ids are the fact ids and slugs as written in the content.
public enum LinkTarget: Sendable, Hashable {
    /// An article, by slug.
    case article(String)
    /// A page, by slug.
    case page(String)
    /// A timeline event, by id.
    case event(String)
    /// An entity's page, by id.
    case entity(String)
    /// A comparison table's page, by id.
    case comparison(String)
    /// A source's entry in the bibliography, by id.
    case source(String)
    /// A root-relative path into the site (`/timeline/`).
    case sitePath
    /// A fragment of the same page (`#notes`).
    case fragment
    /// Anything else: another site, `mailto:`, a relative path.
    case external
    /// A URL with an unsafe scheme (`javascript:`), removed.
    case removed
}

/// One citation mark after a cited passage.
public struct CitationMark: Sendable, Hashable {
    /// The number in the document's References (1, 2, …), or nil where a text has no
    /// References (fact summaries), and the mark links to the bibliography instead.
    public var number: Int?
    /// How many times this source was cited up to here (1 for the first), for unique ids.
    public var occurrence: Int
    /// The cited source's id.
    public var sourceID: String
    /// The source's publisher, for labels.
    public var publisher: String
    /// The source's bibliography entry (root-relative).
    public var sourceHref: String

    /// Creates a mark.
    public init(number: Int?, occurrence: Int, sourceID: String, publisher: String, sourceHref: String) {
        self.number = number
        self.occurrence = occurrence
        self.sourceID = sourceID
        self.publisher = publisher
        self.sourceHref = sourceHref
    }
}
