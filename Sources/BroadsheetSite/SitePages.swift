import BroadsheetCharts
import BroadsheetContent
import BroadsheetCore
import BroadsheetDocument
import BroadsheetFacts
import Foundation

/// Articles, pages, the home page, tag and archive lists, and the 404 page.
struct SitePages: Sendable {
    let context: RenderContext

    private var site: Site { context.site }
    private var permalinks: Permalinks { context.permalinks }

    // MARK: - Documents

    func document(_ document: Document) throws(Diagnostic) -> OutputFile {
        let isArticle = document.kind == .article
        let components = ComponentHTML(context: context)
        let body = try components.body(of: document)
        let references = context.references(document.citations)
        var toc: [TOCEntry] = []
        for heading in document.headings where heading.level == 2 || heading.level == 3 {
            let entry = TOCEntry(text: heading.text, href: "#\(heading.id)", children: [], hasChildren: false)
            if heading.level == 3, !toc.isEmpty {
                toc[toc.count - 1].children.append(entry)
                toc[toc.count - 1].hasChildren = true
            } else {
                toc.append(entry)
            }
        }
        var previous: ArticleCard?
        var next: ArticleCard?
        let article = isArticle ? context.articleIndex[document.slug].map { site.articles[$0] } : nil
        if isArticle, let index = context.articleIndex[document.slug] {
            if index + 1 < site.articles.count { previous = context.card(site.articles[index + 1]) }
            if index > 0 { next = context.card(site.articles[index - 1]) }
        }
        let meta = context.meta(
            title: document.title, description: document.excerpt, path: document.sitePath,
            type: isArticle ? "article" : "website", jsonLD: article.map(newsArticleJSONLD),
            bodyClass: isArticle ? "article" : "page", published: document.date?.rfc3339,
            modified: (document.updated ?? document.date)?.rfc3339, image: document.image)
        let view = DocumentView(
            site: context.siteView(section: isArticle ? "articles" : document.slug), meta: meta, title: document.title,
            summary: document.summary, dateDisplay: document.date?.display(context.dateStyle), dateISO: document.date?.isoDate,
            updatedDisplay: document.updated?.display(context.dateStyle), updatedISO: document.updated?.isoDate,
            byline: document.authors.joined(separator: ", "), readingMinutes: document.readingMinutes,
            tags: document.tags.map(context.tagLink), hasTags: !document.tags.isEmpty, toc: toc, hasTOC: toc.count >= 3,
            body: body, references: references, hasReferences: !references.isEmpty, isDraft: document.isDraft,
            previous: previous, next: next,
            corrections: document.corrections.map { correction in
                CorrectionView(
                    dateDisplay: correction.date.display(context.dateStyle), dateISO: correction.date.isoDate,
                    note: HTMLWriter.textHTML(correction.note))
            }, hasCorrections: !document.corrections.isEmpty, extra: document.extra)
        let html = try context.render(isArticle ? "article" : "page", view)
        return OutputFile(path: document.sitePath.outputPath, text: html)
    }

    private func newsArticleJSONLD(_ article: Article) -> String {
        let document = article.document
        let config = site.config
        let url = context.absoluteURL(document.sitePath)
        // Keys in sorted order, as `JSONText` writes dictionaries.
        func typed(_ type: String, name: String) -> JSONText.ScriptObject {
            var object = JSONText.ScriptObject()
            object.add("@type", type)
            object.add("name", name)
            return object
        }
        var object = JSONText.ScriptObject()
        object.add("@context", "https://schema.org")
        object.add("@type", "NewsArticle")
        object.add("author", objects: document.authors.map { typed($0 == config.author ? "Organization" : "Person", name: $0) })
        object.add("dateModified", article.lastModified.rfc3339)
        object.add("datePublished", article.date.rfc3339)
        object.add("description", document.excerpt)
        object.add("headline", document.title)
        if let image = document.image {
            var imageObject = JSONText.ScriptObject()
            imageObject.add("@type", "ImageObject")
            imageObject.add("height", image.height)
            imageObject.add("url", context.absoluteURL(image.path))
            imageObject.add("width", image.width)
            object.add("image", object: imageObject)
        }
        object.add("inLanguage", config.language)
        object.add("keywords", document.tags.map(\.name))
        var page = JSONText.ScriptObject()
        page.add("@id", url)
        page.add("@type", "WebPage")
        object.add("mainEntityOfPage", object: page)
        object.add("publisher", object: typed("Organization", name: config.publisher))
        object.add("url", url)
        object.add("wordCount", document.wordCount)
        return object.text
    }

    // MARK: - Home

    func home() throws(Diagnostic) -> [OutputFile] {
        let config = site.config
        let lead = config.lead.flatMap { slug in site.articles.first { $0.slug == slug } } ?? site.articles.first
        let latest = site.articles.filter { $0.slug != lead?.slug }.prefix(config.homeArticleCount)
        let chart = TimelineChart(facts: site.facts).render(id: "home-chart", linkBase: context.href(permalinks.timeline))
        let recent = site.facts.events.suffix(5).reversed().map(context.eventView)
        let view = HomeView(
            site: context.siteView(section: ""),
            meta: context.meta(title: nil, description: config.description, path: .home, bodyClass: "home"),
            lead: lead.map(context.card), latest: latest.map(context.renderedCard), hasLatest: !latest.isEmpty, chart: chart,
            timelineHref: context.href(permalinks.timeline), eventCount: site.facts.events.count,
            comparisons: site.facts.comparisons.map(context.comparisonCard), hasComparisons: !site.facts.comparisons.isEmpty,
            recentEvents: Array(recent), hasRecentEvents: !recent.isEmpty)
        return [OutputFile(path: SitePath.home.outputPath, text: try context.render("home", view))]
    }

