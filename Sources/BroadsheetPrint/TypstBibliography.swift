import BroadsheetContent
import BroadsheetFacts

/// The bibliography appendix: every source, by publisher, with its address; and the citation
/// text that References lists share.
struct TypstBibliography {
    let book: PrintBook

    func appendix(kicker: String) -> String {
        let sources = book.site.facts.sources.sorted {
            ($0.publisher.lowercased(), $0.title.lowercased(), $0.id.rawValue)
                < ($1.publisher.lowercased(), $1.title.lowercased(), $1.id.rawValue)
        }
        var lines = [
            PrintRenderer.opening(kicker: kicker, title: "Bibliography", label: TypstText.label("part", "bibliography")),
            "#deck[Every source the report and its facts rest on, \(sources.count) in all.]",
            "#set par(justify: false)",
        ]
        for source in sources {
            lines.append(
                "#block(above: 0.75em, text(size: 9pt)[\(Self.citation(source, book: book))]) "
                    + TypstText.label("source", source.id.rawValue))
        }
        return lines.joined(separator: "\n")
    }

    /// Publisher (via …), “Title”, date, language, note, address and archived copy.
    static func citation(_ source: Source, book: PrintBook) -> String {
        var text = "#strong[\(TypstText.markup(source.publisher))]"
        if let via = source.via { text += " (via \(TypstText.markup(via)))" }
        let isDescriptive = source.title.hasPrefix("[") && source.title.hasSuffix("]")
        text +=
            isDescriptive
            ? ", \(TypstText.markup(String(source.title.dropFirst().dropLast())))"
            : ", “\(TypstText.markup(source.title))”"
        if let date = source.date { text += ", \(TypstText.markup(date.display(book.site.config.dateStyle)))" }
        if source.language != book.site.config.language { text += " (in \(TypstText.markup(languageName(source.language))))" }
        text += ". "
        if let note = source.note { text += TypstText.markup(note) + (note.hasSuffix(".") ? " " : ". ") }
        text += "#link(\(TypstText.string(source.url)))"
        if let archive = source.archiveURL { text += " (archived: #link(\(TypstText.string(archive))))" }
        return text
    }

    /// Publisher, “Title”, date: for the source lists under tables.
    static func shortCitation(_ source: Source, book: PrintBook) -> String {
        var text =
            "#link(\(TypstText.string(source.url)))[\(TypstText.markup(source.publisher))], “\(TypstText.markup(source.title))”"
        if let date = source.date { text += ", \(TypstText.markup(date.display(book.site.config.dateStyle)))" }
        return text
    }

    /// The English name of a language tag's language, or the tag.
    static func languageName(_ tag: String) -> String {
        let names = ["zh": "Chinese", "en": "English", "ja": "Japanese", "ko": "Korean", "de": "German", "fr": "French"]
        return names[String(tag.split(separator: "-").first ?? "").lowercased()] ?? tag
    }
}
