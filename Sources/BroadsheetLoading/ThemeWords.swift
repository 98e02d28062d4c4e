import BroadsheetCore
import BroadsheetYAML

/// The built-in theme's own words that a publication may want in its voice or language
/// (`words:` in site.yaml): the line above the masthead, the home page's labels, the search
/// box's label. The defaults suit any site; the repository's report sets its own.
public struct ThemeWords: Sendable, Hashable {
    /// A line above the site's title in the masthead ("A Broadsheet report"); none by default.
    public var kicker: String?
    /// The label above the home page's lead article.
    public var lead = "Featured"
    /// The lead article's button.
    public var leadLink = "Read the article"
    /// The heading of the home page's list of latest articles.
    public var latest = "Latest"
    /// The search box's label, read by screen readers.
    public var search = "Search this site"

    public init() {}

    /// The keys `words:` accepts, in the order docs/content.md lists them.
    static let keys = ["kicker", "lead", "leadLink", "latest", "search"]

    /// Reads `words:`; an unknown key is reported with a did-you-mean by `YAMLFields`.
    static func read(_ node: YAMLNode, path: String, diagnostics: inout [Diagnostic]) -> ThemeWords {
        var words = ThemeWords()
        guard var fields = YAMLFields(node, path: path, subject: "words", diagnostics: &diagnostics) else { return words }
        words.kicker = fields.string("kicker")
        if let lead = fields.string("lead") { words.lead = lead }
        if let leadLink = fields.string("leadLink") { words.leadLink = leadLink }
        if let latest = fields.string("latest") { words.latest = latest }
        if let search = fields.string("search") { words.search = search }
        fields.reportUnknownKeys(known: keys)
        diagnostics += fields.diagnostics
        return words
    }
}
