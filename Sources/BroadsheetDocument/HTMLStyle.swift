/// How `HTMLWriter` dresses the tree for one output: the website's plain HTML, or the email's
/// HTML with every element's CSS inline and every URL absolute.
public struct HTMLStyle: Sendable {
    /// CSS written into a `style` attribute, by element name (`p`, `a`, `h2`, …).
    public var inlineStyles: [String: String]
    /// Headings carry an id and a `#` link to themselves.
    public var headingAnchors: Bool
    /// Scheme, host and port to put in front of root-relative URLs (`/x/` → `https://host/x/`);
    /// empty to keep them root-relative.
    public var origin: String
    /// The page's own URL, put in front of in-page links (`#ref-1`); empty to keep them as they are.
    public var pageURL: String
    /// Where a link goes in this output, when it is not the resolved `href` (the EPUB links
    /// chapters to chapter files); nil for the resolved `href` through `url(_:)`.
    public var linkURL: (@Sendable (ResolvedLink) -> String)?
    /// Leaves the author's raw HTML out even where the site allows it (an EPUB must be XHTML).
    public var omitsRawHTML: Bool
    /// How tables and task list checkboxes are written.
    public var extensionMarkup: ExtensionMarkup
    /// Fenced code in a language `CodeHighlighter` knows gets `<span class="hl-…">` pieces.
    public var highlightsCode: Bool
    /// Writes each image as its alt text, `[Image: …]` (the EPUB, which carries no web files).
    public var imagesAsText = false

    /// Creates a style.
    public init(
        inlineStyles: [String: String] = [:], headingAnchors: Bool = true, origin: String = "", pageURL: String = "",
        linkURL: (@Sendable (ResolvedLink) -> String)? = nil, omitsRawHTML: Bool = false,
        extensionMarkup: ExtensionMarkup = .website, highlightsCode: Bool = true
    ) {
        self.inlineStyles = inlineStyles
        self.headingAnchors = headingAnchors
        self.origin = origin
        self.pageURL = pageURL
        self.linkURL = linkURL
        self.omitsRawHTML = omitsRawHTML
        self.extensionMarkup = extensionMarkup
        self.highlightsCode = highlightsCode
    }

    /// This style with every image written as its alt text.
    public var withImagesAsText: HTMLStyle {
        var style = self
        style.imagesAsText = true
        return style
    }

    /// The website's style: CommonMark's HTML with heading anchors, URLs as resolved, code highlighted.
    public static let website = HTMLStyle()

    /// HTML as cmark-gfm writes it, for checking against the GFM specification's examples:
    /// no heading anchors, table cells aligned with the obsolete `align` attribute.
    public static let gfm = HTMLStyle(headingAnchors: false, extensionMarkup: .gfm, highlightsCode: false)

    /// libcmark's own HTML with heading anchors: the website without highlighting, for
    /// checking the CommonMark writer byte for byte.
    public static let cmark = HTMLStyle(highlightsCode: false)

    /// Where `link` goes in this output.
    public func url(for link: ResolvedLink) -> String {
        linkURL?(link) ?? url(link.href)
    }

    /// `href` as this output writes it.
    public func url(_ href: String) -> String {
        if !origin.isEmpty, href.hasPrefix("/"), !href.hasPrefix("//") { return origin + href }
        if !pageURL.isEmpty, href.hasPrefix("#") { return pageURL + href }
        return href
    }
}

/// How `HTMLWriter` writes the GitHub-flavoured nodes (tables, task list checkboxes) for one output.
public enum ExtensionMarkup: Sendable, Hashable {
    /// As cmark-gfm writes them: `align="center"` on table cells, `<input … type="checkbox">`.
    case gfm
    /// Valid HTML5: cell alignment as `style="text-align: center"` (the `align` attribute is
    /// obsolete), each table in a focusable region that scrolls sideways on a narrow screen
    /// instead of widening the page, disabled checkboxes.
    case website
    /// As the website, without the scrolling region (an EPUB's XHTML).
    case book
    /// As the book, with checkboxes as the characters ☐ and ☑ (mail programs drop form controls).
    case email
}
