import BroadsheetCore
import Foundation

/// A numeric series for charts: values in one unit, each with its as-of period and its source.
public struct Series: Sendable, Hashable, Identifiable {
    /// Unique id, named by ```` ```chart ```` blocks.
    public var id: SeriesID
    /// What the series measures, e.g. "WeChat monthly active accounts".
    public var title: String
    /// The short direct label drawn beside the line or bars, e.g. "WeChat".
    public var label: String
    /// The entity the series is about, if any.
    public var entity: EntityID?
    /// The unit every value is in: `%`, `million accounts`, `RMB billion`.
    public var unit: SeriesUnit
    /// A caveat for every chart that shows the series (definitions, reported-only figures).
    public var note: String?
    /// The values, in file order.
    public var points: [Point]
    /// Where the series is defined.
    public var location: SourceLocation

    /// Creates a series.
    public init(
        id: SeriesID, title: String, label: String, entity: EntityID?, unit: SeriesUnit, note: String?, points: [Point],
        location: SourceLocation
    ) {
        self.id = id
        self.title = title
        self.label = label
        self.entity = entity
        self.unit = unit
        self.note = note
        self.points = points
        self.location = location
    }

    /// One sourced value.
    public struct Point: Sendable, Hashable {
        /// When the value was true: a year, quarter, month or day.
        public var asOf: Period
        /// The value, in the series' unit.
        public var value: Double
        /// What it rests on.
        public var source: SourceID
        /// A category label for bar and dot charts (default: the period).
        public var label: String?
        /// The value is approximate ("~").
        public var isApproximate: Bool
        /// A short qualifier ("as reported").
        public var note: String?
        /// The value as its fact shows it ("RMB 500,000"), when that differs from the chart's unit; nil for series.yaml.
        public var display: String?
        /// Where the point is defined.
        public var location: SourceLocation

        /// Creates a point.
        public init(
            asOf: Period, value: Double, source: SourceID, label: String?, isApproximate: Bool, note: String?,
            display: String?, location: SourceLocation
        ) {
            self.asOf = asOf
            self.value = value
            self.source = source
            self.label = label
            self.isApproximate = isApproximate
            self.note = note
            self.display = display
            self.location = location
        }

        /// The category a bar or dot chart files the point under: its label, or its period.
        public var category: String { label ?? asOf.display }
    }

    /// Every source the series cites, in first-use order.
    public var sources: [SourceID] {
        var seen: Set<SourceID> = []
        return points.map(\.source).filter { seen.insert($0).inserted }
    }
}
