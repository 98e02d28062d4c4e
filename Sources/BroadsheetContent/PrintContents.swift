/// The documents of the print edition, in reading order, checked against the site.
public struct PrintContents: Sendable, Hashable {
    /// Slugs of the chapters (articles or pages), in order.
    public var chapters: [String]
    /// Slugs of the appendices (articles or pages), in order; the chronology and the
    /// bibliography follow them.
    public var appendices: [String]

    /// Creates the contents.
    public init(chapters: [String] = [], appendices: [String] = []) {
        self.chapters = chapters
        self.appendices = appendices
    }
}
