import BroadsheetDocument
import BroadsheetFacts

/// A generated block inside an article, rendered differently by each renderer.
public enum Component: Sendable, Hashable {
    /// A timeline of the matching events.
    case timeline(TimelineQuery)
    /// A comparison table, looked up when the document was resolved.
    case comparison(Comparison)
    /// A chart of sourced series, its data resolved.
    case chart(Chart)
}

/// A resolved body: the document tree, components in place, for every renderer to draw.
public typealias DocumentBody = [Block<Component>]

/// A resolved text without components (an event summary, an entity description).
public typealias FactText = [Block<Never>]

/// Which events a timeline shows.
public struct TimelineQuery: Sendable, Hashable {
    /// Events involving any of these entities or their sub-entities (all when empty).
    public var entities: [EntityID] = []
    /// Events with any of these themes (all when empty).
    public var themes: [String] = []
    /// Events on or after this date.
    public var from: PartialDate?
    /// Events on or before this date.
    public var to: PartialDate?
    /// At most this many, the earliest first.
    public var limit: Int?

    /// Creates a query; the empty query selects every event.
    public init(
        entities: [EntityID] = [], themes: [String] = [], from: PartialDate? = nil, to: PartialDate? = nil, limit: Int? = nil
    ) {
        self.entities = entities
        self.themes = themes
        self.from = from
        self.to = to
        self.limit = limit
    }

    /// The matching events of `book`, in date order.
    public func select(from book: FactBook) -> [Event] {
        let entitySet = entities.reduce(into: Set<EntityID>()) { $0.formUnion(book.entityAndDescendants($1)) }
        var events = book.events.filter { event in
            if !entitySet.isEmpty && !event.entities.contains(where: entitySet.contains) { return false }
            if !themes.isEmpty && !event.themes.contains(where: themes.contains) { return false }
            if let from, !event.date.mayBeAfterOrSame(as: from) && (event.end.map { !$0.mayBeAfterOrSame(as: from) } ?? true) {
                return false
            }
            if let to, !to.mayBeAfterOrSame(as: event.date) { return false }
            return true
        }
        if let limit, events.count > limit { events = Array(events.prefix(limit)) }
        return events
    }
}
