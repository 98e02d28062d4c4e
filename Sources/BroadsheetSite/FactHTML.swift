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
        eventSummaries = texts.eventSummaries.mapValues(Self.html)
        entityDescriptions = texts.entityDescriptions.mapValues(Self.html)
        comparisonDescriptions = texts.comparisonDescriptions.mapValues(Self.html)
    }

    /// A one-paragraph text as inline HTML; a longer one as blocks.
    static func html(_ text: FactText) -> String {
        if let inlines = BroadsheetDocument.singleParagraph(text) { return HTMLWriter<Never>.html(inlines) }
        return HTMLWriter<Never>.blocksHTML(text).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
