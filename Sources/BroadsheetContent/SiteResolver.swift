import BroadsheetCore
import BroadsheetFacts
import BroadsheetMarkdown
import Foundation

/// Turns loaded content and facts into the checked `Site` model.
public enum SiteResolver {
    /// Options of the resolve stage.
    public struct Options: Sendable {
        /// Include drafts.
        public var includeDrafts: Bool
        /// Include articles dated after `now` (`--future`).
        public var includeFuture: Bool
        /// The moment the build runs, against which article dates are compared (injected by tests).
        public var now: Date
        /// Creates options.
        public init(includeDrafts: Bool = false, includeFuture: Bool = false, now: Date = Date()) {
            self.includeDrafts = includeDrafts
            self.includeFuture = includeFuture
            self.now = now
        }

        /// The documents this build publishes: drafts only with `includeDrafts`, articles dated
        /// after `now` only with `includeFuture`.
        func published(_ documents: [LoadedDocument]) -> [LoadedDocument] {
            documents.filter { (includeDrafts || !$0.isDraft) && !isFuture($0) }
        }

        /// Articles that would be published but for their date.
        func future(_ documents: [LoadedDocument]) -> [LoadedDocument] {
            documents.filter { (includeDrafts || !$0.isDraft) && isFuture($0) }
        }

        /// A date without a time counts from midnight UTC of that day.
        func isFuture(_ document: LoadedDocument) -> Bool {
            guard !includeFuture, document.kind == .article, let date = document.date else { return false }
            return date.instant > now
        }
    }

    /// Resolves permalinks, links, citations and components; every problem is reported.
    public static func resolve(_ content: LoadedContent, facts: FactBook, options: Options) -> (Site?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let config = content.config
        let permalinks = Permalinks(basePath: config.basePath)
        let published = options.published(content.documents)
        let future = options.future(content.documents)
        let drafts = Set(content.documents.filter { $0.isDraft && !options.includeDrafts }.map(\.slug))
        diagnostics += checkSlugs(published)

        let resolver = documentResolver(
            content, facts: facts, published: published, drafts: drafts, future: Set(future.map(\.slug)),
            permalinks: permalinks)
        let links = resolver.links
        let resolved = published.parallelMap { resolver.resolve($0) }
        var articles: [Article] = []
        var pages: [Document] = []
        for (document, problems) in resolved {
            diagnostics += problems
            guard document.kind == .article else {
                pages.append(document)
                continue
            }
            // The loader refuses an undated article; this keeps the guarantee if it ever did not.
            guard let date = document.date else {
                diagnostics.append(
                    .error(
                        at: SourceLocation(path: document.path, line: 1, column: 1),
                        "front matter is missing the required field 'date'",
                        hint: "add a line `date: …` with a date such as 2024-09-12"))
                continue
            }
            articles.append(Article(document: document, date: date))
        }
        articles.sort(by: Site.articleOrder)
        if let lead = config.lead, !articles.contains(where: { $0.slug == lead }) {
            diagnostics.append(
                .error(
                    at: SourceLocation(path: SiteConfigLoader.path), "the lead article '\(lead)' does not exist",
                    hint: Suggestion.hint(
                        for: lead, in: articles.map(\.slug), otherwise: "set `lead:` to the slug of a published article")))
        }
        pages.sort { ($0.weight, $0.slug) < ($1.weight, $1.slug) }
        let (printContents, printProblems) = PrintContentsResolver.resolve(
            config.printEdition, lead: config.lead, articles: articles, pages: pages, drafts: drafts,
            future: Set(future.map(\.slug)))
        diagnostics += printProblems

        var editions: [Edition] = []
        if !content.editions.isEmpty {
            if config.newsletter == nil {
                diagnostics.append(
                    .error(
                        at: SourceLocation(path: SiteConfigLoader.path),
                        "Content/newsletters/ has editions but site.yaml has no `newsletter:` section",
                        hint: "add `newsletter:` with `from:` and `unsubscribeURL:` (see docs/newsletters.md)"))
            }
            var editionResolver = EditionResolver(
                documents: resolver, facts: facts, articles: articles, drafts: drafts, permalinks: permalinks)
            editionResolver.future = Set(future.map(\.slug))
            for loaded in content.editions {
                let (edition, problems) = editionResolver.resolve(loaded)
                diagnostics += problems
                if let edition { editions.append(edition) }
            }
            editions.sort(by: EditionResolver.order)
        }

        let factTexts = resolveFactMarkdown(facts, links: links, options: resolver.options, diagnostics: &diagnostics)
        let citingDocuments = Site.citingDocuments(articles.map(\.document) + pages)
        var citingEvents: [SourceID: [EventID]] = [:]
        for event in facts.events {
            for source in event.sources { citingEvents[source, default: []].append(event.id) }
        }
        let citedInTables = Set(facts.comparisons.flatMap { $0.rows.flatMap { $0.cells.values.map(\.source) } })
            .union(facts.series.flatMap(\.sources))
        for source in facts.sources
        where citingDocuments[source.id] == nil && citingEvents[source.id] == nil && !citedInTables.contains(source.id) {
            diagnostics.append(
                .warning(
                    at: source.location, "source '\(source.id)' is not cited by any article, page, event or table",
                    hint: "cite it with [text](source:\(source.id)) or remove it from sources.yaml"))
        }

        guard !diagnostics.containsErrors else { return (nil, diagnostics) }
        let site = Site(
            config: config, permalinks: permalinks, articles: articles, pages: pages, facts: facts,
            factTexts: factTexts, tags: Site.groupTags(articles), citingDocuments: citingDocuments,
            citingEvents: citingEvents, editions: editions, printContents: printContents, media: content.media)
        var result = site
        result.futureArticles = future.map(\.path).sorted()
        return (result, diagnostics)
    }

