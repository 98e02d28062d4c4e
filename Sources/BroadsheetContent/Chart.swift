import BroadsheetCore
import BroadsheetFacts
import Foundation

/// A chart with its data resolved: the series, their sources and how to draw them.
///
/// Built at resolve time from a ```` ```chart ```` block or a numeric comparison, so no renderer looks anything up.
public struct Chart: Sendable, Hashable {
    /// How the values are drawn.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Values on a date axis, joined in order; a period wider than a day is drawn as a span.
        case line
        /// One series, one bar per category.
        case bar
        /// Several series, their bars side by side per category.
        case groupedBar = "grouped-bar"
        /// Several series, their bars stacked per category (parts of a whole).
        case stackedBar = "stacked-bar"
        /// A dot per series and category, joined by a line showing the range between them.
        case dot
    }

    /// An id unique within the page, used for anchors and the SVG's title and description ids.
    public var id: String
    /// How the values are drawn.
    public var kind: Kind
    /// The chart's headline.
    public var title: String
    /// Caveats: definitions, reported-only figures (plain text).
    public var note: String?
    /// A series id or category drawn emphasised, when given.
    public var highlight: String?
    /// The unit shared by every series.
    public var unit: SeriesUnit
    /// The data, in the order the block named it.
    public var series: [Series]
    /// Every source the values cite, in first-use order.
    public var sources: [Source]

    /// Creates a chart; `sources` are the sources of the series' points, resolved.
    public init(
        id: String, kind: Kind, title: String, note: String? = nil, highlight: String? = nil, unit: SeriesUnit,
        series: [Series], sources: [Source]
    ) {
        self.id = id
        self.kind = kind
        self.title = title
        self.note = note
        self.highlight = highlight
        self.unit = unit
        self.series = series
        self.sources = sources
    }

    /// The categories of a bar or dot chart, in the order of their earliest period.
    public var categories: [String] {
        var first: [String: (Period, Int)] = [:]
        var order = 0
        for item in series {
            for point in item.points where first[point.category] == nil {
                first[point.category] = (point.asOf, order)
                order += 1
            }
        }
        // Labelled categories (entities, fines) keep file order; dated ones go by date.
        let labelled = series.contains { $0.points.contains { $0.label != nil } }
        return first.sorted { lhs, rhs in
            labelled ? lhs.value.1 < rhs.value.1 : (lhs.value.0, lhs.value.1) < (rhs.value.0, rhs.value.1)
        }.map(\.key)
    }

    /// The point of `series` in `category`, if it has one.
    public func point(of series: Series, in category: String) -> Series.Point? {
        series.points.first { $0.category == category }
    }

    /// True when `series` or `category` is the highlighted one.
    public func isHighlighted(series: Series? = nil, category: String? = nil) -> Bool {
        guard let highlight else { return false }
        return series?.id.rawValue == highlight || category == highlight
    }

    /// A point's value as shown: as its fact shows it, or in the chart's unit ("55.6%", "~1,130 million").
    public func text(_ point: Series.Point) -> String {
        point.display ?? unit.format(point.value, approximate: point.isApproximate)
    }

    /// The number of a source in the chart's "Source:" line (1-based).
    public func sourceNumber(_ id: SourceID) -> Int? {
        sources.firstIndex { $0.id == id }.map { $0 + 1 }
    }
}
