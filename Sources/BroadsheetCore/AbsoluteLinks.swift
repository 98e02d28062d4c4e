/// Rewrites root-relative links (`href="/…"`) to absolute URLs, for feeds and email,
/// where a reader is not on the site.
public enum AbsoluteLinks {
    /// Prefixes root-relative `href` and `src` values with `origin` (scheme, host and port).
    public static func rewrite(_ html: String, origin: String) -> String {
        html.replacingOccurrences(of: "href=\"/", with: "href=\"\(origin)/")
            .replacingOccurrences(of: "src=\"/", with: "src=\"\(origin)/")
            .replacingOccurrences(of: "href=\"\(origin)//", with: "href=\"//")
            .replacingOccurrences(of: "src=\"\(origin)//", with: "src=\"//")
    }

    /// Turns in-page fragment links (`href="#ref-1"`) into links to `pageURL#ref-1`.
    public static func anchorFragments(_ html: String, pageURL: String) -> String {
        html.replacingOccurrences(of: "href=\"#", with: "href=\"\(pageURL)#")
    }
}
