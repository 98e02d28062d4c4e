/// The rendered Markdown with what templates need around it.
public struct MarkdownDocument: Sendable, Hashable {
    /// The HTML body.
    public var html: String
    /// Headings in document order, with their ids (for the table of contents).
    public var headings: [MarkdownHeading]
    /// The text of the first paragraph, for excerpts.
    public var firstParagraph: String
    /// Words in the text (Latin-script words; CJK characters are counted separately).
    public var wordCount: Int
    /// Han, kana and hangul characters, which are read per character rather than per word.
    public var cjkCharacterCount: Int
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
