import BroadsheetCore
import BroadsheetFacts
import BroadsheetYAML

/// Reads the front matter of newsletter editions (`Content/newsletters/*.md`).
public enum EditionLoader {
    /// The front-matter keys an edition may have.
    public static let keys = ["subject", "date", "preheader", "articles", "timeline"]
    /// The keys of its `timeline:` mapping.
    public static let timelineKeys = ["from", "to", "entities", "themes", "limit"]

    /// Parses one edition, or returns every problem found in its front matter.
    public static func load(_ file: SourceFile) -> (LoadedEdition?, [Diagnostic]) {
        let split: FrontMatter.Split
        let node: YAMLNode
        switch FrontMatter.parse(
            file, emptyHint: "add `subject: …`, `date: YYYY-MM-DD` and `articles: [slug]` between the --- lines")
        {
        case .success(let parsed): (split, node) = parsed
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        var diagnostics: [Diagnostic] = []
        guard var fields = YAMLFields(node, path: file.path, subject: "edition front matter", diagnostics: &diagnostics)
        else { return (nil, diagnostics) }
        let subject = fields.string("subject", required: true, acceptsBareScalars: false)
        if let subject, let problem = MailHeaderSyntax.problem(withHeaderText: subject) {
            fields.report(
                .error(
                    at: fields.location(ofKey: "subject"), "the subject cannot go into an email header: \(problem)",
                    hint: "write the subject on one line, without control characters"))
        }
        var date: PublicationDate?
        if let text = fields.string("date", required: true) {
            date = PublicationDate(iso: text)
            if date == nil {
                fields.report(
                    .error(
                        at: fields.location(ofKey: "date"), "'\(text)' is not a valid date",
                        hint: "write YYYY-MM-DD (a real calendar day) or YYYY-MM-DDTHH:MM:SS+08:00"))
            } else if let problem = date?.earlyYearProblem(at: fields.location(ofKey: "date")) {
                fields.report(problem)
                date = nil
            }
        }
        let preheader = fields.string("preheader", acceptsBareScalars: false)
        var articles: [LoadedEdition.ArticleReference] = []
        if let node = fields.node("articles") {
            articles = references(in: node, key: "articles", fields: &fields)
        }
        var timeline: LoadedEdition.TimelineWindow?
        if let node = fields.node("timeline") {
            timeline = readTimeline(node, fields: &fields, diagnostics: &diagnostics)
        }
        if !fields.contains("articles") && !fields.contains("timeline") {
            fields.report(
                .error(
                    at: SourceLocation(path: file.path, line: 1, column: 1),
                    "an edition needs featured articles, a timeline window, or both",
                    hint: "add `articles: [slug, …]` and/or `timeline:` with `from:` and `to:`"))
        }
        let name = String(file.path.split(separator: "/").last!.dropLast(3)).precomposedStringWithCanonicalMapping
        if !Slug.isValidSegment(name) {
            fields.report(
                .error(
                    at: SourceLocation(path: file.path), "the file name '\(name)' cannot be used in a URL",
                    hint: "rename the file, e.g. to '\(Slug.make(from: name).isEmpty ? "edition-1" : Slug.make(from: name)).md'"))
        } else {
            let slugProblems = SlugValidator.validate(
                name, at: SourceLocation(path: file.path),
                renameHint: "rename the file, e.g. to '\(Slug.make(from: name + "-edition")).md'")
            for diagnostic in slugProblems { fields.report(diagnostic) }
            if slugProblems.isEmpty && !MailHeaderSyntax.isDotAtom(name) {
                // The name is the first part of every message's Message-ID (`NAME.DATE.HASH@host`).
                fields.report(
                    .error(
                        at: SourceLocation(path: file.path), "the file name '\(name)' cannot be used in a Message-ID",
                        hint: "rename the file with ASCII letters, digits, '-' and '.' only, e.g. 'edition-1.md'"))
            }
        }
        fields.reportUnknownKeys(known: keys)
        diagnostics += fields.diagnostics
        guard let subject, let date, !diagnostics.containsErrors else { return (nil, diagnostics) }
        let edition = LoadedEdition(
            path: file.path, name: name, subject: subject, date: date, preheader: preheader, articles: articles,
            timeline: timeline, body: split.body, bodyLineOffset: split.bodyLineOffset)
        return (edition, diagnostics)
    }

    private static func references(in node: YAMLNode, key: String, fields: inout YAMLFields)
        -> [LoadedEdition.ArticleReference]
    {
        switch node.content {
        case .scalar(let text, _):
            fields.report(
                .error(
                    at: fields.location(of: node), "'\(key)' must be a list, found the single value '\(text)'",
                    hint: "write it as a list: `\(key): [\(text)]`"))
            return []
        case .sequence(let items):
            var result: [LoadedEdition.ArticleReference] = []
            for item in items {
                guard case .scalar(let text, _) = item.content, !text.isEmpty else {
                    fields.report(
                        .error(at: fields.location(of: item), "each item of '\(key)' must be a single value"))
                    continue
                }
                result.append(.init(slug: text, location: fields.location(of: item)))
            }
            return result
        default:
            fields.report(.error(at: fields.location(of: node), "'\(key)' must be a list, found \(node.kindDescription)"))
            return []
        }
    }

    private static func readTimeline(_ node: YAMLNode, fields outer: inout YAMLFields, diagnostics: inout [Diagnostic])
        -> LoadedEdition.TimelineWindow?
    {
        var problems: [Diagnostic] = []
        guard var fields = YAMLFields(node, path: outer.path, subject: "the edition's timeline", diagnostics: &problems)
        else {
            diagnostics += problems
            return nil
        }
        var query = TimelineQuery()
        for key in ["from", "to"] {
            guard let text = fields.string(key) else { continue }
            guard let date = PartialDate(iso: text) else {
                fields.report(
                    .error(
                        at: fields.location(ofKey: key), "'\(text)' is not a valid date for '\(key)'",
                        hint: "write YYYY, YYYY-MM or YYYY-MM-DD"))
                continue
            }
            if key == "from" { query.from = date } else { query.to = date }
        }
        if let from = query.from, let to = query.to, !to.mayBeAfterOrSame(as: from) {
            fields.report(
                .error(at: fields.location(ofKey: "to"), "the timeline's 'to' (\(to.iso)) is before its 'from' (\(from.iso))"))
        }
        if let limit = fields.number("limit") {
            if limit >= 1 && limit == limit.rounded() && limit < 10_000 {
                query.limit = Int(limit)
            } else {
                fields.report(
                    .error(at: fields.location(ofKey: "limit"), "limit must be a positive whole number, found \(limit)"))
            }
        }
        let entities = fields.node("entities").map { references(in: $0, key: "entities", fields: &fields) } ?? []
        let themes = fields.node("themes").map { references(in: $0, key: "themes", fields: &fields) } ?? []
        fields.reportUnknownKeys(known: timelineKeys)
        diagnostics += problems + fields.diagnostics
        return LoadedEdition.TimelineWindow(
            entities: entities, themes: themes, query: query, location: outer.location(of: node))
    }
}
