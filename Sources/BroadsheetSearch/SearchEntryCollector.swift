import BroadsheetContent
import BroadsheetCore
import BroadsheetDocument
import BroadsheetFacts
import Foundation

/// Turns the resolved site into search entries by walking its document trees and facts.
///
/// Articles come first (newest first), then pages, events (by date), entities, comparisons
/// and sources: the order that breaks ties between equally ranked results.
enum SearchEntryCollector {
    static func entries(of site: Site) -> [SearchEntry] {
        var entries = site.documents.parallelMap { entry(for: $0, in: site) }
        entries += factEntries(of: site)
        return entries
    }

    static func entry(for document: Document, in site: Site) -> SearchEntry {
        var sections = [SearchSection(anchor: "", heading: "", text: document.summary ?? "")]
        appendSections(of: document.body, to: &sections) { component in
            switch component {
            case .timeline: ""
            case .comparison(let comparison): comparison.title
            case .chart(let chart): [chart.title, chart.note ?? ""].filter { !$0.isEmpty }.joined(separator: ". ")
            }
        }
        return SearchEntry(
            key: "\(document.kind == .article ? "article" : "page")/\(document.slug)",
            kind: document.kind == .article ? .article : .page, title: document.title,
            href: site.permalinks.href(document.sitePath), date: document.date?.display(site.config.dateStyle),
            sections: sections.filter { !$0.text.isEmpty || !$0.anchor.isEmpty })
    }

    static func factEntries(of site: Site) -> [SearchEntry] {
        let facts = site.facts
        let permalinks = site.permalinks
        var entries: [SearchEntry] = []
        for event in facts.events {
            var text = plainText(site.factTexts.eventSummaries[event.id] ?? [])
            let names = event.entities.compactMap { facts.entity($0)?.name }
            if !names.isEmpty { text += (text.isEmpty ? "" : " ") + names.joined(separator: ", ") + "." }
            let style = site.config.dateStyle
            let date = event.end.map { "\(event.date.display(style)) – \($0.display(style))" } ?? event.date.display(style)
            entries.append(
                SearchEntry(
                    key: "event/\(event.id.rawValue)", kind: .event, title: event.title,
                    href: permalinks.eventHref(event.id), date: date,
                    sections: [SearchSection(anchor: "", heading: "", text: text)]))
        }
        for entity in facts.entities {
            let title = entity.nativeName.map { "\(entity.name) (\($0))" } ?? entity.name
            let description = plainText(site.factTexts.entityDescriptions[entity.id] ?? [])
            entries.append(
                SearchEntry(
                    key: "entity/\(entity.id.rawValue)", kind: .entity, title: title,
                    extraTitle: entity.shortName ?? "", href: permalinks.href(permalinks.entity(entity.id)), date: nil,
                    sections: [SearchSection(anchor: "", heading: "", text: description)]))
        }
        for comparison in facts.comparisons {
            var parts = [plainText(site.factTexts.comparisonDescriptions[comparison.id] ?? [])]
            parts.append(([comparison.rowHeader] + comparison.columns.map(\.headerWithUnit)).joined(separator: ", ") + ".")
            for row in comparison.rows {
                let cells = comparison.columns.compactMap { column -> String? in
                    guard let cell = row.cells[column.id] else { return nil }
                    return "\(column.label) \(cell.displayText(in: column))"
                }
                parts.append("\(row.label): \(cells.joined(separator: "; ")).")
            }
            entries.append(
                SearchEntry(
                    key: "comparison/\(comparison.id.rawValue)", kind: .comparison, title: comparison.title,
                    href: permalinks.href(permalinks.comparison(comparison.id)), date: nil,
                    sections: [SearchSection(anchor: "", heading: "", text: parts.filter { !$0.isEmpty }.joined(separator: " "))])
            )
        }
        for source in facts.sources {
            var parts = [source.via.map { "\(source.publisher) via \($0)" } ?? source.publisher]
            if let note = source.note { parts.append(note) }
            entries.append(
                SearchEntry(
                    key: "source/\(source.id.rawValue)", kind: .source, title: source.title,
                    href: permalinks.sourceHref(source.id), date: source.date?.display(site.config.dateStyle),
                    sections: [SearchSection(anchor: "", heading: "", text: parts.joined(separator: ". "))]))
        }
        return entries
    }

