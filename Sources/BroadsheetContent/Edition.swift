import BroadsheetCore
import BroadsheetFacts

/// A resolved newsletter edition: what both the archive page and the email show.
public struct Edition: Sendable, Hashable {
    /// The source file, relative to the root.
    public var path: String
    /// The edition's name (its file name), used in URLs and commands.
    public var name: String
    /// The email subject and page title.
    public var subject: String
    /// The edition's date.
    public var date: PublicationDate
    /// The hidden preview line; defaults to the start of the editor's note.
    public var preheader: String
    /// The archive page `/newsletters/NAME/`.
    public var sitePath: SitePath
    /// The editor's note as HTML and components.
    public var body: DocumentBody
    /// Links into the site and to other sites written in the body, with their positions (for the link checks).
    public var authoredLinks: [AuthoredLink] = []
    /// Sources cited by the editor's note, numbered in order of first citation.
    public var citations: [Citation]
    /// Featured articles, in the order the front matter lists them.
    public var featured: [Article]
    /// The timeline window's query, when the edition has one.
    public var timeline: TimelineQuery?
    /// The events of the timeline window, in date order.
    public var events: [Event]
}

extension Edition {
    /// "On the timeline: 4 September 2024 to 27 September 2024", from the window's first and last events.
    public var timelineHeading: String? { timelineHeading(.english) }

    /// The timeline heading with dates in `style`.
    public func timelineHeading(_ style: DateStyle) -> String? {
        guard let first = events.first, let last = events.last else { return nil }
        return first.date == last.date
            ? "On the timeline: \(first.date.display(style))"
            : "On the timeline: \(first.date.display(style)) to \(last.date.display(style))"
    }
}
