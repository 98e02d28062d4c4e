import BroadsheetCharts
import BroadsheetContent
import BroadsheetCore
import BroadsheetData
import BroadsheetDocument
import BroadsheetFacts
import Foundation

/// Pages generated from the facts: the timeline and its filters, entities, comparisons and the bibliography.
struct FactPages: Sendable {
    let context: RenderContext

    private var site: Site { context.site }
    private var facts: FactBook { context.site.facts }
    private var permalinks: Permalinks { context.permalinks }

    func render() throws(Diagnostic) -> [OutputFile] {
        guard !facts.events.isEmpty || !facts.comparisons.isEmpty || !facts.sources.isEmpty else { return [] }
        var files: [OutputFile] = []
        files += try timelinePages()
        files += try entityPages()
        files += try comparisonPages()
        files.append(try sourcesPage())
        return files
    }

    /// How many actors the timeline offers as filters; every actor's page links to its own.
    static let filterCount = 14

    // MARK: - Timeline

    private func entityFilters() -> [EntityLink] {
        facts.entities.compactMap { entity in
            let members = facts.entityAndDescendants(entity.id)
            let count = facts.events.filter { $0.entities.contains(where: members.contains) }.count
            return count > 0 ? context.entityLink(entity, count: count) : nil
        }
        .sorted { ($0.count, $1.name) > ($1.count, $0.name) }
    }

    private func themeFilters() -> [ThemeLink] {
        facts.themes.map { theme in
            ThemeLink(
                name: theme, href: context.href(permalinks.timeline(theme: theme)),
                count: facts.events.filter { $0.themes.contains(theme) }.count)
        }
    }

    private func timelinePages() throws(Diagnostic) -> [OutputFile] {
        let components = ComponentHTML(context: context)
        let entityLinks = entityFilters()
        let shownFilters = Array(entityLinks.prefix(Self.filterCount))
        let themeLinks = themeFilters()
        let allHref = context.href(permalinks.timeline)
        func page(_ path: SitePath, heading: String, intro: String, events: [Event], chart: String?, filtered: Bool)
            throws(Diagnostic) -> OutputFile
        {
            let view = TimelinePageView(
                site: context.siteView(section: "timeline"),
                meta: context.meta(title: heading, description: intro, path: path, bodyClass: "timeline-page"),
                heading: heading, intro: intro, chart: chart, timeline: try components.timeline(events, compact: false),
                entityFilters: shownFilters, moreEntities: entityLinks.count > shownFilters.count,
                entitiesHref: context.href(permalinks.entities), themeFilters: themeLinks, allHref: allHref, isFiltered: filtered,
                dataHref: context.href(SitePath(file: "data/events.json")))
            return OutputFile(path: path.outputPath, text: try context.render("timeline", view))
        }
        var files: [OutputFile] = []
        let first = facts.events.first?.date.display(context.dateStyle) ?? ""
        let last = facts.events.last?.date.display(context.dateStyle) ?? ""
        files.append(
            try page(
                permalinks.timeline, heading: "Timeline",
                intro: "\(facts.events.count) sourced events, from \(first) to \(last).", events: facts.events,
                chart: TimelineChart(facts: facts).render(id: "timeline-chart", linkBase: ""), filtered: false))
        for link in entityLinks {
            let id = EntityID(link.id)
            let members = facts.entityAndDescendants(id)
            let events = facts.events.filter { $0.entities.contains(where: members.contains) }
            files.append(
                try page(
                    permalinks.timeline(entity: id), heading: "Timeline: \(link.name)",
                    intro:
                        "\(events.count) event\(events.count == 1 ? "" : "s") involving \(link.name)\(members.count > 1 ? " or its units" : "").",
                    events: events, chart: nil, filtered: true))
        }
        for theme in themeLinks {
            let events = facts.events.filter { $0.themes.contains(theme.name) }
            files.append(
                try page(
                    permalinks.timeline(theme: theme.name), heading: "Timeline: \(theme.name)",
                    intro: "\(events.count) event\(events.count == 1 ? "" : "s") on the theme “\(theme.name)”.", events: events,
                    chart: nil, filtered: true))
        }
        return files
    }

    // MARK: - Entities

    private func entityPages() throws(Diagnostic) -> [OutputFile] {
        guard !facts.entities.isEmpty else { return [] }
        let components = ComponentHTML(context: context)
        var files: [OutputFile] = []
        let kinds = ["company", "product", "regulator", "government", "organisation", "person"]
        let groups = kinds.compactMap { kind -> EntityGroup? in
            let members = facts.entities.filter { $0.kind == kind }.sorted { $0.name < $1.name }
            guard !members.isEmpty else { return nil }
            return EntityGroup(
                title: Self.kindTitle(kind),
                entities: members.map { entity in
                    EntitySummaryView(
                        link: context.entityLink(entity), description: context.factHTML.entityDescriptions[entity.id] ?? "",
                        parent: entity.parent.flatMap { facts.entity($0) }.map { context.entityLink($0) })
                })
        }
        let index = EntityIndexView(
            site: context.siteView(section: "entities"),
            meta: context.meta(
                title: "Who’s who", description: "The companies, products, regulators and people in \(site.config.title).",
                path: permalinks.entities, bodyClass: "entities"),
            groups: groups)
        files.append(OutputFile(path: permalinks.entities.outputPath, text: try context.render("entities", index)))

        for entity in facts.entities {
            let members = facts.entityAndDescendants(entity.id)
            let events = facts.events.filter { $0.entities.contains(where: members.contains) }
            let tables = facts.comparisons.filter { comparison in
                comparison.rows.contains { $0.entity.map(members.contains) ?? false }
            }
            let path = permalinks.entity(entity.id)
            let children = facts.children(of: entity.id).map { context.entityLink($0) }
            let description = context.factHTML.entityDescriptions[entity.id] ?? ""
            let view = EntityPageView(
                site: context.siteView(section: "entities"),
                meta: context.meta(
                    title: entity.nativeName.map { "\(entity.name) (\($0))" } ?? entity.name,
                    description: entity.description, path: path, bodyClass: "entity"),
                name: entity.name, nativeName: entity.nativeName, kind: entity.kind, description: description,
                parent: entity.parent.flatMap { facts.entity($0) }.map { context.entityLink($0) },
                children: children, hasChildren: !children.isEmpty,
                timeline: try components.timeline(events, compact: true), eventCount: events.count,
                timelineHref: context.href(permalinks.timeline(entity: entity.id)),
                comparisons: tables.map(context.comparisonCard), hasComparisons: !tables.isEmpty)
            files.append(OutputFile(path: path.outputPath, text: try context.render("entity", view)))
        }
        return files
    }

