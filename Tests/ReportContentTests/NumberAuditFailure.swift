/// A number in a document's prose that no cited fact supports.
struct NumberAuditFailure: Sendable, Hashable, CustomStringConvertible {
    /// The document, relative to the site root.
    var path: String
    /// 1-based line in the file (front matter included).
    var line: Int
    /// 1-based column.
    var column: Int
    /// The number as written.
    var text: String

    /// `path:line: number 'X' appears in no cited fact`.
    var description: String { "\(path):\(line): number '\(text)' appears in no cited fact" }
}
