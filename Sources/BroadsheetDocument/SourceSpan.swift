/// Where a node starts and ends in its Markdown text: 1-based lines and columns.
///
/// Lines are relative to the text given to the parser; the resolve stage adds the front
/// matter's lines when it reports a problem.
public struct SourceSpan: Sendable, Hashable {
    /// First line.
    public var startLine: Int
    /// Column of the first character on the first line.
    public var startColumn: Int
    /// Last line.
    public var endLine: Int
    /// Column of the last character on the last line.
    public var endColumn: Int

    /// Creates a span.
    public init(startLine: Int, startColumn: Int, endLine: Int, endColumn: Int) {
        self.startLine = startLine
        self.startColumn = startColumn
        self.endLine = endLine
        self.endColumn = endColumn
    }
}
