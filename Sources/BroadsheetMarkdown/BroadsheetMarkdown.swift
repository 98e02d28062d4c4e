import BroadsheetCore
import BroadsheetDocument

/// Parses Markdown through libcmark and converts it, in one walk, into a document tree:
/// links and fenced blocks are offered to the caller's resolvers, headings get unique ids.
public enum MarkdownParser {
    /// Parses `source`; `resolveLink` sees every link and image, `resolveBlock` every fenced
    /// code block, synchronously and in document order.
    public static func parse<Embed: Sendable & Hashable>(
        _ source: String,
        options: MarkdownOptions = MarkdownOptions(),
        resolveLink: (MarkdownLink) -> LinkResolution = { _ in .keep },
        resolveBlock: (MarkdownCodeBlock) -> BlockResolution<Embed> = { _ in .keep }
    ) -> MarkdownDocument<Embed> {
        CmarkTree.convert(source, options: options, resolveLink: resolveLink, resolveBlock: resolveBlock)
    }

    /// Parses a text without components (an event summary): its blocks, links resolved.
    public static func parseText(
        _ source: String, options: MarkdownOptions = MarkdownOptions(),
        resolveLink: (MarkdownLink) -> LinkResolution = { _ in .keep }
    ) -> [Block<Never>] {
        CmarkTree.convert(source, options: options, resolveLink: resolveLink, resolveBlock: { _ in BlockResolution<Never>.keep })
            .blocks
    }
}
