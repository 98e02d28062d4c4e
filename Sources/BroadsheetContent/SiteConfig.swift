import BroadsheetCore
import BroadsheetYAML
import Foundation

/// The settings in `Content/site.yaml`.
public struct SiteConfig: Sendable, Hashable {
    /// One entry of the navigation menu.
    public struct MenuItem: Sendable, Hashable {
        /// The link text.
        public var title: String
        /// A path from the site root (`/timeline/`) or an absolute URL.
        public var url: String
    }

    /// The publication's name.
    public var title: String
    /// A line under the title.
    public var subtitle: String?
    /// The default meta description.
    public var description: String
    /// Where the site is published, always ending in `/`.
    public let baseURL: String
    /// The `<html lang>` value.
    public var language: String
    /// The default author of articles.
    public var author: String
    /// The publisher for JSON-LD and feeds.
    public var publisher: String
    /// Let raw HTML in Markdown through.
    public var allowRawHTML: Bool
    /// How many of the latest articles the home page lists.
    public var homeArticleCount: Int
    /// The navigation bar.
    public var menu: [MenuItem]
    /// The slug of the article the home page leads with (default: the newest).
    public var lead: String?
    /// Sender, unsubscribe link and SMTP settings for newsletters (`newsletter:`), if any.
    public var newsletter: NewsletterConfig?

    /// The path part of the base URL, e.g. `/` or `/report/` (derived once: every link uses it).
    public let basePath: String
    /// The base URL's scheme, host and port, for joining with root-relative paths.
    public let origin: String

    /// Creates a configuration.
    public init(
        title: String, subtitle: String? = nil, description: String, baseURL: String, language: String,
        author: String, publisher: String, allowRawHTML: Bool = false, homeArticleCount: Int = 10,
        menu: [MenuItem] = [], lead: String? = nil, newsletter: NewsletterConfig? = nil
    ) {
        self.title = title
        self.subtitle = subtitle
        self.description = description
        let baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        self.baseURL = baseURL
        let url = URL(string: baseURL)
        let path = url?.path ?? ""
        self.basePath = path.isEmpty ? "/" : (path.hasSuffix("/") ? path : path + "/")
        if let url, let scheme = url.scheme, let host = url.host {
            self.origin = "\(scheme)://\(host)" + (url.port.map { ":\($0)" } ?? "")
        } else {
            self.origin = baseURL
        }
        self.language = language
        self.author = author
        self.publisher = publisher
        self.allowRawHTML = allowRawHTML
        self.homeArticleCount = homeArticleCount
        self.menu = menu
        self.lead = lead
        self.newsletter = newsletter
    }
}

/// Reads `Content/site.yaml`.
public enum SiteConfigLoader {
    /// The config file's path relative to the root.
    public static let path = "Content/site.yaml"

    /// Parses the config; `baseURLOverride` (from `--base-url`) replaces the file's value.
    public static func load(_ file: SourceFile, baseURLOverride: String? = nil) -> (SiteConfig?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let node: YAMLNode?
        switch YAMLParser.parse(file.text, path: file.path) {
        case .success(let parsed): node = parsed
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        guard let node else {
            return (
                nil,
                [
                    .error(
                        at: SourceLocation(path: file.path, line: 1), "site.yaml is empty",
                        hint: "add at least title, description, baseURL, language, author and publisher")
                ]
            )
        }
        guard var fields = YAMLFields(node, path: file.path, subject: "site.yaml", diagnostics: &diagnostics) else {
            return (nil, diagnostics)
        }
        let title = fields.string("title", required: true)
        let subtitle = fields.string("subtitle")
        let description = fields.string("description", required: true)
        var baseURL = fields.string("baseURL", required: baseURLOverride == nil)
        if let override = baseURLOverride { baseURL = override }
        if let url = baseURL, !Self.isAbsoluteHTTP(url) {
            let location = baseURLOverride == nil ? fields.location(ofKey: "baseURL") : SourceLocation(path: "--base-url")
            fields.report(
                .error(
                    at: location, "baseURL '\(url)' is not an absolute http(s) URL",
                    hint: "write the address the site is published at, e.g. https://example.org/"))
            baseURL = nil
        }
        let language = fields.string("language", required: true)
        let author = fields.string("author", required: true)
        let publisher = fields.string("publisher", required: true)
        let allowRawHTML = fields.bool("allowRawHTML") ?? false
        var homeCount = 10
        if let count = fields.number("homeArticleCount") {
            if count >= 1 && count <= 1000 && count == count.rounded() {
                homeCount = Int(count)
            } else {
                fields.report(
                    .error(
                        at: fields.location(ofKey: "homeArticleCount"), "homeArticleCount must be a whole number from 1 to 1000",
                        hint: "write how many articles the home page lists, e.g. `homeArticleCount: 10`"))
            }
        }
        let menu = readMenu(&fields, diagnostics: &diagnostics)
        let lead = fields.string("lead")
        var newsletter: NewsletterConfig?
        if let node = fields.node("newsletter") {
            newsletter = NewsletterConfigLoader.read(node, path: file.path, diagnostics: &diagnostics)
        }
        fields.reportUnknownKeys()
        diagnostics += fields.diagnostics
        guard let title, let description, let baseURL, let language, let author, let publisher else {
            return (nil, diagnostics)
        }
        let config = SiteConfig(
            title: title, subtitle: subtitle, description: description, baseURL: baseURL, language: language,
            author: author, publisher: publisher, allowRawHTML: allowRawHTML, homeArticleCount: homeCount, menu: menu, lead: lead,
            newsletter: newsletter)
        return (config, diagnostics)
    }

    private static func readMenu(_ fields: inout YAMLFields, diagnostics: inout [Diagnostic]) -> [SiteConfig.MenuItem] {
        guard let node = fields.node("menu") else { return [] }
        guard case .sequence(let items) = node.content else {
            fields.report(
                .error(
                    at: fields.location(of: node), "menu must be a list of `- title: … url: …` entries",
                    hint: "write each entry as `- title: Timeline` with `url: /timeline/` on the next line"))
            return []
        }
        var menu: [SiteConfig.MenuItem] = []
        for item in items {
            guard var entry = YAMLFields(item, path: fields.path, subject: "menu entry", diagnostics: &diagnostics) else {
                continue
            }
            let title = entry.string("title", required: true)
            let url = entry.string("url", required: true)
            if let url, !(url.hasPrefix("/") || isAbsoluteHTTP(url)) {
                entry.report(
                    .error(
                        at: entry.location(ofKey: "url"), "menu url '\(url)' must start with / or http(s)://",
                        hint: "write a path in the site such as `/\(url.drop { $0 == "/" })/` or a full https:// address"))
            }
            entry.reportUnknownKeys()
            diagnostics += entry.diagnostics
            if let title, let url { menu.append(SiteConfig.MenuItem(title: title, url: url)) }
        }
        return menu
    }

    static func isAbsoluteHTTP(_ text: String) -> Bool {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = url.host, !host.isEmpty
        else { return false }
        return true
    }
}
