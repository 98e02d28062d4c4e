/// Inline content of a resolved document.
///
/// Only links and images are boxed (`indirect`): their resolved target is large. Text,
/// emphasis and the rest are stored in their array as they are: boxing every case cost a heap
/// allocation per node when a document was converted, and a retain per node each time a
/// renderer or the search index walked it.
public enum Inline: Sendable, Hashable {
    /// Plain text (smart punctuation already applied).
    case text(String)
    /// A code span.
    case code(String)
    /// Emphasis (`*x*`).
    case emphasis([Inline])
    /// Strong emphasis (`**x**`).
    case strong([Inline])
    /// Struck-out text (`~~x~~`, GitHub-flavoured).
    case strikethrough([Inline])
    /// A line break inside a paragraph that the author did not mean (a newline in the source).
    case softBreak
    /// A hard line break (two spaces or a backslash at the end of a line).
    case lineBreak
    /// A link with its resolved target.
    indirect case link(ResolvedLink, [Inline])
    /// An image; `alt` is its description.
    indirect case image(ResolvedLink, alt: [Inline])
    /// The citation marks that follow a cited passage, in order.
    case citations([CitationMark])
    /// Inline HTML as the author wrote it, or its omission.
    case html(RawHTML)

    /// The text of `inlines` without markup: what a heading id, an image's alt text or a
    /// plain-text renderer reads. Breaks become spaces; citations and HTML are left out.
    public static func plainText(of inlines: [Inline]) -> String {
        var text = ""
        appendPlainText(of: inlines, to: &text)
        return text
    }

    /// Appends the text of `inlines` without markup to `text` (what `plainText(of:)` returns).
    public static func appendPlainText(of inlines: [Inline], to text: inout String) {
        // By index, not `for in`: the element is read in place rather than copied (retained)
        // first; the search index reads every inline of the site this way.
        for index in inlines.indices {
            switch inlines[index] {
            case .text(let value), .code(let value): text += value
            case .emphasis(let children), .strong(let children), .strikethrough(let children), .link(_, let children),
                .image(_, let children):
                appendPlainText(of: children, to: &text)
            case .softBreak, .lineBreak: text += " "
            case .citations, .html: break
            }
        }
    }
}
