/// The resolved document tree: what every renderer reads.
///
/// `BroadsheetMarkdown` converts libcmark's tree into these values once, asking the caller
/// (the resolve stage in `BroadsheetContent`) to resolve every link and to turn fenced blocks
/// into components; the result holds no HTML. Each output is a renderer over the same tree:
/// the website and the email serialise it with `HTMLWriter` (each with its own `HTMLStyle`),
/// the newsletter's text part with its own writer. A new output (print, a search index) is one
/// more walk over `Block` and `Inline`, never a parse of another renderer's output.
public enum BroadsheetDocument {
    /// The blocks of a one-paragraph text (an event summary) as inline content, or nil when
    /// the text has more than one block.
    public static func singleParagraph<Embed>(_ blocks: [Block<Embed>]) -> [Inline]? {
        guard blocks.count == 1, case .paragraph(let inlines, _) = blocks[0] else { return nil }
        return inlines
    }
}
