import BroadsheetContent
import BroadsheetCore
import BroadsheetDocument
import BroadsheetFacts
import Foundation

/// The XHTML pages of the EPUB: the title page, one file per chapter and appendix (written by
/// `HTMLWriter` from the same tree as the website, with links leading into the book), the
/// chronology and the bibliography.
struct EPUBPages {
    let book: PrintBook

    /// The file of a part.
    static func fileName(position: Int) -> String { String(format: "part-%02d.xhtml", position) }

    /// A whole XHTML document around `body`.
    func page(title: String, body: String, bodyClass: String = "") -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE html>
        <html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="\(HTMLText.escape(book.site.config.language))" xml:lang="\(HTMLText.escape(book.site.config.language))">
        <head>
        <meta charset="UTF-8" />
        <title>\(HTMLText.escape(title))</title>
        <link rel="stylesheet" type="text/css" href="style.css" />
        </head>
        <body\(bodyClass.isEmpty ? "" : " class=\"\(bodyClass)\"")>
        \(body)
        </body>
        </html>

        """
    }

    func titlePage() -> String {
        let config = book.site.config
        var body = "<section class=\"title-page\" epub:type=\"titlepage\">\n"
        body += "<p class=\"publisher\">\(HTMLText.escape(config.publisher))</p>\n"
        body += "<h1>\(HTMLText.escape(config.title))</h1>\n"
        if let subtitle = config.subtitle { body += "<p class=\"subtitle\">\(HTMLText.escape(subtitle))</p>\n" }
        body += "<p class=\"byline\">\(HTMLText.escape(config.author))"
        if let date = book.dateDisplay { body += "<br />\(HTMLText.escape(date))" }
        body +=
            "</p>\n<p class=\"url\"><a href=\"\(HTMLText.escape(config.baseURL))\">\(HTMLText.escape(config.baseURL))</a></p>\n</section>"
        return page(title: config.title, body: body)
    }

    /// A chapter or appendix: kicker, title, summary, body, References.
    func part(_ part: PrintBook.Part) throws(Diagnostic) -> String {
        let document = part.document
        let book = self.book
        let style = HTMLStyle(
            headingAnchors: false, linkURL: { link in Self.href(for: link, in: book) }, omitsRawHTML: true,
            extensionMarkup: .book, highlightsCode: false).withImagesAsText
        let components = EPUBComponents(book: book)
        let html = try HTMLWriter<Component>.html(document.body, style: style) { (component: Component) throws(Diagnostic) in
            components.render(component)
        }
        var body = "<section epub:type=\"\(part.isAppendix ? "appendix" : "chapter")\" aria-labelledby=\"part-title\">\n"
        body +=
            "<p class=\"kicker\">\(HTMLText.escape(part.kicker))</p>\n<h1 id=\"part-title\">\(HTMLText.escape(document.title))</h1>\n"
        if let summary = document.summary { body += "<p class=\"deck\">\(HTMLText.escape(summary))</p>\n" }
        body += html
        if !document.citations.isEmpty {
            body +=
                "<section class=\"references\" epub:type=\"endnotes\" aria-labelledby=\"part-references\">\n<h2 id=\"part-references\">References</h2>\n<ol>\n"
            for citation in document.citations {
                guard let source = book.site.facts.source(citation.source) else { continue }
                body +=
                    "<li id=\"ref-\(citation.number)\" value=\"\(citation.number)\">\(Self.citation(source, book: book))</li>\n"
            }
            body += "</ol>\n</section>\n"
        }
        body += "</section>"
        return page(title: document.title, body: body)
    }

    func chronology(kicker: String, figure: String?) -> String {
        let facts = book.site.facts
        var body =
            "<section epub:type=\"appendix\" aria-labelledby=\"part-title\">\n<p class=\"kicker\">\(HTMLText.escape(kicker))</p>\n<h1 id=\"part-title\">Chronology</h1>\n"
        body += "<p class=\"deck\">Every dated event of the report, \(facts.events.count) in all, with its sources.</p>\n"
        if let figure {
            body +=
                "<figure><img src=\"\(figure)\" alt=\"Timeline overview: \(facts.events.count) events, one lane per main actor.\" /><figcaption>The timeline at a glance: one lane per main actor; busier years are drawn wider.</figcaption></figure>\n"
        }
        var year: Int?
        for event in facts.events {
            if event.date.year != year {
                if year != nil { body += "</dl>\n" }
                year = event.date.year
                body += "<h2>\(event.date.year)</h2>\n<dl class=\"chronology\">\n"
            }
            body +=
                "<dt id=\"event-\(HTMLText.escape(event.id.rawValue))\">\(HTMLText.escape(event.date.display(book.site.config.dateStyle)))"
            if let end = event.end { body += " – \(HTMLText.escape(end.display(book.site.config.dateStyle)))" }
            body += "</dt>\n<dd><strong>\(HTMLText.escape(event.title))</strong>"
            if event.confidence == .medium { body += " <span class=\"muted\">(reported)</span>" }
            if let summary = book.site.factTexts.eventSummaries[event.id] {
                body += "<br />" + HTMLWriter<Never>.html(TypstComponentWriter.inlines(of: summary), style: factStyle)
            }
            let sources = event.sources.compactMap { id in book.site.facts.source(id) }.map { source in
                "<a href=\"\(Self.bibliographyFile(book))#source-\(HTMLText.escape(source.id.rawValue))\">\(HTMLText.escape(source.publisher))</a>"
            }
            if !sources.isEmpty { body += "<br /><span class=\"sources\">Sources: \(sources.joined(separator: "; "))</span>" }
            body += "</dd>\n"
        }
        if year != nil { body += "</dl>\n" }
        body += "</section>"
        return page(title: "Chronology", body: body)
    }

    func bibliography(kicker: String) -> String {
        let sources = book.site.facts.sources.sorted {
            ($0.publisher.lowercased(), $0.title.lowercased(), $0.id.rawValue)
                < ($1.publisher.lowercased(), $1.title.lowercased(), $1.id.rawValue)
        }
        var body =
            "<section epub:type=\"bibliography\" aria-labelledby=\"part-title\">\n<p class=\"kicker\">\(HTMLText.escape(kicker))</p>\n<h1 id=\"part-title\">Bibliography</h1>\n"
        body +=
            "<p class=\"deck\">Every source the report and its facts rest on, \(sources.count) in all.</p>\n<ul class=\"bibliography\">\n"
        for source in sources {
            body += "<li id=\"source-\(HTMLText.escape(source.id.rawValue))\">\(Self.citation(source, book: book))</li>\n"
        }
        body += "</ul>\n</section>"
        return page(title: "Bibliography", body: body)
    }

    /// Fact texts link like chapters do.
    private var factStyle: HTMLStyle {
        let book = self.book
        return HTMLStyle(
            headingAnchors: false, linkURL: { link in Self.href(for: link, in: book) }, omitsRawHTML: true,
            extensionMarkup: .book, highlightsCode: false).withImagesAsText
    }

    // MARK: - Links and citations

    static func bibliographyFile(_ book: PrintBook) -> String { fileName(position: book.bibliographyPosition) }
    static func chronologyFile(_ book: PrintBook) -> String { fileName(position: book.chronologyPosition) }

    /// Where a link of the tree leads in the EPUB: a part's file, an event or source entry, or the web.
    static func href(for link: ResolvedLink, in book: PrintBook) -> String {
        switch book.destination(of: link) {
        case .part(let slug, let fragment):
            guard let part = book.part(slug) else { return "" }
            return fileName(position: part.position) + (fragment.map { "#" + $0 } ?? "")
        case .event(let id): return chronologyFile(book) + "#event-" + id
        case .source(let id): return bibliographyFile(book) + "#source-" + id
        case .web(let url): return url
        case .none: return ""
        }
    }

    /// Publisher (via …), “Title”, date, language, note, address: as in the PDF.
    static func citation(_ source: Source, book: PrintBook) -> String {
        var text = "<strong>\(HTMLText.escape(source.publisher))</strong>"
        if let via = source.via { text += " (via \(HTMLText.escape(via)))" }
        let isDescriptive = source.title.hasPrefix("[") && source.title.hasSuffix("]")
        text +=
            isDescriptive
            ? ", \(HTMLText.escape(String(source.title.dropFirst().dropLast())))"
            : ", “<span lang=\"\(HTMLText.escape(source.language))\" xml:lang=\"\(HTMLText.escape(source.language))\">\(HTMLText.escape(source.title))</span>”"
        if let date = source.date { text += ", \(HTMLText.escape(date.display(book.site.config.dateStyle)))" }
        if source.language != book.site.config.language {
            text += " (in \(HTMLText.escape(TypstBibliography.languageName(source.language))))"
        }
        text += ". "
        if let note = source.note { text += HTMLText.escape(note) + (note.hasSuffix(".") ? " " : ". ") }
        text += "<a class=\"url\" href=\"\(HTMLText.escape(source.url))\">\(HTMLText.escape(source.url))</a>"
        if let archive = source.archiveURL {
            text += " (archived: <a class=\"url\" href=\"\(HTMLText.escape(archive))\">\(HTMLText.escape(archive))</a>)"
        }
        return text
    }
}
