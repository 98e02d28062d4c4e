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

/// The id of a series in `series.yaml`.
public struct SeriesID: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The id as written.
    public let rawValue: String
    /// Wraps an id.
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The unit of a series as written (`%`, `million accounts`, `RMB billion`), and how values in it read.
public struct SeriesUnit: Sendable, Hashable, CustomStringConvertible {
    /// The unit as written in series.yaml.
    public let text: String
    /// Wraps a unit.
    public init(_ text: String) { self.text = text.trimmingCharacters(in: .whitespaces) }

    /// Currency words that go before the number: "RMB 18.228 billion".
    static let prefixes = ["RMB", "US$", "HK$", "USD", "CNY", "€"]

    /// True for `%`.
    public var isPercentage: Bool { text == "%" }

    /// A value in this unit: "55.6%", "1,097.6 million accounts", "RMB 18.228 billion".
    public func format(_ value: Double, approximate: Bool = false) -> String {
        // Tiny values keep their digits rather than rounding to a number the facts do not give.
        let digits = value != 0 && abs(value) < 0.01 ? NumberText.plain(value) : NumberText.format(value)
        let number = (approximate ? "~" : "") + digits
        if isPercentage { return number + "%" }
        let words = text.split(separator: " ", maxSplits: 1).map(String.init)
        if let first = words.first, Self.prefixes.contains(first) {
            let symbol = first == "CNY" ? "RMB" : first
            return symbol + (symbol.hasSuffix("$") ? "" : " ") + number + (words.count > 1 ? " " + words[1] : "")
        }
        return text.isEmpty ? number : number + " " + text
    }

    /// The axis title: "Per cent", or the unit itself.
    public var axisTitle: String { isPercentage ? "Per cent" : text }

    public var description: String { text }
}
