/// The head of one page: title, description, canonical URL, Open Graph and JSON-LD.
struct PageMeta: Sendable, Encodable {
    /// The full `<title>`.
    var documentTitle: String
    var description: String
    var canonicalURL: String
    var ogTitle: String
    var ogType: String
    /// JSON-LD, already escaped for a `<script>` element.
    var jsonLD: String?
    /// Extra class on `<body>` for page-specific styling.
    var bodyClass: String
    /// True for pages search engines should not index (404).
    var noIndex: Bool
    var publishedISO: String?
    var modifiedISO: String?
    /// `og:image` with its size (an article's `image:`).
    var image: ImageView?
    /// The previous and next pages of a paginated list, as absolute URLs (`<link rel="prev">`).
    var previousURL: String? = nil
    var nextURL: String? = nil
}
