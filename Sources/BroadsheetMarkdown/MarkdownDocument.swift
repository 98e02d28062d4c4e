import BroadsheetDocument

/// Markdown converted into a document tree, with what pages need around it.
public struct MarkdownDocument<Embed: Sendable & Hashable>: Sendable, Hashable {
    /// The blocks, links resolved and components in place.
    public var blocks: [Block<Embed>]
    /// Headings in document order, with their ids (for the table of contents).
    public var headings: [MarkdownHeading]
    /// The text of the first paragraph, for excerpts.
    public var firstParagraph: String
    /// Words in the text (Latin-script words; CJK characters are counted separately).
    public var wordCount: Int
    /// Han, kana and hangul characters, which are read per character rather than per word.
    public var cjkCharacterCount: Int
    /// Syntax shown as written that the author probably meant otherwise (footnotes, alerts).
    public var notices: [MarkdownNotice] = []
}

/// A heading of the document.
public struct MarkdownHeading: Sendable, Hashable {
    /// 1 to 6.
    public var level: Int
    /// The heading as plain text.
    public var text: String
    /// The unique id given to it (empty when anchors are off).
    public var id: String
    /// 1-based line in the Markdown.
    public var line: Int
}
