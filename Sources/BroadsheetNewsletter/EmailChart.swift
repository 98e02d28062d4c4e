import BroadsheetCharts
import BroadsheetContent
import BroadsheetFacts

/// A chart in email, where inline SVG is not shown reliably (Gmail, Outlook).
///
/// Bar, grouped, stacked and dot charts become bars drawn with table cells of inline widths; a line
/// chart, whose meaning is its date axis, becomes its data table with a link to the drawn chart on the web.
struct EmailChart {
    let chart: Chart
    /// The chart on the web: the edition's archived page and the chart's anchor.
    let url: String

    /// The colours of the series, Okabe–Ito, apart in lightness too.
    static let palette = ["#0b4f8a", "#e69f00", "#009e73", "#cc79a7"]
    /// The widest bar, in per cent of the row; the rest holds the value.
    static let barShare = 68.0

    var view: EmailChartView {
        let table = ChartTable(chart)
        let stacked = chart.kind == .stackedBar
        let totals = table.rows.map { $0.cells.compactMap { $0?.value }.reduce(0, +) }
        // Shares stacked to at most 100% are drawn on a full-width scale: the empty end is everyone else.
        let wholeScale = stacked && chart.unit.isPercentage && (totals.max() ?? 0) <= 100
        let maximum = wholeScale ? 100 : stacked ? (totals.max() ?? 0) : table.maximum
        let share = wholeScale ? 100 : Self.barShare
        func width(_ value: Double) -> Int {
            maximum <= 0 ? 1 : max(1, Int((value / maximum * share).rounded()))
        }
        let groups = table.rows.map { row in
            var bars: [EmailBarView] = []
            for (index, cell) in row.cells.enumerated() {
                guard let cell else { continue }
                // The as-of date of a labelled category and the value's note travel with it, as on the web.
                let details = [cell.asOf.map { "as of \($0)" }, cell.note].compactMap { $0 }
                let value = details.isEmpty ? cell.text : "\(cell.text) (\(details.joined(separator: ", ")))"
                bars.append(
                    EmailBarView(
                        series: table.columns[index], value: value, width: width(cell.value),
                        colour: Self.palette[index % Self.palette.count]))
            }
            let used = bars.map(\.width).reduce(0, +)
            return EmailBarGroupView(
                label: row.label, bars: bars, rest: max(1, 100 - (stacked ? used : 0)),
                summary: bars.map { "\($0.series) \($0.value)" }.joined(separator: "; "))
        }
        let names = chart.sources.map(\.publisher)
        return EmailChartView(
            title: chart.title, url: url, isBars: chart.kind != .line, isStacked: stacked,
            isGrouped: !stacked && chart.series.count > 1,
            groups: groups, rowHeader: table.rowHeader, columns: table.columns,
            rows: table.rows.map { row in EmailRowView(label: row.label, cells: row.cells.map { $0?.text ?? "no value" }) },
            note: chart.note, sourceLine: "\(names.count == 1 ? "Source" : "Sources"): \(names.joined(separator: "; "))")
    }

    /// The chart's data as lines of text: one line per category, then the note and the sources.
    func text(linkNumber: Int) -> String {
        let table = ChartTable(chart)
        var lines = [PlainText.wrap("\(chart.title) [\(linkNumber)]")]
        for row in table.rows {
            let values = zip(table.columns, row.cells).compactMap { column, cell in
                cell.map { cell in
                    (table.columns.count > 1 ? "\(column) " : "") + cell.text + (cell.asOf.map { " (as of \($0))" } ?? "")
                        + (cell.note.map { ", \($0)" } ?? "")
                }
            }
            lines.append(PlainText.wrap("\(row.label): \(values.joined(separator: "; "))", prefix: "- "))
        }
        if let note = chart.note { lines.append(PlainText.wrap("Note: \(note)", prefix: "")) }
        let names = chart.sources.map(\.publisher)
        lines.append(PlainText.wrap("\(names.count == 1 ? "Source" : "Sources"): \(names.joined(separator: "; "))", prefix: ""))
        return lines.joined(separator: "\n")
    }
}
