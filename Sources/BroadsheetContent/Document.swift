import BroadsheetCore
import BroadsheetFacts
import BroadsheetMarkdown

/// A resolved article or page: Markdown rendered, links and citations checked.
public struct Document: Sendable, Hashable {
    /// Article or page.
    public var kind: LoadedDocument.Kind
    /// The source file, relative to the root.
    public var path: String
    /// The URL segment.
    public var slug: String
    /// Where it is published.
    public var sitePath: SitePath
    /// The title.
    public var title: String
    /// Publication date (articles).
    public var date: PublicationDate?
    /// Last update.
    public var updated: PublicationDate?
    /// The author's summary, if written.
    public var summary: String?
    /// The summary, or the start of the first paragraph: for cards, meta descriptions and feeds.
    public var excerpt: String
    /// Tags.
    public var tags: [Tag]
    /// Authors.
    public var authors: [String]
    /// Drafts appear only with `--drafts`.
    public var isDraft: Bool
    /// Orders articles of the same date, lower first.
    public var weight: Int
    /// The body as a document tree, links resolved and components in place.
    public var body: DocumentBody
    /// Headings for the table of contents.
    public var headings: [MarkdownHeading]
    /// Estimated reading time.
    public var readingMinutes: Int
    /// Word count (CJK characters count as words).
    public var wordCount: Int
    /// Cited sources, numbered in order of first citation.
    public var citations: [Citation]
    /// Corrections made to the text, oldest first.
    public var corrections: [Correction] = []
    /// The front matter's `image:`, resolved into `Content/media/`.
    public var image: DocumentImage?
    /// Links into the site written in the body and the corrections, with their positions (for the link check).
    public var authoredLinks: [AuthoredLink] = []
    /// Old addresses that redirect here.
    public var aliases: [LoadedAlias] = []
    /// Fields of the site's own for templates (`extra:`).
    public var extra: [String: ExtraValue] = [:]
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
