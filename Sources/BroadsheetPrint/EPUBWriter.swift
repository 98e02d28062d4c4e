import BroadsheetCharts
import BroadsheetContent
import BroadsheetCore
import Foundation
import ZIPFoundation

/// Writes the EPUB 3 edition: the package document, the navigation document, a cover, one
/// XHTML file per chapter and appendix, the stylesheet and the SVG figures, zipped with the
/// `mimetype` entry first and stored, as the OCF container requires.
public enum EPUBWriter {
    /// The EPUB's bytes; the same site gives the same bytes (entries are dated with the report).
    public static func write(_ site: Site, location: SourceLocation) throws(Diagnostic) -> Data {
        let book = PrintBook(site: site)
        let pages = EPUBPages(book: book)
        var entries: [(path: String, data: Data)] = []
        var manifest: [(id: String, href: String, type: String, properties: String?)] = []
        var spine: [String] = []
        func add(
            _ href: String, _ text: String, type: String = "application/xhtml+xml", id: String, properties: String? = nil,
            inSpine: Bool = true
        ) {
            entries.append(("OEBPS/" + href, Data(text.utf8)))
            manifest.append((id, href, type, properties))
            if inSpine { spine.append(id) }
        }
        add("cover.svg", coverSVG(book), type: "image/svg+xml", id: "cover-image", properties: "cover-image", inSpine: false)
        add("title.xhtml", pages.titlePage(), id: "title-page")
        add("nav.xhtml", navigation(book), id: "nav", properties: "nav")
        for part in book.parts {
            add(EPUBPages.fileName(position: part.position), try pages.part(part), id: "part-\(part.position)")
        }
        if let kicker = book.chronologyKicker {
            let svg = TimelineChart(facts: site.facts).render(id: "timeline", linkBase: nil, style: TimelineChart.printStyle)
            if let svg { add("timeline.svg", svg, type: "image/svg+xml", id: "timeline-figure", inSpine: false) }
            add(
                EPUBPages.chronologyFile(book), pages.chronology(kicker: kicker, figure: svg == nil ? nil : "timeline.svg"),
                id: "chronology")
        }
        if let kicker = book.bibliographyKicker {
            add(EPUBPages.bibliographyFile(book), pages.bibliography(kicker: kicker), id: "bibliography")
        }
        add("style.css", EPUBStyle.css, type: "text/css", id: "style", inSpine: false)
        let package = packageDocument(book, manifest: manifest, spine: spine)
        entries.insert(("META-INF/container.xml", Data(container.utf8)), at: 0)
        entries.insert(("OEBPS/content.opf", Data(package.utf8)), at: 1)
        return try zip(entries, date: modificationDate(book), location: location)
    }

    // MARK: - Package

    static let container = """
        <?xml version="1.0" encoding="UTF-8"?>
        <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
          <rootfiles>
            <rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
          </rootfiles>
        </container>

        """

