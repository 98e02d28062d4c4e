/// A fenced code block, offered to the caller so components (```` ```timeline ````) can replace it.
public struct MarkdownCodeBlock: Sendable, Hashable {
    /// The first word of the info string, e.g. `timeline` or `swift`.
    public var language: String
    /// The rest of the info string after the first word.
    public var arguments: String
    /// The block's text.
    public var literal: String
    /// 1-based line of the opening fence.
    public var line: Int
}

/// What to do with a fenced block.
public enum BlockResolution<Embed: Sendable & Hashable>: Sendable, Hashable {
    /// Keep it as a code block.
    case keep
    /// Replace it with a generated block.
    case embed(Embed)
    /// Leave it out (it was a component with errors, already reported).
    case remove
}