    // MARK: - The tree walk

    /// Appends the text of `blocks`, starting a new section at each heading with an id.
    static func appendSections<Embed>(
        of blocks: [Block<Embed>], to sections: inout [SearchSection], embed: (Embed) -> String
    ) {
        var pending = Array(blocks.reversed())
        while let block = pending.popLast() {
            switch block {
            case .heading(let heading, _):
                if heading.id.isEmpty {
                    append(heading.text, to: &sections)
                } else {
                    sections.append(SearchSection(anchor: heading.id, heading: heading.text, text: ""))
                }
            case .paragraph(let inlines, _): append(to: &sections) { Inline.appendPlainText(of: inlines, to: &$0) }
            case .blockQuote(let children, _): pending += children.reversed()
            case .list(let list, _): pending += list.items.flatMap { $0 }.reversed()
            case .codeBlock(let code, _): append(oneLine(code.literal), to: &sections)
            case .table(let table, _):
                for row in [table.header] + table.rows {
                    append(row.map { Inline.plainText(of: $0) }.joined(separator: " "), to: &sections)
                }
            case .embed(let value, _): append(embed(value), to: &sections)
            case .thematicBreak, .html: break
            }
        }
    }

    /// `text`'s lines joined by single spaces, blank lines dropped: what splitting it on
    /// `Character.isNewline` gives, read by scalar rather than grapheme by grapheme (a newline
    /// always ends a grapheme, and "\r\n" leaves an empty piece between its two scalars).
    static func oneLine(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isNewline) else { return text }
        return text.unicodeScalars.split(whereSeparator: isNewline).map(String.init).joined(separator: " ")
    }

    /// The scalars of `Character.isNewline`: LF, VT, FF, CR, NEL, LINE and PARAGRAPH SEPARATOR.
    private static func isNewline(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }

    private static func append(_ text: String, to sections: inout [SearchSection]) {
        append(to: &sections) { $0 += text }
    }

    /// Appends what `write` writes to the last section's text, after a space when the section
    /// already has text, without leading and trailing spaces and newlines; nothing (not even
    /// the space) when that leaves nothing. Written in place: a string per paragraph, then
    /// copied into the section, cost a fifth of collecting.
    private static func append(to sections: inout [SearchSection], _ write: (inout String) -> Void) {
        let last = sections.count - 1
        let separated = !sections[last].text.isEmpty
        if separated { sections[last].text += " " }
        let start = sections[last].text.utf8.count
        write(&sections[last].text)
        trimAppended(&sections[last].text, from: start, separated: separated)
    }

    /// Trims the text appended to `text` after byte `start`, and the separating space before
    /// it when nothing is left.
    static func trimAppended(_ text: inout String, from start: Int, separated: Bool) {
        var first = start
        var end = 0
        text.withUTF8 { bytes in
            end = bytes.count
            while end > start && isSpace(bytes[end - 1]) { end -= 1 }
            while first < end && isSpace(bytes[first]) { first += 1 }
        }
        // Rarely reached: most texts have no spaces to trim.
        if first == end {
            let cut = text.utf8.index(text.utf8.startIndex, offsetBy: separated ? start - 1 : start)
            text.removeSubrange(cut...)
            return
        }
        if end < text.utf8.count {
            let cut = text.utf8.index(text.utf8.startIndex, offsetBy: end)
            text.removeSubrange(cut...)
        }
        if first > start {
            let from = text.utf8.index(text.utf8.startIndex, offsetBy: start)
            let to = text.utf8.index(text.utf8.startIndex, offsetBy: first)
            text.removeSubrange(from..<to)
        }
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D }

    private static func noEmbed(_ never: Never) -> String {}

    static func plainText(_ blocks: FactText) -> String {
        var sections = [SearchSection(anchor: "", heading: "", text: "")]
        appendSections(of: blocks, to: &sections, embed: noEmbed)
        return sections.map(\.text).filter { !$0.isEmpty }.joined(separator: " ")
    }
}
