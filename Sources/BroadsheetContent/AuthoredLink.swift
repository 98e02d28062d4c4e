import BroadsheetCore
import BroadsheetMarkdown

/// A link to a place in the site, or to another site over http(s), as an author wrote it in
/// Markdown, with where it was written.
///
/// Kept beside the document tree so that the link check, which runs over the rendered pages,
/// reports a broken link at its source file, line and column rather than at the page.
public struct AuthoredLink: Sendable, Hashable {
    /// The destination as written (`/timelin/`, `the-walls.md`, `article:x#notes`).
    public var destination: String
    /// The URL the page holds for it: root-relative with the base path, or as written when relative.
    public var href: String
    /// Where the destination is written.
    public var location: SourceLocation
    /// True for `![alt](src)` images.
    public var isImage: Bool

    /// Creates a record of one link.
    public init(destination: String, href: String, location: SourceLocation, isImage: Bool) {
        self.destination = destination
        self.href = href
        self.location = location
        self.isImage = isImage
    }

    /// The record of `link` when it leads into the site (a resolved link, a root-relative,
    /// relative or fragment link) or is an http(s) URL; nil for `mailto:` and the like.
    static func record(_ link: MarkdownLink, resolution: LinkResolution, at location: SourceLocation) -> AuthoredLink? {
        switch resolution {
        case .link(_, let href):
            return AuthoredLink(destination: link.destination, href: href, location: location, isImage: link.isImage)
        case .keep:
            let destination = link.destination
            let scheme = link.scheme
            let isWeb = scheme == "http" || scheme == "https"
            guard !destination.isEmpty, isWeb || scheme == nil, !destination.hasPrefix("//") else { return nil }
            return AuthoredLink(destination: destination, href: destination, location: location, isImage: link.isImage)
        case .image(let image):
            guard image.target == .sitePath else { return nil }
            return AuthoredLink(destination: link.destination, href: image.href, location: location, isImage: link.isImage)
        case .textFollowedBy, .textOnly:
            return nil
        }
    }
}