    // MARK: - Lists

    func lists() throws(Diagnostic) -> [OutputFile] {
        var files: [OutputFile] = []
        let tagLinks = site.tags.map {
            TagLink(name: $0.tag.name, href: context.href(permalinks.tag($0.tag.slug)), count: $0.articles.count)
        }
        let tagIndex = TagIndexView(
            site: context.siteView(section: "tags"),
            meta: context.meta(
                title: "Topics", description: "Every topic of \(site.config.title).", path: permalinks.tags, bodyClass: "tags"),
            tags: tagLinks)
        files.append(OutputFile(path: permalinks.tags.outputPath, text: try context.render("tags", tagIndex)))
        var lists: [ListSpec] = site.tags.map { tag, articles in
            ListSpec(
                articles: articles, path: permalinks.tag(tag.slug), section: "tags", title: "Topic: \(tag.name)",
                description: "Articles about \(tag.name) in \(site.config.title).",
                intro: "\(articles.count) article\(articles.count == 1 ? "" : "s")",
                pagerLabel: "Pages of the topic \(tag.name)", groupsByYear: false)
        }
        lists.append(
            ListSpec(
                articles: site.articles, path: permalinks.archive, section: "archive", title: "Archive",
                description: "Every article of \(site.config.title), by year.",
                intro: "\(site.articles.count) article\(site.articles.count == 1 ? "" : "s"), newest first",
                pagerLabel: "Archive pages", groupsByYear: true))
        // Ten thousand articles make hundreds of list pages: they render on all cores, like articles.
        let pages = lists.flatMap { list in
            let pagination = ListPagination(
                list: list.path, itemCount: list.articles.count, pageSize: site.config.paginate, permalinks: permalinks)
            return (1...pagination.pageCount).map { ListPage(list: list, pagination: pagination, number: $0) }
        }
        let results = pages.parallelMap { page in Result { () throws(Diagnostic) in try listPage(page) } }
        for result in results { files.append(try result.get()) }
        return files
    }

    /// One paginated list: the archive or a topic.
    private struct ListSpec: Sendable {
        var articles: [Article]
        var path: SitePath
        var section: String
        var title: String
        var description: String
        var intro: String
        var pagerLabel: String
        var groupsByYear: Bool
    }

    /// One page of a list.
    private struct ListPage: Sendable {
        var list: ListSpec
        var pagination: ListPagination
        var number: Int
    }

    /// Page `number` of a list of `paginate` cards: page 1 at the list's path, page N at
    /// `LIST/page/N/`, with a pager and `rel=prev/next` links.
    private func listPage(_ page: ListPage) throws(Diagnostic) -> OutputFile {
        let (list, pagination, number) = (page.list, page.pagination, page.number)
        let cards = list.articles[pagination.range(ofPage: number)]
        var groups: [ArticleGroup] = []
        if list.groupsByYear {
            for article in cards {
                let year = String(article.date.year)
                if groups.last?.title != year { groups.append(ArticleGroup(title: year, anchor: "y\(year)", articles: [])) }
                groups[groups.count - 1].articles.append(context.renderedCard(article))
            }
        } else {
            groups = [ArticleGroup(title: nil, anchor: nil, articles: cards.map(context.renderedCard))]
        }
        let path = pagination.path(ofPage: number)
        let pageNote = pagination.pageCount > 1 ? " (page \(number) of \(pagination.pageCount))" : ""
        // Page 1 keeps the list's own title; later pages say which page they are, so titles stay distinct.
        let titleNote = number > 1 ? pageNote : ""
        var meta = context.meta(
            title: list.title + titleNote, description: list.description + titleNote, path: path, bodyClass: "list")
        if number > 1 { meta.previousURL = context.absoluteURL(pagination.path(ofPage: number - 1)) }
        if number < pagination.pageCount { meta.nextURL = context.absoluteURL(pagination.path(ofPage: number + 1)) }
        let view = ArticleListView(
            site: context.siteView(section: list.section), meta: meta, heading: list.title, intro: list.intro + pageNote,
            groups: groups, pager: pagination.pager(page: number, label: list.pagerLabel, href: context.href))
        return OutputFile(path: path.outputPath, text: try context.render("list", view))
    }

    // MARK: - Search

    func search() throws(Diagnostic) -> [OutputFile] {
        let view = SearchPageView(
            site: context.siteView(section: "search"),
            meta: context.meta(
                title: "Search", description: "Search every article, event, entity, table and source of \(site.config.title).",
                path: permalinks.search, bodyClass: "search-page", noIndex: true),
            indexHref: context.href(permalinks.search),
            archiveHref: context.href(permalinks.archive),
            timelineHref: site.facts.events.isEmpty ? nil : context.href(permalinks.timeline),
            tagsHref: context.href(permalinks.tags))
        return [OutputFile(path: permalinks.search.outputPath, text: try context.render("search", view))]
    }

    func notFound() throws(Diagnostic) -> [OutputFile] {
        let view = NotFoundView(
            site: context.siteView(section: ""),
            meta: context.meta(
                title: "Page not found", description: "This page does not exist.", path: SitePath(file: "404.html"),
                bodyClass: "not-found", noIndex: true),
            latest: site.articles.prefix(5).map(context.renderedCard))
        return [OutputFile(path: "404.html", text: try context.render("404", view))]
    }
}
