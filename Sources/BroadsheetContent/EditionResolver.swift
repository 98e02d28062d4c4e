import BroadsheetCore
import BroadsheetFacts

/// Resolves newsletter editions against the resolved articles and the facts: featured
/// slugs, the timeline window's ids, and the editor's note (links, citations, components).
struct EditionResolver {
    let documents: DocumentResolver
    let facts: FactBook
    let articles: [Article]
    let drafts: Set<String>
    /// Articles dated after the build's clock, left out of this build.
    var future: Set<String> = []
    let permalinks: Permalinks

    func resolve(_ loaded: LoadedEdition) -> (Edition?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var featured: [Article] = []
        let slugs = articles.map(\.slug)
        for reference in loaded.articles {
            if let article = articles.first(where: { $0.slug == reference.slug }) {
                featured.append(article)
            } else if future.contains(reference.slug) {
                diagnostics.append(
                    .error(
                        at: reference.location, "the featured article '\(reference.slug)' is dated in the future",
                        hint: "build with --future to include it, or feature it in an edition sent after its date"))
            } else if drafts.contains(reference.slug) {
                diagnostics.append(
                    .error(
                        at: reference.location, "the featured article '\(reference.slug)' is a draft",
                        hint: "publish it first, or build with --drafts"))
            } else {
                diagnostics.append(
                    .error(
                        at: reference.location, "no article has the slug '\(reference.slug)'",
                        hint: Suggestion.hint(
                            for: reference.slug, in: slugs, otherwise: "list slugs of Content/articles/ (file names without .md)")
                    ))
            }
        }
        var query: TimelineQuery?
        var events: [Event] = []
        if let window = loaded.timeline {
            var selected = window.query
            let entityIDs = facts.entities.map(\.id.rawValue)
            for entity in window.entities {
                if facts.entity(EntityID(entity.slug)) == nil {
                    diagnostics.append(
                        .error(
                            at: entity.location, "unknown entity id '\(entity.slug)' in the edition's timeline",
                            hint: Suggestion.hint(
                                for: entity.slug, in: entityIDs, otherwise: "add it to entities.yaml or correct the id")))
                } else {
                    selected.entities.append(EntityID(entity.slug))
                }
            }
            let themes = facts.themes
            for theme in window.themes {
                if themes.contains(theme.slug) {
                    selected.themes.append(theme.slug)
                } else {
                    diagnostics.append(
                        .error(
                            at: theme.location, "no event has the theme '\(theme.slug)'",
                            hint: ComponentParser.unknownThemeHint(theme.slug, themes: themes)))
                }
            }
            events = selected.select(from: facts)
            if events.isEmpty && !diagnostics.containsErrors {
                diagnostics.append(
                    .warning(at: window.location, "the edition's timeline matches no events", hint: "widen the dates or filters"))
            }
            query = selected
        }
        let note = LoadedDocument(
            kind: .page, path: loaded.path, slug: loaded.name, title: loaded.subject, date: loaded.date, updated: nil,
            summary: nil, tags: [], authors: [], isDraft: false, weight: 0, body: loaded.body,
            bodyLineOffset: loaded.bodyLineOffset, slugLocation: SourceLocation(path: loaded.path))
        let (document, problems) = documents.resolve(note)
        diagnostics += problems
        guard !diagnostics.containsErrors else { return (nil, diagnostics) }
        var edition = Edition(
            path: loaded.path, name: loaded.name, subject: loaded.subject, date: loaded.date,
            preheader: loaded.preheader ?? document.excerpt, sitePath: permalinks.newsletter(loaded.name),
            body: document.body, citations: document.citations, featured: featured, timeline: query, events: events)
        edition.authoredLinks = document.authoredLinks
        return (edition, diagnostics)
    }

    /// Newest first; editions of the same date by name.
    static func order(_ lhs: Edition, _ rhs: Edition) -> Bool {
        if lhs.date != rhs.date { return lhs.date > rhs.date }
        return lhs.name < rhs.name
    }
}