    /// Resolves single edited documents against the rest of a site, for incremental rebuilds.
    ///
    /// Prepared once (the sets of published slugs); valid while no slug or draft state
    /// changes, which need a full `resolve` instead.
    public struct SingleDocumentResolver: Sendable {
        private let resolver: DocumentResolver

        /// Prepares resolution against `content` and `facts`.
        public init(_ content: LoadedContent, facts: FactBook, options: Options) {
            let permalinks = Permalinks(basePath: content.config.basePath)
            let published = options.published(content.documents)
            let drafts = Set(content.documents.filter { $0.isDraft && !options.includeDrafts }.map(\.slug))
            resolver = SiteResolver.documentResolver(
                content, facts: facts, published: published, drafts: drafts,
                future: Set(options.future(content.documents).map(\.slug)), permalinks: permalinks)
        }

        /// The resolved document, or nil with the diagnostics that explain why.
        public func resolve(_ document: LoadedDocument) -> (Document?, [Diagnostic]) {
            let (resolved, diagnostics) = resolver.resolve(document)
            return (diagnostics.containsErrors ? nil : resolved, diagnostics)
        }
    }

    private static func documentResolver(
        _ content: LoadedContent, facts: FactBook, published: [LoadedDocument], drafts: Set<String>, future: Set<String>,
        permalinks: Permalinks
    ) -> DocumentResolver {
        let links = LinkResolver(
            permalinks: permalinks, facts: facts,
            articleSlugs: Set(published.filter { $0.kind == .article }.map(\.slug)),
            pageSlugs: Set(published.filter { $0.kind == .page }.map(\.slug)), excludedDrafts: drafts,
            media: content.media,
            excludedFuture: future)
        return DocumentResolver(links: links, options: MarkdownOptions(allowRawHTML: content.config.allowRawHTML))
    }

    /// Duplicate slugs (ignoring case and normalisation) and pages that would shadow generated sections.
    static func checkSlugs(_ documents: [LoadedDocument]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for kind in [LoadedDocument.Kind.article, .page] {
            var seen: [String: LoadedDocument] = [:]
            for document in documents where document.kind == kind {
                let key = document.slug.precomposedStringWithCanonicalMapping.lowercased()
                if let first = seen[key], first.path == document.path {
                    // Equal as Swift strings but two files: names that differ only in Unicode normalisation.
                    diagnostics.append(
                        .error(
                            at: document.slugLocation,
                            "\(kind.rawValue) slug '\(document.slug)' is already used by another file with the same name, written with different Unicode bytes (NFC and NFD)",
                            hint: "the two file names look identical; delete or rename one of them"))
                } else if let first = seen[key] {
                    diagnostics.append(
                        .error(
                            at: document.slugLocation,
                            "\(kind.rawValue) slug '\(document.slug)' is already used by \(first.path)"
                                + (first.slug == document.slug
                                    ? "" : " (as '\(first.slug)'; URLs that differ only in case or accents collide)"),
                            hint: "give one of them a different `slug:` in its front matter"))
                } else {
                    seen[key] = document
                }
                if kind == .page && Permalinks.reservedPageSlugs.contains(key) {
                    diagnostics.append(
                        .error(
                            at: document.slugLocation, "page slug '\(document.slug)' is reserved for a generated section",
                            hint:
                                "choose another `slug:`; reserved: \(Permalinks.reservedPageSlugs.sorted().joined(separator: ", "))"
                        ))
                }
            }
        }
        return diagnostics
    }

    private static func resolveFactMarkdown(
        _ facts: FactBook, links: LinkResolver, options: MarkdownOptions, diagnostics: inout [Diagnostic]
    ) -> FactTexts {
        var texts = FactTexts()
        func resolve(_ text: String, at location: SourceLocation) -> FactText {
            var noLedger: LinkResolver.CitationLedger? = nil
            return MarkdownParser.parseText(
                text, options: options,
                resolveLink: { link in links.resolve(link, at: location, ledger: &noLedger, diagnostics: &diagnostics) })
        }
        for event in facts.events { texts.eventSummaries[event.id] = resolve(event.summary, at: event.location) }
        for entity in facts.entities { texts.entityDescriptions[entity.id] = resolve(entity.description, at: entity.location) }
        for comparison in facts.comparisons {
            if let description = comparison.description {
                texts.comparisonDescriptions[comparison.id] = resolve(description, at: comparison.location)
            }
        }
        return texts
    }
}
