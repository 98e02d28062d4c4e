import BroadsheetCore
import BroadsheetFacts
import BroadsheetMarkdown

/// A resolved article or page: Markdown rendered, links and citations checked.
///
/// A value with its fields in one shared, copy-on-write box: a document is copied into many
/// lists (the site's articles, its tags, the sources that cite it, every page job), and
/// copying two dozen strings and arrays field by field was about a twentieth of a build's
/// CPU time. A copy is now one reference; changing a copy copies its fields first.
public struct Document: Sendable, Hashable {
    /// The fields, shared until one copy changes.
    private final class Box: Sendable {
        // A constant, so reading a field needs no exclusivity check; a change makes a new box.
        let fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private struct Fields: Sendable, Hashable {
        var kind: LoadedDocument.Kind
        var path: String
        var slug: String
        var sitePath: SitePath
        var title: String
        var date: PublicationDate?
        var updated: PublicationDate?
        var summary: String?
        var excerpt: String
        var tags: [Tag]
        var authors: [String]
        var isDraft: Bool
        var weight: Int
        var body: DocumentBody
        var headings: [MarkdownHeading]
        var readingMinutes: Int
        var wordCount: Int
        var citations: [Citation]
        var corrections: [Correction] = []
        var image: DocumentImage?
        var authoredLinks: [AuthoredLink] = []
        var aliases: [LoadedAlias] = []
        var extra: [String: ExtraValue] = [:]
    }

    private var box: Box

    /// Changes a field: the document gets a box of its own, other copies keep theirs.
    private mutating func change(_ body: (inout Fields) -> Void) {
        var fields = box.fields
        body(&fields)
        box = Box(fields)
    }

    /// A document with these fields.
    public init(
        kind: LoadedDocument.Kind,
        path: String,
        slug: String,
        sitePath: SitePath,
        title: String,
        date: PublicationDate? = nil,
        updated: PublicationDate? = nil,
        summary: String? = nil,
        excerpt: String,
        tags: [Tag],
        authors: [String],
        isDraft: Bool,
        weight: Int,
        body: DocumentBody,
        headings: [MarkdownHeading],
        readingMinutes: Int,
        wordCount: Int,
        citations: [Citation],
        corrections: [Correction] = [],
        image: DocumentImage? = nil,
        authoredLinks: [AuthoredLink] = [],
        aliases: [LoadedAlias] = [],
        extra: [String: ExtraValue] = [:]
    ) {
        box = Box(
            Fields(
                kind: kind, path: path, slug: slug, sitePath: sitePath, title: title, date: date, updated: updated,
                summary: summary, excerpt: excerpt, tags: tags, authors: authors, isDraft: isDraft, weight: weight, body: body,
                headings: headings, readingMinutes: readingMinutes, wordCount: wordCount, citations: citations,
                corrections: corrections, image: image, authoredLinks: authoredLinks, aliases: aliases, extra: extra))
    }

    /// Article or page.
    public var kind: LoadedDocument.Kind {
        get { box.fields.kind }
        set { change { $0.kind = newValue } }
    }
    /// The source file, relative to the root.
    public var path: String {
        get { box.fields.path }
        set { change { $0.path = newValue } }
    }
    /// The URL segment.
    public var slug: String {
        get { box.fields.slug }
        set { change { $0.slug = newValue } }
    }
    /// Where it is published.
    public var sitePath: SitePath {
        get { box.fields.sitePath }
        set { change { $0.sitePath = newValue } }
    }
    /// The title.
    public var title: String {
        get { box.fields.title }
        set { change { $0.title = newValue } }
    }
    /// Publication date (articles).
    public var date: PublicationDate? {
        get { box.fields.date }
        set { change { $0.date = newValue } }
    }
    /// Last update.
    public var updated: PublicationDate? {
        get { box.fields.updated }
        set { change { $0.updated = newValue } }
    }
    /// The author's summary, if written.
    public var summary: String? {
        get { box.fields.summary }
        set { change { $0.summary = newValue } }
    }
    /// The summary, or the start of the first paragraph: for cards, meta descriptions and feeds.
    public var excerpt: String {
        get { box.fields.excerpt }
        set { change { $0.excerpt = newValue } }
    }
    /// Tags.
    public var tags: [Tag] {
        get { box.fields.tags }
        set { change { $0.tags = newValue } }
    }
    /// Authors.
    public var authors: [String] {
        get { box.fields.authors }
        set { change { $0.authors = newValue } }
    }
    /// Drafts appear only with `--drafts`.
    public var isDraft: Bool {
        get { box.fields.isDraft }
        set { change { $0.isDraft = newValue } }
    }
    /// Orders articles of the same date, lower first.
    public var weight: Int {
        get { box.fields.weight }
        set { change { $0.weight = newValue } }
    }
    /// The body as a document tree, links resolved and components in place.
    public var body: DocumentBody {
        get { box.fields.body }
        set { change { $0.body = newValue } }
    }
    /// Headings for the table of contents.
    public var headings: [MarkdownHeading] {
        get { box.fields.headings }
        set { change { $0.headings = newValue } }
    }
    /// Estimated reading time.
    public var readingMinutes: Int {
        get { box.fields.readingMinutes }
        set { change { $0.readingMinutes = newValue } }
    }
    /// Word count (CJK characters count as words).
    public var wordCount: Int {
        get { box.fields.wordCount }
        set { change { $0.wordCount = newValue } }
    }
    /// Cited sources, numbered in order of first citation.
    public var citations: [Citation] {
        get { box.fields.citations }
        set { change { $0.citations = newValue } }
    }
    /// Corrections made to the text, oldest first.
    public var corrections: [Correction] {
        get { box.fields.corrections }
        set { change { $0.corrections = newValue } }
    }
    /// The front matter's `image:`, resolved into `Content/media/`.
    public var image: DocumentImage? {
        get { box.fields.image }
        set { change { $0.image = newValue } }
    }
    /// Links into the site written in the body and the corrections, with their positions (for the link check).
    public var authoredLinks: [AuthoredLink] {
        get { box.fields.authoredLinks }
        set { change { $0.authoredLinks = newValue } }
    }
    /// Old addresses that redirect here.
    public var aliases: [LoadedAlias] {
        get { box.fields.aliases }
        set { change { $0.aliases = newValue } }
    }
    /// Fields of the site's own for templates (`extra:`).
    public var extra: [String: ExtraValue] {
        get { box.fields.extra }
        set { change { $0.extra = newValue } }
    }

    public static func == (lhs: Document, rhs: Document) -> Bool { lhs.box === rhs.box || lhs.box.fields == rhs.box.fields }

    public func hash(into hasher: inout Hasher) { hasher.combine(box.fields) }
}

/// One numbered entry of a document's References.
public struct Citation: Sendable, Hashable {
    /// 1, 2, 3… in order of first citation.
    public var number: Int
    /// The cited source.
    public var source: SourceID
    /// How many times the text cites it.
    public var occurrences: Int
}

/// A tag with its URL slug.
public struct Tag: Sendable, Hashable, Comparable {
    /// The tag as first written.
    public var name: String
    /// Its URL segment.
    public var slug: String

    public static func < (lhs: Tag, rhs: Tag) -> Bool { lhs.slug < rhs.slug }
}
