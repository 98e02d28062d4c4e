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
        /// Where the url is written in site.yaml (for the link check).
        public var location: SourceLocation?
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
    /// How many cards one page of the archive or of a topic holds (`paginate:`); later cards
    /// go to `/archive/page/2/` and so on.
    public var paginate: Int
    /// The navigation bar.
    public var menu: [MenuItem]
    /// The slug of the article the home page leads with (default: the newest).
    public var lead: String?
    /// Every warning is an error (`strict: true`, as `--strict`), for CI.
    public var strict = false
    /// The theme's own words in the publication's voice (`words:`).
    public var words = ThemeWords()

    /// How dates read in the site's language ("12 September 2024", "2024年9月12日").
    public var dateStyle: DateStyle { DateStyle(language: language) }

    /// Cards per list page when site.yaml does not say.
    public static let defaultPaginate = 20

    /// Sender, unsubscribe link and SMTP settings for newsletters (`newsletter:`), if any.
    public var newsletter: NewsletterConfig?
    /// What the print edition (PDF and EPUB) holds (`edition:`); the defaults when absent.
    public var printEdition: PrintConfig

    /// The path part of the base URL, e.g. `/` or `/report/` (derived once: every link uses it).
    public let basePath: String
    /// The base URL's scheme, host and port, for joining with root-relative paths.
    public let origin: String

    /// Creates a configuration.
    public init(
        title: String, subtitle: String? = nil, description: String, baseURL: String, language: String,
        author: String, publisher: String, allowRawHTML: Bool = false, homeArticleCount: Int = 10,
        paginate: Int = SiteConfig.defaultPaginate, menu: [MenuItem] = [], lead: String? = nil,
        newsletter: NewsletterConfig? = nil, printEdition: PrintConfig = PrintConfig()
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
        self.paginate = paginate
        self.menu = menu
        self.lead = lead
        self.newsletter = newsletter
        self.printEdition = printEdition
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
        if let url = baseURL {
            let location = baseURLOverride == nil ? fields.location(ofKey: "baseURL") : SourceLocation(path: "--base-url")
            if let problem = Self.baseURLProblem(url, at: location) {
                fields.report(problem)
                baseURL = nil
            }
        }
        let language = fields.string("language", required: true)
        if let language, !Self.isLanguageTag(language) {
            fields.report(
                .error(
                    at: fields.location(ofKey: "language"), "language '\(language)' is not a BCP 47 language tag",
                    hint: "write a tag such as en, en-GB, zh-Hans or zh-Hant-TW (letters and digits in parts joined by -)"))
        }
        let author = fields.string("author", required: true)
        let publisher = fields.string("publisher", required: true)
        let allowRawHTML = fields.bool("allowRawHTML") ?? false
        let strict = fields.bool("strict") ?? false
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
        var paginate = SiteConfig.defaultPaginate
        if let count = fields.number("paginate") {
            if count >= 1 && count <= 1000 && count == count.rounded() {
                paginate = Int(count)
            } else {
                fields.report(
                    .error(
                        at: fields.location(ofKey: "paginate"), "paginate must be a whole number from 1 to 1000",
                        hint: "write how many articles one page of the archive or a topic lists, e.g. `paginate: 20`"))
            }
        }
        let menu = readMenu(&fields, diagnostics: &diagnostics)
        let lead = fields.string("lead")
        var newsletter: NewsletterConfig?
        if let node = fields.node("newsletter") {
            newsletter = NewsletterConfigLoader.read(node, path: file.path, diagnostics: &diagnostics)
        }
        var printEdition = PrintConfig()
        if let node = fields.node("edition") {
            printEdition = PrintConfigLoader.read(node, path: file.path, diagnostics: &diagnostics)
        }
        let words = fields.node("words").map { ThemeWords.read($0, path: file.path, diagnostics: &diagnostics) }
        fields.reportUnknownKeys()
        diagnostics += fields.diagnostics
        guard let title, let description, let baseURL, let language, let author, let publisher else {
            return (nil, diagnostics)
        }
        var config = SiteConfig(
            title: title, subtitle: subtitle, description: description, baseURL: baseURL, language: language,
            author: author, publisher: publisher, allowRawHTML: allowRawHTML, homeArticleCount: homeCount, paginate: paginate,
            menu: menu, lead: lead,
            newsletter: newsletter, printEdition: printEdition)
        config.strict = strict
        if let words { config.words = words }
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
            if let url, url.hasPrefix("//") || url.hasPrefix("/\\") {
                entry.report(
                    .error(
                        at: entry.location(ofKey: "url"), "menu url '\(url)' is protocol-relative: it leads to another site",
                        hint: "write a path with a single leading / such as `/timeline/`, or a full https:// address"))
            } else if let url, !(url.hasPrefix("/") || isAbsoluteHTTP(url)) {
                entry.report(
                    .error(
                        at: entry.location(ofKey: "url"), "menu url '\(url)' must start with / or http(s)://",
                        hint: "write a path in the site such as `/\(url.drop { $0 == "/" })/` or a full https:// address"))
            }
            entry.reportUnknownKeys()
            diagnostics += entry.diagnostics
            if let title, let url {
                menu.append(SiteConfig.MenuItem(title: title, url: url, location: entry.location(ofKey: "url")))
            }
        }
        return menu
    }

    /// The error for a base URL that is not an absolute http(s) address with a host, or that
    /// holds characters a URL cannot (quotes, angle brackets, spaces, controls), a query, a
    /// fragment or a user name; nil for a good one.
    static func baseURLProblem(_ url: String, at location: SourceLocation) -> Diagnostic? {
        if let bad = firstUnsafeURLCharacter(url) {
            return .error(
                at: location, "baseURL '\(url)' contains \(bad), which a URL cannot hold",
                hint:
                    "percent-encode it (a space is %20, a quote %22) or correct the address; write an international domain name in its xn-- form"
            )
        }
        guard isAbsoluteHTTP(url) else {
            return .error(
                at: location, "baseURL '\(url)' is not an absolute http(s) URL",
                hint: "write the address the site is published at, e.g. https://example.org/")
        }
        if let parsed = URL(string: url), parsed.query != nil || parsed.fragment != nil || parsed.user != nil {
            return .error(
                at: location, "baseURL '\(url)' must not have a query, a fragment or a user name",
                hint: "write only the scheme, host, port and path the site is published at, e.g. https://example.org/report/")
        }
        return nil
    }

    /// A description of the first character outside RFC 3986 (or a `%` not followed by two hex
    /// digits, or a single quote, which ends attributes); nil when every character is allowed.
    static func firstUnsafeURLCharacter(_ url: String) -> String? {
        let scalars = Array(url.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "-", ".", "_", "~", ":", "/", "?", "#", "[", "]", "@", "!", "$", "&",
                "(", ")", "*", "+", ",", ";", "=":
                continue
            case "%":
                let digits = scalars.dropFirst(index + 1).prefix(2)
                if digits.count == 2 && digits.allSatisfy({ $0.properties.isASCIIHexDigit }) { continue }
                return "a '%' that starts no %XX escape"
            case "\"", "'": return "a quote"
            case "<", ">": return "an angle bracket"
            default:
                if scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value <= 0x9F) { return "a control character" }
                if scalar.properties.isWhitespace { return "a space" }
                return "'\(scalar)'"
            }
        }
        return nil
    }

    /// Whether `text` is a well-formed BCP 47 tag: a language of 2–8 letters (or `x`/`i` for
    /// private and grandfathered tags) followed by subtags of 1–8 letters and digits.
    static func isLanguageTag(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, !first.isEmpty else { return false }
        for part in parts {
            guard (1...8).contains(part.count),
                part.unicodeScalars.allSatisfy({ $0.isASCII && $0.properties.isAlphabetic || ("0"..."9").contains($0) })
            else { return false }
        }
        let firstIsLetters = first.unicodeScalars.allSatisfy { $0.isASCII && $0.properties.isAlphabetic }
        if first.count == 1 {
            return firstIsLetters && (first == "x" || first == "X" || first == "i" || first == "I") && parts.count > 1
        }
        return firstIsLetters && first.count >= 2
    }

    static func isAbsoluteHTTP(_ text: String) -> Bool {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = url.host, !host.isEmpty
        else { return false }
        return true
    }
}
