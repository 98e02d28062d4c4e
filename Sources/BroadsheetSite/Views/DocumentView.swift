import BroadsheetTemplates
import BroadsheetContent

/// An article or page for `article.mustache` / `page.mustache`.
struct DocumentView: Sendable, Encodable {
    /// The site's name, menu and links, prepared once for every page (`RenderContext.siteView`).
    var site: SharedTemplateValue
    var meta: PageMeta
    var title: String
    var summary: String?
    var dateDisplay: String?
    var dateISO: String?
    var updatedDisplay: String?
    var updatedISO: String?
    var byline: String
    var readingMinutes: Int
    var tags: [TagLink]
    var hasTags: Bool
    var toc: [TOCEntry]
    var hasTOC: Bool
    /// Trusted HTML rendered by Broadsheet from the Markdown.
    var body: String
    var references: [ReferenceView]
    var hasReferences: Bool
    var isDraft: Bool
    var previous: ArticleCard?
    var next: ArticleCard?
    /// Dated corrections shown on the page, oldest first.
    var corrections: [CorrectionView]
    var hasCorrections: Bool
    /// The front matter's `extra:` fields, for the site's own templates.
    var extra: [String: ExtraValue]
}

/// One dated correction of an article or page.
struct CorrectionView: Sendable, Encodable {
    var dateDisplay: String
    var dateISO: String
    /// Trusted HTML rendered by Broadsheet from the note's Markdown.
    var note: String
}

/// A heading in the table of contents, with the subheadings under it.
struct TOCEntry: Sendable, Encodable {
    var text: String
    var href: String
    var children: [TOCEntry]
    var hasChildren: Bool
}

/// One entry of an article's References.
struct ReferenceView: Sendable, Encodable {
    var number: Int
    var anchor: String
    /// The source as `partials/source-citation` renders it (trusted HTML, rendered once per source and build).
    var citationHTML: String
    var backlinks: [BacklinkView]
}

/// A back-link from a reference to a place that cites it.
struct BacklinkView: Sendable, Encodable {
    var href: String
    var label: String
}

/// A source formatted for citing: publisher, headline, date, link.
struct SourceCitationView: Sendable, Encodable {
    var id: String
    var publisher: String
    var via: String?
    var title: String
    /// True for a title in [brackets]: a description, not a headline, shown without quotes.
    var isDescriptiveTitle: Bool
    var url: String
    var dateDisplay: String?
    var dateISO: String?
    var language: String?
    var archiveURL: String?
    var note: String?
    var bibliographyHref: String
}
