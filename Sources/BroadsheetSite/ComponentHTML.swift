import BroadsheetCharts
import BroadsheetContent
import BroadsheetCore
import BroadsheetDocument
import BroadsheetFacts

/// Renders components for the web: a timeline as an accessible list grouped by year and
/// month, a comparison as a real table with numbered sources.
struct ComponentHTML {
    let context: RenderContext

    func render(_ component: Component) throws(Diagnostic) -> String {
        switch component {
        case .timeline(let query):
            return try timeline(query.select(from: context.site.facts), compact: true)
        case .comparison(let comparison):
            return try self.comparison(comparison, showPageLink: true)
        case .chart(let chart):
            return try self.chart(chart)
        }
    }

    /// A chart as a figure: the inline SVG, its note, a "Source:" line and the data as a table in `<details>`.
    func chart(_ chart: Chart) throws(Diagnostic) -> String {
        try context.render("components/chart", chartView(chart))
    }

    func chartView(_ chart: Chart) -> ChartComponentView {
        let permalinks = context.permalinks
        let style = ChartStyle.website { permalinks.sourceHref($0) }
        let table = ChartTable(chart)
        let sources = chart.sources.enumerated().map { offset, source in
            ChartSourceView(
                number: offset + 1, publisher: source.publisher, title: source.title,
                href: permalinks.sourceHref(source.id), separator: offset == chart.sources.count - 1 ? "" : "; ")
        }
        let rows = table.rows.map { row in
            ChartRowView(
                label: row.label,
                cells: row.cells.map { cell in
                    guard let cell else {
                        return ChartCellView(
                            isKnown: false, text: "no value", sourceHref: "", sourceNumber: 0, asOf: nil, note: nil)
                    }
                    return ChartCellView(
                        isKnown: true, text: cell.text, sourceHref: permalinks.sourceHref(cell.source),
                        sourceNumber: cell.sourceNumber, asOf: cell.asOf, note: cell.note)
                })
        }
        return ChartComponentView(
            id: chart.id, title: chart.title, svg: ChartSVG.render(chart, style: style), note: chart.note,
            sources: sources, sourceLabel: sources.count == 1 ? "Source" : "Sources", rowHeader: table.rowHeader,
            columns: table.columns, rows: rows)
    }

    /// The body of `document`, reusing the rendering of its page for the feeds' articles.
    func body(of document: Document) throws(Diagnostic) -> String {
        let inFeed = document.kind == .article && (context.articleIndex[document.slug] ?? .max) < FeedRenderer.entryCount
        guard inFeed else { return try body(document.body) }
        if let html = context.feedBodies.html(for: document) { return html }
        let html = try body(document.body)
        context.feedBodies.store(html, for: document)
        return html
    }

    /// The body of a document with its components rendered in place.
    func body(_ blocks: DocumentBody) throws(Diagnostic) -> String {
        try HTMLWriter.html(blocks, style: .website) { (component: Component) throws(Diagnostic) in try render(component) }
    }

    func timeline(_ events: [Event], compact: Bool) throws(Diagnostic) -> String {
        try context.render("components/timeline", timelineView(events, compact: compact))
    }

    func timelineView(_ events: [Event], compact: Bool) -> TimelineComponentView {
        var years: [YearGroup] = []
        for event in events {
            let year = String(event.date.year)
            let style = context.dateStyle
            let month =
                event.date.month.map { style.month(year: event.date.year, month: $0) }
                ?? (style.form == .english ? "During \(year)" : style.year(event.date.year))
            if years.last?.year != year {
                years.append(YearGroup(year: year, anchor: "year-\(year)", months: []))
            }
            if years[years.count - 1].months.last?.title != month {
                years[years.count - 1].months.append(MonthGroup(title: month, events: []))
            }
            let last = years[years.count - 1].months.count - 1
            var view = context.eventView(event)
            if !compact { view.anchor = view.id }
            years[years.count - 1].months[last].events.append(view)
        }
        return TimelineComponentView(years: years, count: events.count, isEmpty: events.isEmpty, compact: compact)
    }

    func comparison(_ comparison: Comparison, showPageLink: Bool) throws(Diagnostic) -> String {
        try context.render("components/comparison", tableView(comparison, showPageLink: showPageLink))
    }

    func tableView(_ comparison: Comparison, showPageLink: Bool) -> ComparisonTableView {
        let facts = context.site.facts
        var sourceNumbers: [SourceID: Int] = [:]
        var sources: [TableSourceView] = []
        func number(for id: SourceID) -> Int {
            if let number = sourceNumbers[id] { return number }
            let number = sources.count + 1
            sourceNumbers[id] = number
            if let source = facts.source(id) {
                sources.append(
                    TableSourceView(
                        number: number, anchor: "\(comparison.id)-source-\(number)", citation: context.citation(source)))
            }
            return number
        }
        let rows = comparison.rows.map { row in
            let cells = comparison.columns.map { column -> CellView in
                guard let cell = row.cells[column.id] else {
                    return CellView(
                        cssClass: column.type.isNumeric ? "num unknown" : "unknown", isKnown: false,
                        isNumeric: column.type.isNumeric, value: "unknown", asOf: "", note: nil,
                        showAsOf: false, sourceNumber: 0, sourceAnchor: "", sourceTitle: "")
                }
                let sourceNumber = number(for: cell.source)
                let source = facts.source(cell.source)
                return CellView(
                    cssClass: column.type.isNumeric ? "num" : nil, isKnown: true, isNumeric: column.type.isNumeric,
                    value: cell.displayText(in: column),
                    asOf: cell.asOf.shortDisplay, note: cell.note, showAsOf: cell.value != .date(cell.asOf),
                    sourceNumber: sourceNumber,
                    sourceAnchor: "#\(comparison.id)-source-\(sourceNumber)",
                    sourceTitle: source.map { "\($0.publisher): \($0.title)" } ?? "")
            }
            return RowView(
                label: row.label,
                href: row.entity.map { context.href(context.permalinks.entity($0)) }, cells: cells)
        }
        return ComparisonTableView(
            id: comparison.id.rawValue, title: comparison.title,
            description: context.factHTML.comparisonDescriptions[comparison.id], rowHeader: comparison.rowHeader,
            columns: comparison.columns.map { ColumnView(label: $0.headerWithUnit, isNumeric: $0.type.isNumeric) },
            rows: rows, sources: sources, pageHref: context.href(context.permalinks.comparison(comparison.id)),
            csvHref: context.href(context.permalinks.comparisonCSV(comparison.id)), showPageLink: showPageLink)
    }
}
