import BroadsheetCore
import BroadsheetDocument
import BroadsheetFacts
import BroadsheetMarkdown

/// Resolves Broadsheet's link schemes (`article:`, `page:`, `source:`, `entity:`, `event:`,
/// `compare:`) against the site, reporting unknown targets at their location.
struct LinkResolver: Sendable {
    let permalinks: Permalinks
    let facts: FactBook
    /// Published article slugs.
    let articleSlugs: Set<String>
    /// Published page slugs.
    let pageSlugs: Set<String>
    /// Slugs of drafts left out of this build.
    let excludedDrafts: Set<String>
    /// The files of `Content/media/`.
    var media = MediaLibrary()
    /// Slugs of articles dated in the future, left out of this build (without `--future`).
    var excludedFuture: Set<String> = []

    static let schemes: Set<String> = ["article", "page", "source", "entity", "event", "compare"]

    /// Numbers citations in order of first use within one document.
    struct CitationLedger {
        private(set) var citations: [Citation] = []
        private var numbers: [SourceID: Int] = [:]

        mutating func cite(_ id: SourceID) -> (number: Int, occurrence: Int) {
            if let index = numbers[id] {
                citations[index].occurrences += 1
                return (citations[index].number, citations[index].occurrences)
            }
            numbers[id] = citations.count
            citations.append(Citation(number: citations.count + 1, source: id, occurrences: 1))
            return (citations.count, 1)
        }
    }

    /// Resolves one link; `ledger` is nil where citations are not allowed (fact summaries).
    func resolve(
        _ link: MarkdownLink, at location: SourceLocation, ledger: inout CitationLedger?,
        diagnostics: inout [Diagnostic]
    ) -> LinkResolution {
        if link.isImage, let problem = Self.altProblem(link, at: location) { diagnostics.append(problem) }
        if link.scheme == nil, let name = MediaLibrary.name(in: link.destination) {
            return resolveMedia(name, link, at: location, diagnostics: &diagnostics)
        }
        if link.isImage && Self.isDecorative(link) && !link.isUnsafe {
            let isRootRelative = link.destination.hasPrefix("/") && !link.destination.hasPrefix("//")
            let href = isRootRelative ? permalinks.basePath + link.destination.dropFirst() : link.destination
            return .image(
                ImageResolution(target: link.scheme == nil ? .sitePath : .external, href: href, isDecorative: true))
        }
        // Root-relative links mean the site's root, which may sit under a path (/report/).
        if link.destination.hasPrefix("/") && !link.destination.hasPrefix("//") {
            return .link(.sitePath, href: permalinks.basePath + link.destination.dropFirst())
        }
        guard let scheme = link.scheme, Self.schemes.contains(scheme) else { return .keep }
        let target = link.target.trimmingWhitespace()
        func unknown(_ kind: String, _ candidates: [String], _ fallback: String) -> LinkResolution {
            diagnostics.append(
                .error(
                    at: location, "link to unknown \(kind) '\(target)'",
                    hint: Suggestion.hint(for: target, in: candidates, otherwise: fallback)))
            return .textOnly
        }
        switch scheme {
        case "article", "page":
            let slugs = scheme == "article" ? articleSlugs : pageSlugs
            let (slug, fragment) = splitFragment(target)
            if slugs.contains(slug) {
                let path = scheme == "article" ? permalinks.article(slug) : permalinks.page(slug)
                return .link(scheme == "article" ? .article(slug) : .page(slug), href: permalinks.href(path) + fragment)
            }
            if scheme == "article" && excludedFuture.contains(slug) {
                diagnostics.append(
                    .error(
                        at: location,
                        "link to the article '\(slug)', which is dated in the future and not published in this build",
                        hint: "build with --future to include it, wait for its date, or remove the link"))
                return .textOnly
            }
            if excludedDrafts.contains(slug) {
                diagnostics.append(
                    .error(
                        at: location, "link to the draft \(scheme) '\(slug)', which is not published in this build",
                        hint: "publish it (remove `draft: true`), build with --drafts, or remove the link"))
                return .textOnly
            }
            return unknown(scheme, Array(slugs), "check the slug in Content/\(scheme)s/")
        case "entity":
            guard facts.entity(EntityID(target)) != nil else {
                return unknown("entity", facts.entities.map(\.id.rawValue), "add it to Content/facts/entities.yaml")
            }
            return .link(.entity(target), href: permalinks.href(permalinks.entity(EntityID(target))))
        case "event":
            guard facts.event(EventID(target)) != nil else {
                return unknown("event", facts.events.map(\.id.rawValue), "add it to Content/facts/events.yaml")
            }
            return .link(.event(target), href: permalinks.eventHref(EventID(target)))
        case "compare":
            guard facts.comparison(ComparisonID(target)) != nil else {
                return unknown("comparison", facts.comparisons.map(\.id.rawValue), "add it to Content/facts/comparisons.yaml")
            }
            return .link(.comparison(target), href: permalinks.href(permalinks.comparison(ComparisonID(target))))
        default:
            return cite(target, at: location, ledger: &ledger, diagnostics: &diagnostics)
        }
    }

