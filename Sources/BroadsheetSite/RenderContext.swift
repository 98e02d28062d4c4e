import BroadsheetContent
import BroadsheetCore
import BroadsheetFacts
import BroadsheetTemplates
import Foundation

/// What every page renderer shares: the site, its templates, and the small conversions
/// from model values to view values.
struct RenderContext: Sendable {
    private(set) var site: Site
    let templates: TemplateSet
    let options: WebsiteRenderer.Options
    /// The site view of pages outside the menu's sections, prepared once (`TemplateSet.shared`).
    private let baseSiteView: SharedTemplateValue
    /// The site view of each section the menu links to (its entry marked current), by section.
    private let sectionSiteViews: [String: SharedTemplateValue]
    /// Articles per tag slug, for tag links.
    private var tagCounts: [String: Int]
    /// Each article's position in `site.articles`, by slug.
    let articleIndex: [String: Int]
    /// Each article's rendered card, in `site.articles` order (set by `renderCards`).
    private(set) var cardHTML: [String] = []
    /// Each source as `partials/source-citation` renders it (set by `renderCards`): the same
    /// hundred sources appear in the References of thousands of pages, rendered once here.
    private(set) var citationHTML: [SourceID: String] = [:]
    /// Bodies of the feed's articles, rendered once for their pages and reused by the feeds.
    var feedBodies = FeedBodyCache()
    /// The facts' Markdown as the website's HTML.
    let factHTML: FactHTML
    /// The output paths of redirect pages (`aliases:`), which the sitemap leaves out.
    let aliasOutputPaths: Set<String>

    /// Computes everything that is the same on every page once, not per page.
    init(site: Site, templates: TemplateSet, options: WebsiteRenderer.Options) throws(Diagnostic) {
        self.site = site
        self.factHTML = FactHTML(site.factTexts)
        self.aliasOutputPaths = Set(site.documents.flatMap { $0.aliases.map(\.sitePath.outputPath) })
        self.templates = templates
        self.options = options
        self.tagCounts = Dictionary(uniqueKeysWithValues: site.tags.map { ($0.tag.slug, $0.articles.count) })
        self.articleIndex = Dictionary(uniqueKeysWithValues: site.articles.enumerated().map { ($1.slug, $0) })
        let config = site.config
        let permalinks = site.permalinks
        let years = site.articles.map(\.date.year)
        var footerYears = ""
        if let first = years.min(), let last = years.max() {
            footerYears = first == last ? "\(first)" : "\(first)–\(last)"
        }
        let menu = config.menu.map { item in
            let href = item.url.hasPrefix("/") ? config.basePath + item.url.dropFirst() : item.url
            return MenuItemView(title: item.title, href: href, isCurrent: false)
        }
        let siteView = SiteView(
            title: config.title, subtitle: config.subtitle, description: config.description, language: config.language,
            homeHref: permalinks.href(.home), menu: menu, feedHref: permalinks.href(SitePath(file: "feed.xml")),
            jsonFeedHref: permalinks.href(SitePath(file: "feed.json")),
            stylesheetHref: permalinks.href(SitePath(file: "assets/style.css")) + options.assetVersionSuffix,
            scriptHref: permalinks.href(SitePath(file: "assets/broadsheet.js")) + options.assetVersionSuffix,
            searchHref: permalinks.href(permalinks.search),
            searchScriptHref: permalinks.href(SitePath(file: "assets/search.js")) + options.assetVersionSuffix,
            publisher: config.publisher, footerYears: footerYears,
            sourcesHref: site.facts.sources.isEmpty ? nil : permalinks.href(permalinks.sources),
            dataHref: site.facts.events.isEmpty ? nil : permalinks.href(SitePath(file: "data/events.json")),
            correctionsHref: site.pages.contains { $0.slug == "corrections" }
                ? permalinks.href(permalinks.page("corrections")) : nil,
            downloads: options.downloads.enumerated().map { index, download in
                DownloadView(
                    format: download.format, href: permalinks.href(SitePath(file: download.path)), size: download.sizeDisplay,
                    isLast: index == options.downloads.count - 1)
            },
            hasDownloads: !options.downloads.isEmpty,
            words: WordsView(
                kicker: config.words.kicker, lead: config.words.lead, leadLink: config.words.leadLink,
                latest: config.words.latest, search: config.words.search))
        baseSiteView = try templates.shared(siteView)
        var sectionViews: [String: SharedTemplateValue] = [:]
        for section in config.menu.map(Self.section) where !section.isEmpty && sectionViews[section] == nil {
            var view = siteView
            for index in view.menu.indices { view.menu[index].isCurrent = Self.section(config.menu[index]) == section }
            sectionViews[section] = try templates.shared(view)
        }
        sectionSiteViews = sectionViews
    }

