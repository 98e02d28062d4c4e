import BroadsheetDocument

/// A link or image found in the Markdown, offered to the caller to resolve.
public struct MarkdownLink: Sendable, Hashable {
    /// The destination as written, e.g. `article:some-slug` or `https://…`.
    public var destination: String
    /// The link's title, as written.
    public var title: String
    /// The link text as plain text.
    public var text: String
    /// True for `![alt](src)` images.
    public var isImage: Bool
    /// 1-based line in the Markdown text.
    public var line: Int
    /// 1-based column of the destination, when it could be found on that line.
    public var column: Int?

    /// The part before the first `:` when it is a plain scheme (`article`, `source`, `https`), lower-cased.
    ///
    /// Read as bytes: a scheme is ASCII, every link of every page asks, and the first colon byte
    /// counts even when a combining mark follows it (as a browser reads `javascript:`).
    public var scheme: String? {
        let bytes = destination.utf8
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon != bytes.startIndex else { return nil }
        var hasUpperCase = false
        for byte in bytes[..<colon] {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"),
                UInt8(ascii: "-"), UInt8(ascii: "."):
                continue
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): hasUpperCase = true
            default: return nil
            }
        }
        // Most schemes are written in lower case: no copy byte by byte.
        let scheme = String(destination[..<colon])
        return hasUpperCase ? scheme.lowercased() : scheme
    }

    /// The part after `scheme:`.
    public var target: String {
        guard let colon = destination.utf8.firstIndex(of: UInt8(ascii: ":")) else { return destination }
        return String(destination[destination.utf8.index(after: colon)...])
    }

    /// True for schemes no reader should be sent to (`javascript:`, `data:` other than images).
    public var isUnsafe: Bool {
        switch scheme {
        case "javascript", "vbscript", "file": true
        case "data":
            !isImage
                || !["image/png", "image/gif", "image/jpeg", "image/webp"].contains(where: {
                    target.lowercased().hasPrefix($0)
                })
        default: false
        }
    }
}

/// What to do with a link.
public enum LinkResolution: Sendable, Hashable {
    /// Keep it as written: an external link (an unsafe scheme is removed).
    case keep
    /// A link to a resolved target.
    case link(LinkTarget, href: String)
    /// Drop the link but keep its text, followed by citation marks.
    case textFollowedBy([CitationMark])
    /// Drop the link but keep its text (used after an error has been reported).
    case textOnly
    /// An image with a resolved address and, when known, its size; a decorative image's alt text is left out.
    case image(ImageResolution)
}

/// Where an image goes, how big it is, and whether it only decorates.
public struct ImageResolution: Sendable, Hashable {
    /// What the address points at (`.sitePath` for a media file).
    public var target: LinkTarget
    /// The address to write.
    public var href: String
    /// Width and height in pixels, read from the file.
    public var width: Int?
    /// Height in pixels.
    public var height: Int?
    /// True for `![decorative](…)`: the image gets an empty `alt`, so screen readers skip it.
    public var isDecorative: Bool

    /// Creates a resolution.
    public init(target: LinkTarget, href: String, width: Int? = nil, height: Int? = nil, isDecorative: Bool = false) {
        self.target = target
        self.href = href
        self.width = width
        self.height = height
        self.isDecorative = isDecorative
    }
}
