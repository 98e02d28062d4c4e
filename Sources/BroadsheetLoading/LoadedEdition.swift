import BroadsheetCore
import BroadsheetFacts

/// A newsletter edition as read from `Content/newsletters/NAME.md`: front matter checked,
/// Markdown and references to articles and facts not yet resolved.
public struct LoadedEdition: Sendable, Hashable {
    /// A featured article's slug and where the front matter names it.
    public struct ArticleReference: Sendable, Hashable {
        /// The article's slug.
        public var slug: String
        /// Where it is written, for diagnostics.
        public var location: SourceLocation
    }

    /// The `timeline:` window of the front matter, before its ids are checked against the facts.
    public struct TimelineWindow: Sendable, Hashable {
        /// Entity ids with where each is written.
        public var entities: [ArticleReference]
        /// Themes with where each is written.
        public var themes: [ArticleReference]
        /// The parsed dates and limit.
        public var query: TimelineQuery
        /// Where `timeline:` starts.
        public var location: SourceLocation
    }

    /// Path relative to the site root.
    public var path: String
    /// The edition's name: the file name without `.md`, used in URLs and commands.
    public var name: String
    /// The email subject (also the archive page's title).
    public var subject: String
    /// The edition's date.
    public var date: PublicationDate
    /// The hidden preview line shown by inboxes after the subject.
    public var preheader: String?
    /// Articles to feature, in order.
    public var articles: [ArticleReference]
    /// Events to feature.
    public var timeline: TimelineWindow?
    /// The editor's note, Markdown.
    public var body: String
    /// Lines before the body, for diagnostics.
    public var bodyLineOffset: Int
}
