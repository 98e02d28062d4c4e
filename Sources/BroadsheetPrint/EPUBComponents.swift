import BroadsheetCharts
import BroadsheetContent
import BroadsheetCore
import BroadsheetDocument
import BroadsheetFacts

/// Draws components for the EPUB: a timeline as a dated list leading into the chronology, a
/// comparison as a table with its sources and as-of dates.
///
/// A new `Component` case is one more branch of `render`.
struct EPUBComponents {
    let book: PrintBook

    func render(_ component: Component) -> String {
        switch component {
        case .timeline(let query):
            return timeline(query.select(from: book.site.facts))
        case .comparison(let comparison):
            return table(comparison)
        case .chart(let chart):
            return chartTable(chart)
        }
    }

    /// A chart as its data: e-readers draw inline SVG unevenly, and a table reads everywhere.
    func chartTable(_ chart: Chart) -> String {
        let table = ChartTable(chart)
        var html =
            "<table class=\"comparison\">\n<caption>\(HTMLText.escape(chart.title))</caption>\n<thead><tr><th scope=\"col\">"
        html += HTMLText.escape(table.rowHeader) + "</th>"
        for column in table.columns { html += "<th scope=\"col\">\(HTMLText.escape(column))</th>" }
        html += "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            html += "<tr><th scope=\"row\">\(HTMLText.escape(row.label))</th>"
            for cell in row.cells { html += "<td>\(HTMLText.escape(cell?.text ?? "–"))</td>" }
            html += "</tr>\n"
        }
        html += "</tbody>\n</table>\n"
        if let note = chart.note { html += "<p class=\"muted\">\(HTMLText.escape(note))</p>\n" }
        let sources = chart.sources.map { HTMLText.escape($0.publisher) }.joined(separator: "; ")
        return html + "<p class=\"muted\">Source: \(sources).</p>\n"
    }

    func timeline(_ events: [Event]) -> String {
        guard !events.isEmpty else { return "<p class=\"muted\">No events match this timeline.</p>\n" }
        var html = "<dl class=\"chronology\">\n"
        for event in events {
            html += "<dt>\(HTMLText.escape(event.date.display(book.site.config.dateStyle)))</dt>\n"
            html +=
                "<dd><a href=\"\(EPUBPages.chronologyFile(book))#event-\(HTMLText.escape(event.id.rawValue))\">\(HTMLText.escape(event.title))</a></dd>\n"
        }
        return html + "</dl>\n"
    }

    func table(_ comparison: Comparison) -> String {
        let facts = book.site.facts
        var sourceNumbers: [SourceID: Int] = [:]
        var sources: [SourceID] = []
        func number(for id: SourceID) -> Int {
            if let number = sourceNumbers[id] { return number }
            sources.append(id)
            sourceNumbers[id] = sources.count
            return sources.count
        }
        var html =
            "<table class=\"comparison\">\n<caption>\(HTMLText.escape(comparison.title))</caption>\n<thead><tr><th scope=\"col\">\(HTMLText.escape(comparison.rowHeader))</th>"
        for column in comparison.columns {
            html +=
                "<th scope=\"col\"\(column.type.isNumeric ? " class=\"num\"" : "")>\(HTMLText.escape(column.headerWithUnit))</th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for row in comparison.rows {
            html += "<tr><th scope=\"row\">\(HTMLText.escape(row.label))</th>"
            for column in comparison.columns {
                let numeric = column.type.isNumeric ? " class=\"num\"" : ""
                guard let cell = row.cells[column.id] else {
                    html += "<td\(numeric)><span class=\"muted\">unknown</span></td>"
                    continue
                }
                html += "<td\(numeric)>\(HTMLText.escape(cell.displayText(in: column)))<sup>\(number(for: cell.source))</sup>"
                if cell.value != .date(cell.asOf) {
                    html += "<br /><small>as of \(HTMLText.escape(cell.asOf.shortDisplay))</small>"
                }
                if let note = cell.note { html += "<br /><small><em>\(HTMLText.escape(note))</em></small>" }
                html += "</td>"
            }
            html += "</tr>\n"
        }
        html += "</tbody>\n</table>\n"
        if let description = book.site.factTexts.comparisonDescriptions[comparison.id] {
            let style = HTMLStyle(
                headingAnchors: false, linkURL: { [book] link in EPUBPages.href(for: link, in: book) }, omitsRawHTML: true,
                extensionMarkup: .book, highlightsCode: false).withImagesAsText
            html +=
                "<p class=\"table-note\">" + HTMLWriter<Never>.html(TypstComponentWriter.inlines(of: description), style: style)
                + "</p>\n"
        }
        let list = sources.compactMap { id -> String? in
            guard let source = facts.source(id), let number = sourceNumbers[id] else { return nil }
            return
                "\(number). <a href=\"\(HTMLText.escape(source.url))\">\(HTMLText.escape(source.publisher))</a>, “\(HTMLText.escape(source.title))”"
                + (source.date.map { ", " + HTMLText.escape($0.display(book.site.config.dateStyle)) } ?? "")
        }
        if !list.isEmpty { html += "<p class=\"table-sources\">Sources: \(list.joined(separator: "; "))</p>\n" }
        return html
    }
}
