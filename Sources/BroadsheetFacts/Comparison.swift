import BroadsheetCore

/// A titled table of sourced values: rows (usually entities) against metrics.
public struct Comparison: Sendable, Hashable, Identifiable {
    /// Unique id; the page is `/compare/ID/`.
    public var id: ComparisonID
    /// The table's caption.
    public var title: String
    /// Inline Markdown shown under the title.
    public var description: String?
    /// Header of the first column.
    public var rowHeader: String
    /// The metrics, in order.
    public var columns: [Column]
    /// The rows, in order.
    public var rows: [Row]
    /// Where the table is defined.
    public var location: SourceLocation

    /// A metric of the table.
    public struct Column: Sendable, Hashable {
        /// Unique within the table; the key of cells.
        public var id: String
        /// The header text.
        public var label: String
        /// What kind of values the column holds.
        public var type: ColumnType
        /// Unit shown in the header (number columns), e.g. "million".
        public var unit: String?
        /// ISO 4217 code for money columns.
        public var currency: String?

        /// The header with its unit: "Users (million)", "Fine (CNY)", "Share (%)".
        public var headerWithUnit: String {
            switch type {
            case .percentage: "\(label) (%)"
            case .money: currency.map { "\(label) (\($0))" } ?? label
            case .number: unit.map { "\(label) (\($0))" } ?? label
            default: label
            }
        }
    }

    /// The kinds of values a column holds.
    public enum ColumnType: String, Sendable, Hashable, CaseIterable {
        case number, money, percentage, text, date, boolean
        /// Numbers are right-aligned in tables.
        public var isNumeric: Bool { self == .number || self == .money || self == .percentage }
    }

    /// One row of the table.
    public struct Row: Sendable, Hashable {
        /// Unique within the table.
        public var id: String
        /// The row header text.
        public var label: String
        /// The entity the row is about, if any.
        public var entity: EntityID?
        /// Values by column id; a missing key is an unknown value.
        public var cells: [String: Cell]
        /// Where the row is defined.
        public var location: SourceLocation
    }

    /// One sourced value.
    public struct Cell: Sendable, Hashable {
        /// The value.
        public var value: CellValue
        /// A multiplier word for numbers: thousand, million, billion, trillion.
        public var scale: String?
        /// When the value was true.
        public var asOf: PartialDate
        /// What it rests on.
        public var source: SourceID
        /// The value is approximate.
        public var isApproximate: Bool
        /// A short qualifier ("as reported").
        public var note: String?
        /// Where the cell is defined.
        public var location: SourceLocation
    }

    /// A cell's value, typed by its column.
    public enum CellValue: Sendable, Hashable {
        case number(Double)
        case text(String)
        case date(PartialDate)
        case boolean(Bool)
    }
}

extension Comparison.Cell {
    /// The value as text for a column: "RMB 18.228 billion", "55.6%", "1,225", "Yes".
    public func displayText(in column: Comparison.Column) -> String {
        let prefix = isApproximate ? "~" : ""
        switch value {
        case .number(let number):
            let formatted = NumberText.format(number)
            let scaled = scale.map { "\(formatted) \($0)" } ?? formatted
            switch column.type {
            case .percentage: return prefix + formatted + "%"
            case .money: return prefix + NumberText.currencySymbol(column.currency) + scaled
            default: return prefix + scaled
            }
        case .text(let text): return prefix + text
        case .date(let date): return date.display
        case .boolean(let flag): return flag ? "Yes" : "No"
        }
    }

    /// The value for CSV and JSON: the plain number (scaled to units) or text.
    public var machineValue: String {
        switch value {
        case .number(let number): NumberText.plain(number * NumberText.multiplier(scale))
        case .text(let text): text
        case .date(let date): date.iso
        case .boolean(let flag): flag ? "true" : "false"
        }
    }
}
