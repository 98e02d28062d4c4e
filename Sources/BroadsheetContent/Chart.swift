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

// MARK: - Comparisons

extension Chart {
    /// The chart of a comparison whose numbers share one type and unit, or nil when the table is not numeric.
    ///
    /// Each numeric column becomes a series and each row a category: a bar chart for one column,
    /// grouped bars for several. Cells with different scales are converted to the commonest one.
    public init?(comparison: Comparison, facts: FactBook) {
        // Columns of one type, unit and currency share an axis; the largest such group is drawn.
        var groups: [[Comparison.Column]] = []
        for column in comparison.columns where column.type.isNumeric {
            if let index = groups.firstIndex(where: {
                $0[0].type == column.type && $0[0].unit == column.unit && $0[0].currency == column.currency
            }) {
                groups[index].append(column)
            } else {
                groups.append([column])
            }
        }
        func numbers(_ column: Comparison.Column) -> [(Comparison.Row, Comparison.Cell, Double)] {
            comparison.rows.compactMap { row in
                guard let cell = row.cells[column.id], case .number(let value) = cell.value else { return nil }
                return (row, cell, value)
            }
        }
        let counts = groups.map { $0.map { numbers($0).count }.reduce(0, +) }
        guard let best = counts.indices.max(by: { (counts[$0], -$0) < (counts[$1], -$1) }), counts[best] >= 2 else {
            return nil
        }
        let columns = groups[best]
        let first = columns[0]
        let cells = columns.flatMap { column in numbers(column).map { (column, $0.0, $0.1, $0.2) } }
        var scaleCounts: [String: Int] = [:]
        for (_, _, cell, _) in cells { scaleCounts[cell.scale ?? "", default: 0] += 1 }
        let scale =
            scaleCounts.max { ($0.value, NumberText.multiplier($0.key)) < ($1.value, NumberText.multiplier($1.key)) }?.key ?? ""
        let scaleWord = scale.isEmpty ? nil : scale
        let unitText: String
        switch first.type {
        case .percentage: unitText = "%"
        case .money:
            let symbol =
                first.currency == "CNY"
                ? "RMB"
                : NumberText.currencySymbol(first.currency)
                    .trimmingCharacters(in: .whitespaces)
            unitText = [symbol, scaleWord].compactMap { $0 }.joined(separator: " ")
        default: unitText = [scaleWord, first.unit].compactMap { $0 }.joined(separator: " ")
        }
        let unit = SeriesUnit(unitText)
        var series: [Series] = []
        for column in columns {
            let points = cells.filter { $0.0.id == column.id }.map { _, row, cell, value in
                let converted = value * NumberText.multiplier(cell.scale) / NumberText.multiplier(scaleWord)
                return Series.Point(
                    asOf: Period(cell.asOf), value: converted, source: cell.source, label: row.label,
                    isApproximate: cell.isApproximate, note: cell.note,
                    display: cell.scale == scaleWord ? nil : cell.displayText(in: column), location: cell.location)
            }
            guard !points.isEmpty else { continue }
            series.append(
                Series(
                    id: SeriesID(column.id), title: column.label, label: column.label, entity: nil, unit: unit, note: nil,
                    points: points, location: comparison.location))
        }
        let numericColumns = comparison.columns.filter(\.type.isNumeric).count
        let title =
            numericColumns > columns.count
            ? "\(comparison.title): \(columns.map(\.label).joined(separator: ", "))" : comparison.title
        let sources = Self.sources(of: series, in: facts)
        self.init(
            id: "chart-\(comparison.id)", kind: series.count == 1 ? .bar : .groupedBar, title: title,
            note: numericColumns > columns.count
                ? "Drawn from the table's columns in \(unit.text == "%" ? "per cent" : unit.text) only; the table has every value."
                : nil,
            unit: unit, series: series, sources: sources)
    }

    /// The sources the points of `series` cite, resolved, in first-use order.
    static func sources(of series: [Series], in facts: FactBook) -> [Source] {
        var seen: Set<SourceID> = []
        return series.flatMap(\.points).map(\.source).filter { seen.insert($0).inserted }.compactMap(facts.source)
    }
}
