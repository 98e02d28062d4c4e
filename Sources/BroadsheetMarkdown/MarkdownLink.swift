/// A link or image found in the Markdown, offered to the caller before rendering.
public struct MarkdownLink: Sendable, Hashable {
    /// The destination as written, e.g. `article:some-slug` or `https://…`.
    public var destination: String
    /// The link text as plain text.
    public var text: String
    /// True for `![alt](src)` images.
    public var isImage: Bool
    /// 1-based line in the Markdown text.
    public var line: Int
    /// 1-based column of the destination, when it could be found on that line.
    public var column: Int?

    /// The part before the first `:` when it is a plain scheme (`article`, `source`, `https`), lower-cased.
    public var scheme: String? {
        guard let colon = destination.firstIndex(of: ":") else { return nil }
        let scheme = destination[..<colon]
        guard !scheme.isEmpty,
            scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") })
        else { return nil }
        return scheme.lowercased()
    }

    /// The part after `scheme:`.
    public var target: String {
        guard let colon = destination.firstIndex(of: ":") else { return destination }
        return String(destination[destination.index(after: colon)...])
    }
}

/// What to do with a link.
public enum LinkResolution: Sendable, Hashable {
    /// Render it as written (unsafe schemes are still removed).
    case keep
    /// Point it at another URL.
    case url(String)
    /// Drop the link but keep its text, followed by trusted HTML (a citation mark).
    case textFollowedBy(html: String)
    /// Drop the link but keep its text (used after an error has been reported).
    case textOnly
}
