import BroadsheetCore
import BroadsheetYAML
import Foundation

/// An article or page as read from disk: front matter checked, Markdown not yet rendered.
public struct LoadedDocument: Sendable, Hashable {
    /// Articles are dated and listed; pages stand alone.
    public enum Kind: String, Sendable, Hashable {
        case article
        case page
    }

    /// Article or page.
    public var kind: Kind
    /// Path relative to the site root.
    public var path: String
    /// The URL segment.
    public var slug: String
    /// The title.
    public var title: String
    /// Publication date (required for articles).
    public var date: PublicationDate?
    /// Last update.
    public var updated: PublicationDate?
    /// The author-written summary.
    public var summary: String?
    /// `image:`: a file in `Content/media/` for the article's card, `og:image` and JSON-LD.
    public var image: String?
    /// Where `image:` is written.
    public var imageLocation: SourceLocation?
    /// Tags as written.
    public var tags: [String]
    /// Authors (the site's author when not given).
    public var authors: [String]
    /// Left out of builds without `--drafts`.
    public var isDraft: Bool
    /// Orders articles of the same date (lower first) and pages in menus.
    public var weight: Int
    /// The Markdown after the front matter.
    public var body: String
    /// Lines before the body, for diagnostics.
    public var bodyLineOffset: Int
    /// Where the slug came from (front matter key or the file itself).
    public var slugLocation: SourceLocation
    /// Corrections made to the text, oldest first.
    public var corrections: [LoadedCorrection] = []
    /// Old addresses that redirect here (`aliases:`).
    public var aliases: [LoadedAlias] = []
    /// Fields of the site's own for its templates (`extra:`).
    public var extra: [String: ExtraValue] = [:]

    /// Creates a loaded document (the loader, and the resolve stage for an edition's note).
    package init(
        kind: Kind, path: String, slug: String, title: String, date: PublicationDate?, updated: PublicationDate?,
        summary: String?, tags: [String], authors: [String], isDraft: Bool, weight: Int, body: String,
        bodyLineOffset: Int, slugLocation: SourceLocation, corrections: [LoadedCorrection] = []
    ) {
        self.kind = kind
        self.path = path
        self.slug = slug
        self.title = title
        self.date = date
        self.updated = updated
        self.summary = summary
        self.tags = tags
        self.authors = authors
        self.isDraft = isDraft
        self.weight = weight
        self.body = body
        self.bodyLineOffset = bodyLineOffset
        self.slugLocation = slugLocation
        self.corrections = corrections
    }
}

/// Reads the front matter of articles and pages.
public enum DocumentLoader {
    static let articleKeys = [
        "title", "date", "updated", "summary", "tags", "authors", "slug", "draft", "weight", "corrections", "image", "aliases",
        "extra",
    ]

    /// Parses one file into a document, or returns every problem found in its front matter.
    public static func load(_ file: SourceFile, kind: LoadedDocument.Kind, defaultAuthor: String) -> (
        LoadedDocument?, [Diagnostic]
    ) {
        let (document, diagnostics) = read(file, kind: kind, defaultAuthor: defaultAuthor)
        return (diagnostics.containsErrors ? nil : document, diagnostics)
    }