    var permalinks: Permalinks { site.permalinks }
    var config: SiteConfig { site.config }
    /// Dates in the site's language.
    var dateStyle: DateStyle { site.config.dateStyle }

    func href(_ path: SitePath) -> String { permalinks.href(path) }

    /// The absolute URL of a path, for canonical links, feeds and sitemaps.
    func absoluteURL(_ path: SitePath) -> String { config.origin + href(path) }

    /// The section a menu entry leads to: its URL without the slashes around it (`/archive/` → `archive`).
    private static func section(_ item: SiteConfig.MenuItem) -> String {
        item.url.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
    }

    /// The site view of a page in `section` (a menu entry's URL without its slashes marks it current).
    func siteView(section: String) -> SharedTemplateValue {
        sectionSiteViews[section] ?? baseSiteView
    }

    func meta(
        title: String?, description: String, path: SitePath, type: String = "website", jsonLD: String? = nil,
        bodyClass: String, noIndex: Bool = false, published: String? = nil, modified: String? = nil,
        image: DocumentImage? = nil
    ) -> PageMeta {
        let documentTitle = title.map { "\($0) — \(config.title)" } ?? config.title
        return PageMeta(
            documentTitle: documentTitle, description: description, canonicalURL: absoluteURL(path),
            ogTitle: title ?? config.title, ogType: type, jsonLD: jsonLD, bodyClass: bodyClass, noIndex: noIndex,
            publishedISO: published, modifiedISO: modified,
            image: image.map { ImageView(url: absoluteURL($0.path), width: $0.width, height: $0.height) })
    }

    func card(_ article: Article) -> ArticleCard {
        ArticleCard(
            title: article.title, href: href(article.sitePath), dateDisplay: article.date.display(dateStyle),
            dateISO: article.date.isoDate, excerpt: article.excerpt, readingMinutes: article.readingMinutes,
            tags: article.tags.map(tagLink), isDraft: article.isDraft,
            image: article.document.image.map { ImageView(url: href($0.path), width: $0.width, height: $0.height) },
            extra: article.document.extra)
    }

    /// Renders every article's card once, in parallel, reusing the cards of `previous`
    /// for articles that did not change.
    mutating func renderCards(previous: (context: RenderContext, changed: Set<String>)?) throws(Diagnostic) {
        if citationHTML.isEmpty {
            for source in site.facts.sources {
                citationHTML[source.id] = try render("partials/source-citation", citation(source))
            }
        }
        let context = self
        let results = site.articles.parallelMap { article -> Result<String, Diagnostic> in
            if let previous, !previous.changed.contains(article.slug), let index = previous.context.articleIndex[article.slug] {
                return .success(previous.context.cardHTML[index])
            }
            return Result { () throws(Diagnostic) in try context.render("partials/card", context.card(article)) }
        }
        var cards: [String] = []
        cards.reserveCapacity(results.count)
        for result in results { cards.append(try result.get()) }
        cardHTML = cards
    }

    /// Takes an updated site whose articles are in the same order, re-rendering the given cards.
    mutating func patch(site: Site, changedArticles: Set<String>) throws(Diagnostic) {
        self.site = site
        tagCounts = Dictionary(uniqueKeysWithValues: site.tags.map { ($0.tag.slug, $0.articles.count) })
        for slug in changedArticles {
            guard let index = articleIndex[slug] else { continue }
            cardHTML[index] = try render("partials/card", card(site.articles[index]))
        }
    }

