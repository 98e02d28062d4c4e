/// A YAML value with the line and column where it starts.
public struct YAMLNode: Sendable, Hashable {
    /// One key and its value in a mapping, in document order.
    public struct Pair: Sendable, Hashable {
        /// The key node (usually a scalar).
        public var key: YAMLNode
        /// The value node.
        public var value: YAMLNode
    }

    /// What the node holds.
    public enum Content: Sendable, Hashable {
        /// A scalar as written; `quoted` is true for '…' and "…" and block scalars, which are always strings.
        case scalar(String, quoted: Bool)
        /// A list.
        case sequence([YAMLNode])
        /// A mapping, in document order.
        case mapping([Pair])
        /// An empty value, `~` or `null`.
        case null
    }

    /// The node's value.
    public var content: Content
    /// 1-based line in the file (offsets already applied).
    public var line: Int
    /// 1-based column.
    public var column: Int

    /// Creates a node.
    public init(_ content: Content, line: Int, column: Int) {
        self.content = content
        self.line = line
        self.column = column
    }

    /// A short name of the node's kind for messages: "a list", "a mapping", "text".
    public var kindDescription: String {
        switch content {
        case .scalar: "a single value"
        case .sequence: "a list"
        case .mapping: "a mapping"
        case .null: "nothing"
        }
    }
}
