import BroadsheetContent
import BroadsheetFacts

/// A chart's data as a table: one row per category (a period or a label), one column per series.
///
/// What the website's data table, the email and the text part show; every cell is a value of the facts.
public struct ChartTable: Sendable, Hashable {
    /// The header of the first column: "Period" for dated values, "Category" for labelled ones.
    public var rowHeader: String
    /// The series' labels, in chart order.
    public var columns: [String]
    /// The rows, in the chart's category order.
    public var rows: [Row]

    /// One category.
    public struct Row: Sendable, Hashable {
        /// The category: "Q1 2019", "Alibaba".
        public var label: String
        /// One cell per series; nil where the series has no value for the category.
        public var cells: [Cell?]
    }

    /// One value as shown.
    public struct Cell: Sendable, Hashable {
        /// The value with its unit: "55.6%", "RMB 18.228 billion".
        public var text: String
        /// The plain number, in the chart's unit.
        public var value: Double
        /// The as-of period ("as of 10 April 2021") when the category is a label, not a date.
        public var asOf: String?
        /// The point's note ("as reported").
        public var note: String?
        /// The source the value rests on.
        public var source: SourceID
        /// The source's number in the chart's "Source:" line.
        public var sourceNumber: Int
    }

    /// The table of `chart`.
    public init(_ chart: Chart) {
        let labelled = chart.series.contains { $0.points.contains { $0.label != nil } }
        rowHeader = labelled ? "Category" : "Period"
        columns = chart.series.map(\.label)
        rows = chart.categories.map { category in
            Row(
                label: category,
                cells: chart.series.map { series in
                    chart.point(of: series, in: category).map { point in
                        Cell(
                            text: chart.text(point), value: point.value,
                            asOf: point.label == nil ? nil : point.asOf.display, note: point.note, source: point.source,
                            sourceNumber: chart.sourceNumber(point.source) ?? 0)
                    }
                })
        }
    }

    /// The largest value, for scaling bars drawn from zero.
    public var maximum: Double {
        rows.flatMap { $0.cells.compactMap { $0?.value } }.max() ?? 0
    }
}
