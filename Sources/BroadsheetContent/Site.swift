import BroadsheetCore
import BroadsheetFacts

/// The checked model of the whole site that renderers turn into files.
public struct Site: Sendable {
    /// site.yaml.
    public var config: SiteConfig
    /// URL scheme.
    public var permalinks: Permalinks
    /// Articles, newest first.
    public var articles: [Article]
    /// Pages, by slug.
    public var pages: [Document]
    /// Every fact.
    public var facts: FactBook
    /// Inline Markdown of facts, rendered: event summaries, entity and comparison descriptions.
    public var factTexts: FactTexts
    /// Tags with their articles (newest first), sorted by tag.
    public var tags: [(tag: Tag, articles: [Article])]
    /// For each source, the documents citing it, in site order.
    public var citingDocuments: [SourceID: [Document]]
    /// For each source, the events resting on it.
    public var citingEvents: [SourceID: [EventID]]
    /// Newsletter editions, newest first.
    public var editions: [Edition] = []
    /// The documents of the print edition, in order.
    public var printContents = PrintContents()
    /// The files of `Content/media/`, published under hashed names.
    public var media = MediaLibrary()
    /// Source files of articles left out because they are dated in the future, sorted.
    public var futureArticles: [String] = []
}

extension Site {
    /// Articles then pages: every document with a page of its own.
    public var documents: [Document] { articles.map(\.document) + pages }

    /// Newest first; articles of the same date by weight, then slug.
    public static func articleOrder(_ lhs: Article, _ rhs: Article) -> Bool {
        if lhs.date != rhs.date { return lhs.date > rhs.date }
        return (lhs.weight, lhs.slug) < (rhs.weight, rhs.slug)
    }

    /// Tags with their articles, sorted by tag; articles keep their order.
    static func groupTags(_ articles: [Article]) -> [(tag: Tag, articles: [Article])] {
        var groups: [String: (tag: Tag, articles: [Article])] = [:]
        for article in articles {
            for tag in article.tags where !tag.slug.isEmpty {
                groups[tag.slug, default: (tag, [])].articles.append(article)
            }
        }
        return groups.values.sorted { $0.tag < $1.tag }
    }

    /// For each source, the documents citing it, in site order.
    static func citingDocuments(_ documents: [Document]) -> [SourceID: [Document]] {
        var result: [SourceID: [Document]] = [:]
        for document in documents {
            for citation in document.citations { result[citation.source, default: []].append(document) }
        }
        return result
    }

    /// Replaces one document (same slug and kind) and recomputes the lists it appears in,
    /// including the editions that feature it.
    ///
    /// Topic lists and the citation index hold copies of documents that are read only for
    /// what lists show (title, path, date, tags); they are recomputed only when one of those
    /// or the citations changed, which keeps an edit to a body cheap on large sites.
    public mutating func replace(_ document: Document) {
        let previous: Document
        if document.kind == .article {
            guard let index = articles.firstIndex(where: { $0.slug == document.slug }), let date = document.date else { return }
            previous = articles[index].document
            articles[index] = Article(document: document, date: date)
            if previous.date != document.date || previous.weight != document.weight {
                articles.sort(by: Site.articleOrder)
            }
        } else {
            guard let index = pages.firstIndex(where: { $0.slug == document.slug }) else { return }
            previous = pages[index]
            pages[index] = document
        }
        let listed =
            previous.title != document.title || previous.tags != document.tags || previous.date != document.date
            || previous.weight != document.weight || previous.excerpt != document.excerpt
        if document.kind == .article && listed { tags = Site.groupTags(articles) }
        if listed || previous.citations != document.citations {
            citingDocuments = Site.citingDocuments(documents)
        }
        if document.kind == .article {
            for index in editions.indices {
                for position in editions[index].featured.indices where editions[index].featured[position].slug == document.slug {
                    editions[index].featured[position].document = document
                }
            }
        }
    }
}

/// The Markdown of facts, resolved into document trees.
public struct FactTexts: Sendable, Hashable {
    /// Event summaries by event id.
    public var eventSummaries: [EventID: FactText] = [:]
    /// Entity descriptions by entity id.
    public var entityDescriptions: [EntityID: FactText] = [:]
    /// Comparison descriptions by comparison id.
    public var comparisonDescriptions: [ComparisonID: FactText] = [:]
}
