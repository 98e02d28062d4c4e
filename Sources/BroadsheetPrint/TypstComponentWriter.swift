import BroadsheetCharts
import BroadsheetContent
import BroadsheetCore
import BroadsheetDocument
import BroadsheetFacts
import Foundation

/// Draws components for print: a timeline as a short chronology, a comparison as a table
/// that breaks across pages with its header repeated, its sources and as-of dates below.
///
/// A new `Component` case is one more branch of `render`.
struct TypstComponentWriter {
    let book: PrintBook
    /// The part the component stands in.
    let slug: String

    func render(_ component: Component) throws(Diagnostic) -> String {
        switch component {
        case .timeline(let query):
            return timeline(query.select(from: book.site.facts))
        case .comparison(let comparison):
            return table(comparison)
        case .chart(let chart):
            return figure(chart)
        }
    }

    /// A chart as a vector figure (the same drawing as the website's, in colours that stay
    /// apart in grayscale), captioned with its title, note and sources.
    func figure(_ chart: Chart) -> String {
        let svg = ChartSVG.render(chart, style: .print)
        let sources = chart.sources.map { "\($0.publisher)" }.joined(separator: "; ")
        // Sentences joined with one full stop each, whether or not the author ended them with one.
        func sentence(_ text: String) -> String {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            return TypstText.markup(trimmed.last.map { ".!?".contains($0) } == true ? trimmed : trimmed + ".")
        }
        var caption = sentence(chart.title)
        if let note = chart.note { caption += " " + sentence(note) }
        caption += " " + sentence("Source: " + sources)
        return "#figure(image(bytes(\(TypstText.string(svg))), format: \"svg\", width: 100%, alt: "
            + TypstText.string(ChartSVG.description(of: chart)) + "), caption: [\(caption)])"
    }

    /// The selected events as a dated list; each title leads to its entry in the chronology.
    func timeline(_ events: [Event]) -> String {
        guard !events.isEmpty else { return "#emph[No events match this timeline.]" }
        let chronology = TypstChronology(book: book)
        var cells: [String] = []
        for event in events {
            cells.append(
                "text(font: sans, size: 8.5pt, weight: \"bold\")[\(TypstText.markup(event.date.display(book.site.config.dateStyle)))]"
            )
            cells.append("[\(chronology.eventTitle(event))]")
        }
        return "#block(inset: (y: 0.4em), grid(columns: (7.5em, 1fr), row-gutter: 0.65em, column-gutter: 1em,\n  "
            + cells.joined(separator: ",\n  ") + ",\n))"
    }

    /// A comparison as a captioned table: rows against columns, each value with its source
    /// number (and as-of date where it differs from the value), the sources listed below.
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
        // Fractions of the width, never `auto`: a long header must not starve the text columns.
        let columns =
            ["1.3fr"]
            + comparison.columns.map { column in
                switch column.type {
                case .text: "2fr"
                case .boolean: "0.8fr"
                default: "1fr"
                }
            }
        let alignments = ["left"] + comparison.columns.map { $0.type.isNumeric ? "right" : "left" }
        var cells: [String] = []
        for row in comparison.rows {
            cells.append("[\(TypstText.markup(row.label))]")
            for column in comparison.columns {
                guard let cell = row.cells[column.id] else {
                    cells.append("text(fill: luma(45%))[unknown]")
                    continue
                }
                var text = TypstText.markup(cell.displayText(in: column)) + "#super[\(number(for: cell.source))]"
                if cell.value != .date(cell.asOf) {
                    text += "#linebreak()#text(size: 7pt, fill: luma(40%))[as of \(TypstText.markup(cell.asOf.shortDisplay))]"
                }
                if let note = cell.note { text += "#linebreak()#text(size: 7pt, style: \"italic\")[\(TypstText.markup(note))]" }
                cells.append("[\(text)]")
            }
        }
        let header =
            (["[\(TypstText.markup(comparison.rowHeader))]"]
            + comparison.columns.map { "[\(TypstText.markup($0.headerWithUnit))]" }).joined(separator: ", ")
        var lines = [
            "#figure(kind: table, caption: [\(TypstText.markup(comparison.title))],",
            "  table(columns: (\(columns.joined(separator: ", "))), align: (\(alignments.joined(separator: ", "))),",
            "    table.header(repeat: true, \(header)),",
            "    " + cells.joined(separator: ", "),
            "  )",
            ")",
        ]
        if let description = book.site.factTexts.comparisonDescriptions[comparison.id] {
            let writer = TypstMarkupWriter<Never>(book: book, slug: slug) { (never: Never) throws(Diagnostic) -> String in }
            lines.append("#text(size: 9pt)[\(writer.markup(Self.inlines(of: description)))]")
        }
        let sourceList = sources.compactMap { id -> String? in
            guard let source = facts.source(id), let number = sourceNumbers[id] else { return nil }
            return "\(number). \(TypstBibliography.shortCitation(source, book: book))"
        }
        if !sourceList.isEmpty {
            lines.append(
                "#block(above: 0.6em, below: 1.4em, text(font: sans, size: 7.5pt, fill: luma(25%))[Sources: \(sourceList.joined(separator: "; "))])"
            )
        }
        return lines.joined(separator: "\n")
    }

    /// The inline content of a one-paragraph fact text.
    static func inlines(of text: FactText) -> [Inline] {
        text.flatMap { block -> [Inline] in
            if case .paragraph(let inlines, _) = block { return inlines }
            return []
        }
    }
}
