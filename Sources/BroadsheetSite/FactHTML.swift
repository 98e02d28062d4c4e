import BroadsheetContent
import BroadsheetCore
import BroadsheetDocument
import BroadsheetFacts

/// The website's HTML of the facts' Markdown (event summaries, entity and comparison
/// descriptions), written once per render: every timeline, entity page and card shows them.
struct FactHTML: Sendable {
    /// Event summaries by event id.
    var eventSummaries: [EventID: String] = [:]
    /// Entity descriptions by entity id.
    var entityDescriptions: [EntityID: String] = [:]
    /// Comparison descriptions by comparison id.
    var comparisonDescriptions: [ComparisonID: String] = [:]

    init(_ texts: FactTexts) {
        eventSummaries = texts.eventSummaries.mapValues { HTMLWriter.textHTML($0) }
        entityDescriptions = texts.entityDescriptions.mapValues { HTMLWriter.textHTML($0) }
        comparisonDescriptions = texts.comparisonDescriptions.mapValues { HTMLWriter.textHTML($0) }
    }
}
