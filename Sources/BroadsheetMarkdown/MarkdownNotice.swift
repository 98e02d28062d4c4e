/// Syntax an author typed that Broadsheet does not support and shows as written, found while
/// converting; the resolve stage reports each as a warning at its position.
public struct MarkdownNotice: Sendable, Hashable {
    /// What was found.
    public enum Kind: Sendable, Hashable {
        /// A footnote reference or definition, `[^label]`.
        case footnote(String)
        /// A GitHub alert, `> [!NOTE]`, with its type.
        case alert(String)
        /// `==highlighted==` text.
        case highlight
    }

    /// What was found.
    public var kind: Kind
    /// 1-based line in the Markdown text.
    public var line: Int
    /// 1-based column, when it could be found.
    public var column: Int?

    /// Creates a notice.
    public init(kind: Kind, line: Int, column: Int?) {
        self.kind = kind
        self.line = line
        self.column = column
    }
}
