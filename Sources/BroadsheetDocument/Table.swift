/// A GitHub-flavoured pipe table: a header row, a column alignment each, and body rows.
///
/// Every row has exactly one cell per column: the parser pads short rows with empty cells
/// and drops the excess of long ones, as GitHub does.
public struct Table: Sendable, Hashable {
    /// One per column, from the delimiter row (`:--`, `:-:`, `--:`).
    public var alignments: [TableAlignment]
    /// The header row's cells.
    public var header: [[Inline]]
    /// The body rows' cells.
    public var rows: [[[Inline]]]

    /// Creates a table.
    public init(alignments: [TableAlignment], header: [[Inline]], rows: [[[Inline]]]) {
        self.alignments = alignments
        self.header = header
        self.rows = rows
    }
}

/// How a table column's cells are aligned.
public enum TableAlignment: String, Sendable, Hashable {
    /// No alignment given (`---`): the output's default.
    case none
    /// `:--`
    case left
    /// `:-:`
    case center
    /// `--:`
    case right
}