    /// Parses one file as far as it can: with errors, the document is still returned when its
    /// title and slug are sound (undated, perhaps), so the rest of the site can be checked
    /// against it; such a document is never published.
    static func read(_ file: SourceFile, kind: LoadedDocument.Kind, defaultAuthor: String) -> (
        LoadedDocument?, [Diagnostic]
    ) {
        let split: FrontMatter.Split
        let node: YAMLNode
        switch FrontMatter.parse(
            file, emptyHint: "add `title: …`\(kind == .article ? " and `date: YYYY-MM-DD`" : "") between the --- lines")
        {
        case .success(let parsed): (split, node) = parsed
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        var diagnostics: [Diagnostic] = []
        guard var fields = YAMLFields(node, path: file.path, subject: "front matter", diagnostics: &diagnostics) else {
            return (nil, diagnostics)
        }
        let title = fields.string("title", required: true, acceptsBareScalars: false)
        let date = readDate(&fields, "date", required: kind == .article)
        let updated = readDate(&fields, "updated")
        if let date, let updated, updated < date {
            fields.report(
                .warning(
                    at: fields.location(ofKey: "updated"), "'updated' (\(updated.original)) is before 'date' (\(date.original))",
                    hint: "check both dates"))
        }
        let summary = fields.string("summary", acceptsBareScalars: false)
        let image = fields.string("image")
        let tags = fields.stringList("tags") ?? []
        let authors = fields.stringList("authors") ?? []
        let isDraft = fields.bool("draft") ?? false
        var weight = 0
        if let number = fields.number("weight") {
            if number == number.rounded() && abs(number) < 1_000_000 {
                weight = Int(number)
            } else {
                fields.report(
                    .error(
                        at: fields.location(ofKey: "weight"), "weight must be a whole number, found \(number)",
                        hint: "write a whole number such as `weight: 2`; lower weights come first"))
            }
        }
        let fileSlug = String(file.path.split(separator: "/").last!.dropLast(3))
        var slug = fileSlug
        var slugLocation = SourceLocation(path: file.path)
        if let explicit = fields.string("slug") {
            slug = explicit
            slugLocation = fields.location(ofKey: "slug")
        }
        if !Slug.isValidSegment(slug) {
            let suggestion = Slug.make(from: slug).isEmpty ? "my-\(kind.rawValue)" : Slug.make(from: slug)
            fields.report(
                .error(
                    at: slugLocation,
                    "slug '\(slug)' cannot be used in a URL: it must not be empty, contain '/', spaces or '%', or start with '.'",
                    hint: slugLocation.line == nil
                        ? "the slug comes from the file name: rename the file to \(suggestion).md or add `slug: \(suggestion)` to its front matter"
                        : "use a slug such as '\(suggestion)'"))
        } else {
            let suggestion = Slug.make(from: slug + "-" + kind.rawValue)
            for diagnostic in SlugValidator.validate(
                slug, at: slugLocation,
                renameHint: slugLocation.line == nil
                    ? "rename the file or add `slug: \(suggestion)` to its front matter"
                    : "choose another slug, e.g. '\(suggestion)'")
            {
                fields.report(diagnostic)
            }
        }
        for tag in tags where Slug.windowsReservedNames.contains(Slug.make(from: tag)) {
            fields.report(
                .error(
                    at: fields.location(ofKey: "tags"),
                    "tag '\(tag)' has the slug '\(Slug.make(from: tag))', a device name Windows reserves",
                    hint: "write the tag differently, e.g. '\(tag) topic'; Windows cannot create its /tags/ folder"))
        }
        let corrections = CorrectionListLoader.load(&fields)
        let aliases = AliasListLoader.load(&fields)
        let extra = ExtraLoader.load(&fields)
        // An error, not a warning: a misspelt `draft:` would otherwise publish the text.
        fields.reportUnknownKeysAsErrors(known: articleKeys, customFieldsKey: "extra")
        diagnostics += fields.diagnostics
        let slugIsSound = !diagnostics.contains { $0.severity == .error && $0.location == slugLocation }
        guard let title, slugIsSound else { return (nil, diagnostics) }
        guard kind == .page || date != nil || diagnostics.containsErrors else { return (nil, diagnostics) }
        var document = LoadedDocument(
            kind: kind, path: file.path, slug: slug.precomposedStringWithCanonicalMapping, title: title, date: date,
            updated: updated, summary: summary, tags: tags, authors: authors.isEmpty ? [defaultAuthor] : authors,
            isDraft: isDraft, weight: weight, body: split.body, bodyLineOffset: split.bodyLineOffset, slugLocation: slugLocation,
            corrections: corrections)
        if let image {
            document.image = image
            document.imageLocation = fields.location(ofKey: "image")
        }
        document.aliases = aliases
        document.extra = extra
        return (document, diagnostics)
    }

    private static func readDate(_ fields: inout YAMLFields, _ key: String, required: Bool = false) -> PublicationDate? {
        guard let text = fields.string(key, required: required, expected: "a date such as 2024-09-12") else { return nil }
        guard let date = PublicationDate(iso: text) else {
            fields.report(
                .error(
                    at: fields.location(ofKey: key), "'\(text)' is not a valid date",
                    hint: "write YYYY-MM-DD (a real calendar day) or YYYY-MM-DDTHH:MM:SS+08:00"))
            return nil
        }
        if let problem = date.earlyYearProblem(at: fields.location(ofKey: key)) {
            fields.report(problem)
            return nil
        }
        return date
    }
}
