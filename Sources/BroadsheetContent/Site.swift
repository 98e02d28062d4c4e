import BroadsheetCore
import BroadsheetFacts

/// The checked model of the whole site that renderers turn into files.
public struct Site: Sendable {
    /// site.yaml.
    public var config: SiteConfig
    /// URL scheme.
    public var permalinks: Permalinks
    /// Articles, newest first.
    public var articles: [Document]
    /// Pages, by slug.
    public var pages: [Document]
    /// Every fact.
    public var facts: FactBook
    /// Inline Markdown of facts, rendered: event summaries, entity and comparison descriptions.
    public var factHTML: FactHTML
    /// Tags with their articles (newest first), sorted by tag.
    public var tags: [(tag: Tag, articles: [Document])]
    /// For each source, the documents citing it, in site order.
    public var citingDocuments: [SourceID: [Document]]
    /// For each source, the events resting on it.
    public var citingEvents: [SourceID: [EventID]]
}

/// HTML rendered from the inline Markdown of facts.
public struct FactHTML: Sendable, Hashable {
    /// Event summaries by event id.
    public var eventSummaries: [EventID: String] = [:]
    /// Entity descriptions by entity id.
    public var entityDescriptions: [EntityID: String] = [:]
    /// Comparison descriptions by comparison id.
    public var comparisonDescriptions: [ComparisonID: String] = [:]
}
