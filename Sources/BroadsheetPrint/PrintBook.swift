import BroadsheetContent
import BroadsheetCore
import BroadsheetDocument
import BroadsheetFacts
import Foundation

/// The print edition laid out once for both outputs: its parts in order, their numbers and
/// labels, and where each link of the document tree leads inside the book.
struct PrintBook: Sendable {
    /// A chapter or appendix made from an article or page.
    struct Part: Sendable {
        /// "Chapter 3" or "Appendix B".
        var kicker: String
        /// The document it prints.
        var document: Document
        /// True for an appendix.
        var isAppendix: Bool
        /// The part's position among all parts, from 1: the EPUB file `part-NN.xhtml`.
        var position: Int
    }

    /// Where a link of the tree leads in print.
    enum Destination: Equatable {
        /// A part, or a heading of one (`fragment` is the heading id).
        case part(slug: String, fragment: String?)
        /// An event of the chronology.
        case event(String)
        /// A source of the bibliography.
        case source(String)
        /// An address outside the book (the website's own pages made absolute).
        case web(String)
        /// Nothing to link to (a removed unsafe URL).
        case none
    }

    let site: Site
    let parts: [Part]
    /// The chronology appendix: every event, with the timeline overview as its figure.
    let chronologyKicker: String?
    /// The bibliography appendix: every source.
    let bibliographyKicker: String?
    private let partBySlug: [String: Part]

    init(site: Site) {
        self.site = site
        let documents = Dictionary(site.documents.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        var parts: [Part] = []
        for (index, slug) in site.printContents.chapters.enumerated() {
            guard let document = documents[slug] else { continue }
            parts.append(Part(kicker: "Chapter \(index + 1)", document: document, isAppendix: false, position: parts.count + 1))
        }
        var letter = 0
        func nextAppendix() -> String {
            defer { letter += 1 }
            return "Appendix " + Self.letters(letter)
        }
        for slug in site.printContents.appendices {
            guard let document = documents[slug] else { continue }
            parts.append(Part(kicker: nextAppendix(), document: document, isAppendix: true, position: parts.count + 1))
        }
        self.parts = parts
        chronologyKicker = site.facts.events.isEmpty ? nil : nextAppendix()
        bibliographyKicker = site.facts.sources.isEmpty ? nil : nextAppendix()
        partBySlug = Dictionary(parts.map { ($0.document.slug, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// A, B, …, Z, AA, AB, …
    static func letters(_ index: Int) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        return index < 26 ? String(alphabet[index]) : letters(index / 26 - 1) + String(alphabet[index % 26])
    }

    /// The part printing `slug`, if the edition holds it.
    func part(_ slug: String) -> Part? { partBySlug[slug] }

    /// The EPUB file of the chronology and of the bibliography, after the parts.
    var chronologyPosition: Int { parts.count + 1 }
    var bibliographyPosition: Int { parts.count + (chronologyKicker == nil ? 1 : 2) }

    /// Where `link` leads: into the book when the book holds its target, else to the web.
    func destination(of link: ResolvedLink) -> Destination {
        let fragment = link.href.firstIndex(of: "#").map { String(link.href[link.href.index(after: $0)...]) }
        switch link.target {
        case .article(let slug), .page(let slug):
            if part(slug) != nil { return .part(slug: slug, fragment: fragment.flatMap { $0.isEmpty ? nil : $0 }) }
        case .event(let id):
            if chronologyKicker != nil && site.facts.event(EventID(id)) != nil { return .event(id) }
        case .source(let id):
            if bibliographyKicker != nil && site.facts.source(SourceID(id)) != nil { return .source(id) }
        case .removed:
            return .none
        case .fragment, .entity, .comparison, .sitePath, .external:
            break
        }
        return link.href.isEmpty ? .none : .web(webURL(link.href))
    }

    /// A root-relative site path made absolute with the site's origin; other URLs as they are.
    func webURL(_ href: String) -> String {
        href.hasPrefix("/") && !href.hasPrefix("//") ? site.config.origin + href : href
    }

    /// The date line of the cover and the metadata: the newest article's date, else none.
    var dateDisplay: String? {
        let dates = site.articles.compactMap { $0.updated ?? $0.date }
        guard let newest = dates.max() else { return nil }
        return newest.display(site.config.dateStyle)
    }

    /// The newest article's date as YYYY-MM-DD, for metadata.
    var dateISO: String? {
        guard let newest = site.articles.compactMap({ $0.updated ?? $0.date }).max() else { return nil }
        return String(format: "%04d-%02d-%02d", newest.year, newest.month, newest.day)
    }
}
