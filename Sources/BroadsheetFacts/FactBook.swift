/// Every fact of the site, checked: all ids unique and every reference resolved.
public struct FactBook: Sendable, Hashable {
    /// Sources in file order.
    public var sources: [Source]
    /// Entities in file order.
    public var entities: [Entity]
    /// Events sorted by date (then file order).
    public var events: [Event]
    /// Comparison tables in file order.
    public var comparisons: [Comparison]
    /// Numeric series for charts, in file order.
    public var series: [Series]

    private var sourceIndex: [SourceID: Int] = [:]
    private var entityIndex: [EntityID: Int] = [:]
    private var eventIndex: [EventID: Int] = [:]
    private var comparisonIndex: [ComparisonID: Int] = [:]
    private var seriesIndex: [SeriesID: Int] = [:]

    /// An empty book, for sites without facts.
    public static let empty = FactBook(sources: [], entities: [], events: [], comparisons: [])

    /// Creates a book and its look-up tables; events are sorted by date.
    public init(
        sources: [Source], entities: [Entity], events: [Event], comparisons: [Comparison], series: [Series] = []
    ) {
        self.sources = sources
        self.entities = entities
        self.events = events.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
        self.comparisons = comparisons
        self.series = series
        for (index, source) in sources.enumerated() { sourceIndex[source.id] = index }
        for (index, entity) in entities.enumerated() { entityIndex[entity.id] = index }
        for (index, event) in self.events.enumerated() { eventIndex[event.id] = index }
        for (index, comparison) in comparisons.enumerated() { comparisonIndex[comparison.id] = index }
        for (index, item) in series.enumerated() where seriesIndex[item.id] == nil { seriesIndex[item.id] = index }
    }

    /// The source with `id`.
    public func source(_ id: SourceID) -> Source? { sourceIndex[id].map { sources[$0] } }
    /// The entity with `id`.
    public func entity(_ id: EntityID) -> Entity? { entityIndex[id].map { entities[$0] } }
    /// The event with `id`.
    public func event(_ id: EventID) -> Event? { eventIndex[id].map { events[$0] } }
    /// The comparison with `id`.
    public func comparison(_ id: ComparisonID) -> Comparison? { comparisonIndex[id].map { comparisons[$0] } }

    /// The series with `id`.
    public func series(_ id: SeriesID) -> Series? { seriesIndex[id].map { series[$0] } }

    /// True when the site has no facts at all (no facts folder, or only empty files): then no
    /// timeline, entity, comparison or sources page is built, nor its template required.
    public var isEmpty: Bool {
        sources.isEmpty && entities.isEmpty && events.isEmpty && comparisons.isEmpty && series.isEmpty
    }

    /// Every theme used by an event, sorted.
    public var themes: [String] { Array(Set(events.flatMap(\.themes))).sorted() }

    /// `id` and every entity below it (WeChat Pay under WeChat under Tencent).
    public func entityAndDescendants(_ id: EntityID) -> Set<EntityID> {
        var result: Set<EntityID> = [id]
        var changed = true
        while changed {
            changed = false
            for entity in entities where !result.contains(entity.id) {
                if let parent = entity.parent, result.contains(parent) {
                    result.insert(entity.id)
                    changed = true
                }
            }
        }
        return result
    }

    /// The direct children of an entity.
    public func children(of id: EntityID) -> [Entity] { entities.filter { $0.parent == id } }
}