    private func cite(
        _ target: String, at location: SourceLocation, ledger: inout CitationLedger?, diagnostics: inout [Diagnostic]
    ) -> LinkResolution {
        // Split on the bytes: splitting a String by Character reads it grapheme by grapheme.
        let ids = target.utf8.split(separator: UInt8(ascii: ",")).map { SourceID(Substring($0).trimmingWhitespace()) }
        var marks: [CitationMark] = []
        for id in ids {
            guard let source = facts.source(id) else {
                diagnostics.append(
                    .error(
                        at: location, "unknown source id '\(id)'",
                        hint: Suggestion.hint(
                            for: id.rawValue, in: facts.sources.map(\.id.rawValue),
                            otherwise: "add it to Content/facts/sources.yaml or correct the id")))
                continue
            }
            let sourceHref = permalinks.sourceHref(id)
            guard ledger != nil else {
                marks.append(
                    CitationMark(
                        number: nil, occurrence: 1, sourceID: id.rawValue, publisher: source.publisher, sourceHref: sourceHref))
                continue
            }
            let (number, occurrence) = ledger!.cite(id)
            marks.append(
                CitationMark(
                    number: number, occurrence: occurrence, sourceID: id.rawValue, publisher: source.publisher,
                    sourceHref: sourceHref))
        }
        guard !marks.isEmpty else { return .textOnly }
        return .textFollowedBy(marks)
    }

    /// A link or image into `Content/media/`: the hashed address, with the image's size.
    private func resolveMedia(
        _ name: String, _ link: MarkdownLink, at location: SourceLocation, diagnostics: inout [Diagnostic]
    ) -> LinkResolution {
        guard let file = media.files[name] else {
            diagnostics.append(
                .error(
                    at: location, "unknown media file '\(name)'",
                    hint: Suggestion.hint(
                        for: name, in: media.files.keys,
                        otherwise: "put the file at \(MediaLibrary.folder)/\(name), or correct the name")))
            return .textOnly
        }
        let href = permalinks.href(SitePath(file: file.outputPath))
        return .image(
            ImageResolution(
                target: .sitePath, href: href, width: file.size?.width, height: file.size?.height,
                isDecorative: link.isImage && Self.isDecorative(link)))
    }

    /// `![decorative](…)`: an image that only decorates, written with an empty `alt`.
    static func isDecorative(_ link: MarkdownLink) -> Bool {
        link.text.trimmingCharacters(in: .whitespaces).lowercased() == "decorative"
    }

    /// The error for an image without a description.
    static func altProblem(_ link: MarkdownLink, at location: SourceLocation) -> Diagnostic? {
        guard link.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
        return .error(
            at: location, "this image has no alt text",
            hint: "describe what it shows between the brackets, e.g. ![Taobao's checkout page in 2024](\(link.destination)); "
                + "for a purely decorative image write ![decorative](\(link.destination))")
    }

    private func splitFragment(_ target: String) -> (String, String) {
        guard let hash = target.firstIndex(of: "#") else { return (target, "") }
        return (String(target[..<hash]), String(target[hash...]))
    }
}