    /// The rendered card of an article.
    func renderedCard(_ article: Article) -> RenderedCard {
        RenderedCard(html: articleIndex[article.slug].map { cardHTML[$0] } ?? "")
    }

    func tagLink(_ tag: BroadsheetContent.Tag) -> TagLink {
        TagLink(name: tag.name, href: href(permalinks.tag(tag.slug)), count: tagCounts[tag.slug] ?? 0)
    }

    func citation(_ source: Source) -> SourceCitationView {
        let isDescriptive = source.title.hasPrefix("[") && source.title.hasSuffix("]")
        return SourceCitationView(
            id: source.id.rawValue, publisher: source.publisher, via: source.via,
            title: isDescriptive ? String(source.title.dropFirst().dropLast()) : source.title,
            isDescriptiveTitle: isDescriptive, url: source.url,
            dateDisplay: source.date?.display(dateStyle), dateISO: source.date?.iso,
            language: source.language == config.language ? nil : Self.languageName(source.language),
            archiveURL: source.archiveURL, note: source.note, bibliographyHref: permalinks.sourceHref(source.id))
    }

    func entityLink(_ entity: Entity, count: Int = 0) -> EntityLink {
        EntityLink(
            id: entity.id.rawValue, name: entity.name, nativeName: entity.nativeName,
            href: href(permalinks.entity(entity.id)), color: entity.color, count: count)
    }

    func eventView(_ event: Event) -> EventView {
        let entities = event.entities.compactMap { site.facts.entity($0) }
        return EventView(
            id: event.id.rawValue, anchor: nil, href: permalinks.eventHref(event.id), dateDisplay: event.date.display(dateStyle),
            dateISO: event.date.iso, endDisplay: event.end?.display(dateStyle), title: event.title,
            summary: factHTML.eventSummaries[event.id] ?? "", entities: entities.map { entityLink($0) },
            themes: event.themes.map { ThemeLink(name: $0, href: href(permalinks.timeline(theme: $0)), count: 0) },
            sources: event.sources.compactMap { site.facts.source($0) }.map(citation), sourceCount: event.sources.count,
            isReported: event.confidence == .medium,
            precisionNote: event.date.month == nil ? "year only" : event.date.day == nil ? "month only" : nil,
            entityKeys: Set(event.entities.flatMap { ancestors(of: $0) }).map(\.rawValue).sorted().joined(separator: " "),
            themeKeys: event.themes.joined(separator: " "))
    }

    /// The entity and every entity above it (for filtering by parent).
    func ancestors(of id: EntityID) -> [EntityID] {
        var result: [EntityID] = [id]
        var current = site.facts.entity(id)?.parent
        while let parent = current, !result.contains(parent) {
            result.append(parent)
            current = site.facts.entity(parent)?.parent
        }
        return result
    }

    func comparisonCard(_ comparison: Comparison) -> ComparisonCard {
        ComparisonCard(
            title: comparison.title, href: href(permalinks.comparison(comparison.id)),
            description: factHTML.comparisonDescriptions[comparison.id], rowCount: comparison.rows.count,
            columnCount: comparison.columns.count)
    }

    func render(_ template: String, _ view: some Encodable) throws(Diagnostic) -> String {
        try templates.render(template, view)
    }

    static func languageName(_ code: String) -> String {
        switch code {
        case "zh", "zh-Hans", "zh-CN": "in Chinese"
        case "en": "in English"
        default: "language: \(code)"
        }
    }
}

// MARK: - References

extension RenderContext {
    /// The numbered References list of a document or edition, each entry linking back to its citations.
    func references(_ citations: [Citation]) -> [ReferenceView] {
        citations.compactMap { citation -> ReferenceView? in
            guard let source = site.facts.source(citation.source) else { return nil }
            let backlinks = (1...citation.occurrences).map {
                BacklinkView(href: "#cite-\(citation.number)-\($0)", label: citation.occurrences == 1 ? "↩" : "↩\($0)")
            }
            return ReferenceView(
                number: citation.number, anchor: "ref-\(citation.number)",
                citationHTML: citationHTML[source.id] ?? "", backlinks: backlinks)
        }
    }
}
