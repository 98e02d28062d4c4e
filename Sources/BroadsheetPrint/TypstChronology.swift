import BroadsheetContent
import BroadsheetCore
import BroadsheetDocument
import BroadsheetFacts

/// The chronology appendix: the timeline overview as a figure, then every event by year,
/// each with its date, title, summary and sources (linked to the bibliography).
struct TypstChronology {
    let book: PrintBook

    func appendix(kicker: String, figure: String?) -> String {
        let facts = book.site.facts
        var lines = [
            PrintRenderer.opening(kicker: kicker, title: "Chronology", label: TypstText.label("part", "chronology")),
            "#deck[Every dated event of the report, \(facts.events.count) in all, with its sources.]",
        ]
        if let figure {
            let first = facts.events.first.map { $0.date.display(book.site.config.dateStyle) } ?? ""
            let last = facts.events.last.map { $0.date.display(book.site.config.dateStyle) } ?? ""
            lines.append(
                "#figure(image(\(TypstText.string(figure)), width: 100%, alt: \(TypstText.string("Timeline overview: \(facts.events.count) events from \(first) to \(last), one lane per main actor."))), caption: [The timeline at a glance: one lane per main actor; busier years are drawn wider.])"
            )
        }
        var year: Int?
        for event in facts.events {
            if event.date.year != year {
                year = event.date.year
                lines.append("== \(event.date.year)")
            }
            lines.append(entry(event))
        }
        return lines.joined(separator: "\n\n")
    }

    /// One event: date in the margin column, then title, summary and sources.
    func entry(_ event: Event) -> String {
        var date = TypstText.markup(event.date.display(book.site.config.dateStyle))
        if let end = event.end { date += " –#linebreak()" + TypstText.markup(end.display(book.site.config.dateStyle)) }
        var body = "#strong[\(TypstText.markup(event.title))]"
        if event.confidence == .medium { body += " #text(font: sans, size: 7.5pt, fill: luma(40%))[(reported)]" }
        if let summary = book.site.factTexts.eventSummaries[event.id] {
            let writer = TypstMarkupWriter<Never>(book: book, slug: "chronology") { (never: Never) throws(Diagnostic) -> String in
            }
            body += " \\\n" + writer.markup(TypstComponentWriter.inlines(of: summary))
        }
        let sources = event.sources.compactMap { id -> String? in
            guard let source = book.site.facts.source(id) else { return nil }
            return "#link(\(TypstText.label("source", id.rawValue)))[\(TypstText.markup(source.publisher))]"
        }
        if !sources.isEmpty {
            body += " \\\n#text(font: sans, size: 7.5pt, fill: luma(35%))[Sources: \(sources.joined(separator: "; "))]"
        }
        return "#block(breakable: false, grid(columns: (7.5em, 1fr), column-gutter: 1em, "
            + "text(font: sans, size: 8.5pt, weight: \"bold\")[\(date)], [\(body)])) \(TypstText.label("event", event.id.rawValue))"
    }

    /// An event's title linked to its entry, for the short chronologies inside chapters.
    func eventTitle(_ event: Event) -> String {
        "#link(\(TypstText.label("event", event.id.rawValue)))[\(TypstText.markup(event.title))]"
    }
}
