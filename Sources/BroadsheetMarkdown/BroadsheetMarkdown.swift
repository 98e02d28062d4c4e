import BroadsheetCore

/// Renders Markdown through libcmark in one pass: links and fenced blocks are offered to
/// the caller's resolvers, headings get unique ids, and the outline comes back with the HTML.
public enum MarkdownRenderer {
    /// Renders `source`; `resolveLink` sees every link and image, `resolveBlock` every fenced code block.
    ///
    /// The resolvers run synchronously, in document order, before the HTML is produced.
    public static func render(
        _ source: String,
        options: MarkdownOptions = MarkdownOptions(),
        resolveLink: (MarkdownLink) -> LinkResolution = { _ in .keep },
        resolveBlock: (MarkdownCodeBlock) -> BlockResolution = { _ in .keep }
    ) -> MarkdownDocument {
        CmarkTree.render(source, options: options, resolveLink: resolveLink, resolveBlock: resolveBlock)
    }

    /// Renders inline Markdown (one paragraph, e.g. an event summary) without the `<p>` wrapper.
    public static func renderInline(
        _ source: String,
        options: MarkdownOptions = MarkdownOptions(),
        resolveLink: (MarkdownLink) -> LinkResolution = { _ in .keep }
    ) -> MarkdownDocument {
        var document = CmarkTree.render(
            source, options: options, resolveLink: resolveLink, resolveBlock: { _ in .keep })
        var html = document.html.trimmingCharacters(in: .whitespacesAndNewlines)
        if html.hasPrefix("<p>") && html.hasSuffix("</p>") && html.components(separatedBy: "<p>").count == 2 {
            html = String(html.dropFirst(3).dropLast(4))
        }
        document.html = html
        return document
    }
}
