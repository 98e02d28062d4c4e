/// How Markdown is parsed and rendered.
public struct MarkdownOptions: Sendable, Hashable {
    /// Curly quotes, en and em dashes and ellipses from straight ASCII punctuation.
    public var smartPunctuation: Bool
    /// Let authors' raw HTML through; off by default, when it becomes an HTML comment.
    public var allowRawHTML: Bool
    /// Give headings ids and anchor links (and collect them for a table of contents).
    public var headingAnchors: Bool
    /// GitHub-flavoured extensions: pipe tables, strikethrough, extended autolinks and task
    /// list items; off, the tree is exactly libcmark's CommonMark.
    public var extensions: Bool

    /// Creates options; the defaults are the safe ones.
    public init(
        smartPunctuation: Bool = true, allowRawHTML: Bool = false, headingAnchors: Bool = true, extensions: Bool = true
    ) {
        self.smartPunctuation = smartPunctuation
        self.allowRawHTML = allowRawHTML
        self.headingAnchors = headingAnchors
        self.extensions = extensions
    }
}
