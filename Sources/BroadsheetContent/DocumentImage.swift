import BroadsheetCore

/// A document's own image (front matter `image:`): its card image, `og:image` and JSON-LD image.
public struct DocumentImage: Sendable, Hashable {
    /// Where the media file is published (`media/photo.3f2a9c1b.jpg`).
    public var path: SitePath
    /// Width in pixels.
    public var width: Int
    /// Height in pixels.
    public var height: Int
}