    static func packageDocument(
        _ book: PrintBook, manifest: [(id: String, href: String, type: String, properties: String?)], spine: [String]
    ) -> String {
        let config = book.site.config
        let file = book.site.config.printEdition.file ?? Slug.make(from: config.title)
        let modified = (book.dateISO ?? "2000-01-01") + "T00:00:00Z"
        var metadata = [
            "<dc:identifier id=\"book-id\">\(HTMLText.escape(config.baseURL + file + ".epub"))</dc:identifier>",
            "<dc:title>\(HTMLText.escape(config.title))</dc:title>",
            "<dc:language>\(HTMLText.escape(config.language))</dc:language>",
            "<dc:creator>\(HTMLText.escape(config.author))</dc:creator>",
            "<dc:publisher>\(HTMLText.escape(config.publisher))</dc:publisher>",
            "<dc:description>\(HTMLText.escape(config.description))</dc:description>",
            "<dc:source>\(HTMLText.escape(config.baseURL))</dc:source>",
            "<meta property=\"dcterms:modified\">\(modified)</meta>",
            "<meta name=\"cover\" content=\"cover-image\"/>",
        ]
        if let date = book.dateISO { metadata.insert("<dc:date>\(date)</dc:date>", at: 5) }
        for subject in Set(book.parts.flatMap { $0.document.tags.map(\.name) }).sorted() {
            metadata.append("<dc:subject>\(HTMLText.escape(subject))</dc:subject>")
        }
        let items = manifest.map { item in
            "<item id=\"\(item.id)\" href=\"\(item.href)\" media-type=\"\(item.type)\"\(item.properties.map { " properties=\"\($0)\"" } ?? "")/>"
        }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="\(HTMLText.escape(config.language))">
              <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
                \(metadata.joined(separator: "\n    "))
              </metadata>
              <manifest>
                \(items.joined(separator: "\n    "))
              </manifest>
              <spine>
                \(spine.map { "<itemref idref=\"\($0)\"/>" }.joined(separator: "\n    "))
              </spine>
            </package>

            """
    }

    static func navigation(_ book: PrintBook) -> String {
        var items = book.parts.map { part in
            "<li><a href=\"\(EPUBPages.fileName(position: part.position))\">\(HTMLText.escape(part.kicker)): \(HTMLText.escape(part.document.title))</a></li>"
        }
        if let kicker = book.chronologyKicker {
            items.append("<li><a href=\"\(EPUBPages.chronologyFile(book))\">\(HTMLText.escape(kicker)): Chronology</a></li>")
        }
        if let kicker = book.bibliographyKicker {
            items.append("<li><a href=\"\(EPUBPages.bibliographyFile(book))\">\(HTMLText.escape(kicker)): Bibliography</a></li>")
        }
        let landmarks = [
            "<li><a epub:type=\"titlepage\" href=\"title.xhtml\">Title page</a></li>",
            book.parts.first.map {
                "<li><a epub:type=\"bodymatter\" href=\"\(EPUBPages.fileName(position: $0.position))\">Start of the report</a></li>"
            },
        ].compactMap { $0 }
        let body = """
            <nav epub:type="toc" id="toc" aria-labelledby="toc-title">
            <h1 id="toc-title">Contents</h1>
            <ol>
            \(items.joined(separator: "\n"))
            </ol>
            </nav>
            <nav epub:type="landmarks" id="landmarks" hidden="hidden">
            <h2>Landmarks</h2>
            <ol>
            \(landmarks.joined(separator: "\n"))
            </ol>
            </nav>
            """
        return EPUBPages(book: book).page(title: "Contents", body: body)
    }

    /// A typographic cover: publisher, title, subtitle, author.
    static func coverSVG(_ book: PrintBook) -> String {
        let config = book.site.config
        let titleLines = wrap(config.title, width: 18)
        let subtitleLines = wrap(config.subtitle ?? "", width: 40)
        var text = ""
        var y = 300
        for line in titleLines {
            text += "<text x=\"80\" y=\"\(y)\" class=\"title\">\(HTMLText.escape(line))</text>\n"
            y += 78
        }
        y += 30
        for line in subtitleLines {
            text += "<text x=\"80\" y=\"\(y)\" class=\"subtitle\">\(HTMLText.escape(line))</text>\n"
            y += 40
        }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" version="1.1" viewBox="0 0 1000 1500" width="1000" height="1500">
            <title>\(HTMLText.escape(config.title))</title>
            <style>
            text { font-family: 'Noto Sans', sans-serif; fill: #111; }
            .publisher { font-size: 34px; font-weight: bold; letter-spacing: 5px; fill: #8a1c1c; }
            .title { font-size: 68px; font-weight: bold; }
            .subtitle { font-size: 32px; font-style: italic; fill: #333; }
            .author { font-size: 30px; }
            </style>
            <rect width="1000" height="1500" fill="#fbf8f3"/>
            <rect x="80" y="150" width="840" height="6" fill="#8a1c1c"/>
            <text x="80" y="130" class="publisher">\(HTMLText.escape(config.publisher.uppercased()))</text>
            \(text)<text x="80" y="1380" class="author">\(HTMLText.escape(config.author))\(book.dateDisplay.map { " · " + HTMLText.escape($0) } ?? "")</text>
            </svg>

            """
    }

    /// Words of `text` in lines of at most about `width` characters.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if !current.isEmpty && current.count + word.count + 1 > width {
                lines.append(current)
                current = ""
            }
            current += (current.isEmpty ? "" : " ") + word
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    // MARK: - Container

    /// The report's date, so that building twice gives the same bytes.
    static func modificationDate(_ book: PrintBook) -> Date {
        guard let newest = book.site.articles.compactMap({ $0.updated ?? $0.date }).max() else {
            return Date(timeIntervalSince1970: 946_684_800)
        }
        return newest.instant
    }

    static func zip(_ entries: [(path: String, data: Data)], date: Date, location: SourceLocation) throws(Diagnostic) -> Data {
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            let mimetype = Data("application/epub+zip".utf8)
            try add(mimetype, at: "mimetype", to: archive, date: date, compression: .none)
            for entry in entries {
                try add(entry.data, at: entry.path, to: archive, date: date, compression: .deflate)
            }
            guard let data = archive.data else {
                let why = "the archive was not created in memory"
                throw Diagnostic.error(
                    at: location, "cannot write the EPUB: \(why)",
                    hint: "this is a bug in Broadsheet's EPUB writer; please report it")
            }
            return data
        } catch let diagnostic as Diagnostic {
            throw diagnostic
        } catch {
            throw .error(
                at: location, "cannot write the EPUB: \(error)",
                hint: "this is a bug in Broadsheet's EPUB writer; please report it")
        }
    }

    private static func add(_ data: Data, at path: String, to archive: Archive, date: Date, compression: CompressionMethod) throws
    {
        try archive.addEntry(
            with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: date, permissions: 0o644,
            compressionMethod: compression
        ) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
    }
}