    static func kindTitle(_ kind: String) -> String {
        switch kind {
        case "company": "Companies"
        case "product": "Products and services"
        case "regulator": "Regulators"
        case "government": "Government bodies"
        case "person": "People"
        default: "Organisations"
        }
    }

    // MARK: - Comparisons

    private func comparisonPages() throws(Diagnostic) -> [OutputFile] {
        guard !facts.comparisons.isEmpty else { return [] }
        let components = ComponentHTML(context: context)
        var files: [OutputFile] = []
        let index = ComparisonIndexView(
            site: context.siteView(section: "compare"),
            meta: context.meta(
                title: "Comparisons", description: "Side-by-side tables built from sourced facts.",
                path: permalinks.comparisons, bodyClass: "comparisons"),
            comparisons: facts.comparisons.map(context.comparisonCard))
        files.append(OutputFile(path: permalinks.comparisons.outputPath, text: try context.render("comparisons", index)))
        // One walk of every body, not one per comparison.
        var citers: [ComparisonID: [Document]] = [:]
        for document in site.documents {
            var shown: Set<ComparisonID> = []
            for case .comparison(let comparison) in Block.embeds(in: document.body) where shown.insert(comparison.id).inserted {
                citers[comparison.id, default: []].append(document)
            }
        }
        for comparison in facts.comparisons {
            let path = permalinks.comparison(comparison.id)
            let citedBy = citers[comparison.id] ?? []
            let view = ComparisonPageView(
                site: context.siteView(section: "compare"),
                meta: context.meta(
                    title: comparison.title, description: comparison.description ?? comparison.title, path: path,
                    bodyClass: "comparison"),
                table: try components.comparison(comparison, showPageLink: false),
                chart: try Chart(comparison: comparison, facts: facts).map { chart throws(Diagnostic) in
                    try components.chart(chart)
                },
                title: comparison.title,
                csvHref: context.href(permalinks.comparisonCSV(comparison.id)),
                citedBy: citedBy.map { BacklinkView(href: context.href($0.sitePath), label: $0.title) },
                hasCitedBy: !citedBy.isEmpty)
            files.append(OutputFile(path: path.outputPath, text: try context.render("comparison", view)))
            files.append(
                OutputFile(
                    path: permalinks.comparisonCSV(comparison.id).outputPath, text: FactDataRenderer(site: site).csv(comparison)))
        }
        return files
    }

    // MARK: - Sources

    private func sourcesPage() throws(Diagnostic) -> OutputFile {
        let tablesBySource = facts.comparisons.reduce(into: [SourceID: [Comparison]]()) { result, comparison in
            for source in Set(comparison.rows.flatMap { $0.cells.values.map(\.source) }) {
                result[source, default: []].append(comparison)
            }
        }
        // Each chart links every mark to its source here; the entry links back to the chart.
        var chartsBySource: [SourceID: [BacklinkView]] = [:]
        for document in site.documents {
            for case .chart(let chart) in Block.embeds(in: document.body) {
                let link = BacklinkView(href: context.href(document.sitePath) + "#" + chart.id, label: chart.title)
                for source in chart.sources { chartsBySource[source.id, default: []].append(link) }
            }
        }
        let sorted = facts.sources.sorted {
            ($0.publisher.lowercased(), $0.date?.iso ?? "", $0.title) < ($1.publisher.lowercased(), $1.date?.iso ?? "", $1.title)
        }
        let entries = sorted.map { source in
            let documents = (site.citingDocuments[source.id] ?? []).map {
                BacklinkView(href: context.href($0.sitePath), label: $0.title)
            }
            let events = (site.citingEvents[source.id] ?? []).compactMap { facts.event($0) }.map {
                BacklinkView(href: context.permalinks.eventHref($0.id), label: "\($0.date.shortDisplay): \($0.title)")
            }
            let tables = (tablesBySource[source.id] ?? []).map {
                BacklinkView(href: context.href(permalinks.comparison($0.id)), label: $0.title)
            }
            let charts = chartsBySource[source.id] ?? []
            return BibliographyEntry(
                citation: context.citation(source), documents: documents, events: events, tables: tables, charts: charts,
                hasDocuments: !documents.isEmpty, hasEvents: !events.isEmpty, hasTables: !tables.isEmpty,
                hasCharts: !charts.isEmpty)
        }
        let view = SourcesPageView(
            site: context.siteView(section: "sources"),
            meta: context.meta(
                title: "Sources", description: "Every source of \(site.config.title), with what cites it.",
                path: permalinks.sources, bodyClass: "sources"),
            sources: entries, count: entries.count)
        return OutputFile(path: permalinks.sources.outputPath, text: try context.render("sources", view))
    }
}
