import BroadsheetCore

/// A published document that facts cite: an article, a filing, a report.
public struct Source: Sendable, Hashable, Identifiable {
    /// Unique id, used as `[text](source:ID)`.
    public var id: SourceID
    /// The outlet whose copy was read.
    public var publisher: String
    /// The original outlet of a syndicated copy (e.g. Reuters), if different.
    public var via: String?
    /// The headline as published.
    public var title: String
    /// Absolute http(s) URL of the copy that was read.
    public var url: String
    /// Publication date, as precisely as known; nil when unknown.
    public var date: PartialDate?
    /// BCP 47 language code of the source.
    public var language: String
    /// An archived copy, when there is one.
    public var archiveURL: String?
    /// A short caveat shown with the source.
    public var note: String?
    /// Where the source is defined.
    public var location: SourceLocation
}
