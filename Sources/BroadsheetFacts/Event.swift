import BroadsheetCore

/// A dated, sourced thing that happened.
public struct Event: Sendable, Hashable, Identifiable {
    /// How sure the sources make us.
    public enum Confidence: String, Sendable, Hashable {
        /// Several or primary sources agree.
        case high
        /// One secondary source, or an inferred date: shown as "reported".
        case medium
    }

    /// Unique id; the anchor on `/timeline/`.
    public var id: EventID
    /// When it happened, as precisely as known.
    public var date: PartialDate
    /// When it ended, for periods.
    public var end: PartialDate?
    /// A short plain-text title.
    public var title: String
    /// One to three sentences, inline Markdown.
    public var summary: String
    /// Who was involved.
    public var entities: [EntityID]
    /// Lower-case theme slugs.
    public var themes: [String]
    /// What it rests on (at least one).
    public var sources: [SourceID]
    /// How sure we are.
    public var confidence: Confidence
    /// The fact-sheet id it comes from (e.g. F04).
    public var factReference: String?
    /// Where the event is defined.
    public var location: SourceLocation
}
