import BroadsheetCore
import BroadsheetFacts
import Foundation

// MARK: - Comparisons

extension Chart {
    /// The chart of a comparison's numbers, or nil when fewer than two of them share a type and unit.
    ///
    /// The numeric columns with the most values in one type, unit and currency each become a series,
    /// each row a category: a bar chart for one column, grouped bars for several. Cells with other
    /// scales are converted to the commonest one for the bars and keep their own wording in labels.
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
