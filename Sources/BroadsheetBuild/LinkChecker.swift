import BroadsheetContent
import BroadsheetCore
import Foundation

/// The link check of every build: each `href` and `src` of every rendered page that leads
/// into the site must name a file the build writes, and its `#fragment` an `id` on that page.
///
/// It reads the pages only to check them; nothing it reads becomes output. A broken link an
/// author wrote is reported where it was written (`AuthoredLink`); one that no Markdown wrote
/// (a template, the menu in site.yaml) is reported once, with the pages that hold it.
public enum LinkChecker {
    /// Errors for every broken internal link of `files`, the complete output of a build.
    public static func check(_ files: [OutputFile], site: Site, templatesFolder: String = "Templates") -> [Diagnostic] {
        let pages: [(path: String, html: Data)] = files.compactMap { file in
            guard file.path.hasSuffix(".html"), case .data(let data) = file.contents else { return nil }
            return (file.path, data)
        }
        let scans = pages.map(\.html).parallelMap { PageLinks.scan($0) }
        var ids: [String: Set<String>] = [:]
        for (page, scan) in zip(pages, scans) { ids[page.path] = scan.ids }
        var resolver = LinkTargets(basePath: site.permalinks.basePath, paths: Set(files.map(\.path)), ids: ids)
        // The links each page's own Markdown wrote: its document's, or its newsletter edition's.
        let written = site.documents.map { ($0.sitePath.outputPath, $0.authoredLinks) }
            + site.editions.map { ($0.sitePath.outputPath, $0.authoredLinks) }
        let authoredByPage = Dictionary(written, uniquingKeysWith: { first, _ in first })

        var authored: [Diagnostic] = []
        var reported: Set<Diagnostic> = []
        var unattributed: [LinkProblem: [String]] = [:]
        for (page, scan) in zip(pages, scans) {
            var linksByHref: [String: [AuthoredLink]]?
            for link in scan.links {
                guard let problem = resolver.problem(with: link, onPage: page.path) else { continue }
                if let authoredLinks = authoredByPage[page.path] {
                    if linksByHref == nil {
                        linksByHref = Dictionary(grouping: authoredLinks) { LinkTargets.comparable($0.href) }
                    }
                    if let written = linksByHref?[LinkTargets.comparable(link)], !written.isEmpty {
                        for link in written {
                            let diagnostic = resolver.diagnostic(for: problem, authored: link, site: site)
                            if reported.insert(diagnostic).inserted { authored.append(diagnostic) }
                        }
                        continue
                    }
                }
                unattributed[problem, default: []].append(page.path)
            }
        }
        let others = unattributed.sorted { $0.key.written < $1.key.written }.map { problem, pages in
            resolver.diagnostic(for: problem, onPages: pages, site: site, templatesFolder: templatesFolder)
        }
        return authored.sorted { $0.location < $1.location } + others
    }
}

/// What is wrong with one link.
struct LinkProblem: Hashable {
    enum Kind: Hashable {
        /// No file at the root-relative path.
        case missing(String)
        /// A link to a Markdown source file (`the-walls.md`).
        case markdownFile(String)
        /// The page (root-relative URL, output path) exists but has no element with the id.
        case missingID(page: String, outputPath: String, id: String)
        /// A root-relative path that does not start with the base path.
        case outsideBase
    }

    /// The link as the page holds it.
    var written: String
    var kind: Kind
}

/// Resolves links against the output of one build, remembering each answer.
struct LinkTargets {
    let basePath: String
    let paths: Set<String>
    let ids: [String: Set<String>]
    private var answers: [String: LinkProblem?] = [:]
    private var suggestions: [String: String?] = [:]
    private var addresses: [String]?

    init(basePath: String, paths: Set<String>, ids: [String: Set<String>]) {
        self.basePath = basePath
        self.paths = paths
        self.ids = ids
    }

    /// The problem with `link` on the page written to `page`, nil when the link is good or
    /// leads to another site.
    mutating func problem(with link: String, onPage page: String) -> LinkProblem? {
        guard !link.isEmpty, !Self.leadsElsewhere(link) else { return nil }
        // Most links inside a site are to a place on the same page (#cite-3, #corrections):
        // looked up in the page's ids directly, without resolving an address.
        if link.utf8.first == UInt8(ascii: "#"), !link.utf8.contains(UInt8(ascii: "%")) {
            let id = link.dropFirst()
            if id.isEmpty || id.lowercased() == "top" || ids[page]?.contains(String(id)) != false { return nil }
            return resolve(link, onPage: page)
        }
        // A root-relative link means the same on every page; a relative one depends on the page.
        let key = link.hasPrefix("/") ? link : page + "\u{0}" + link
        if let known = answers[key] { return known }
        let answer = resolve(link, onPage: page)
        answers[key] = answer
        return answer
    }

    private func resolve(_ link: String, onPage page: String) -> LinkProblem? {
        var path = Substring(link)
        var fragment: Substring?
        if let hash = path.firstIndex(of: "#") {
            fragment = path[path.index(after: hash)...]
            path = path[..<hash]
        }
        if let query = path.firstIndex(of: "?") { path = path[..<query] }
        let decoded = String(path).removingPercentEncoding ?? String(path)
        var target = page
        var address = pageAddress(page)
        if !decoded.isEmpty {
            address = decoded.hasPrefix("/") ? Self.normalised(decoded) : Self.normalised(directory(of: address) + decoded)
            guard address.hasPrefix(basePath) else { return LinkProblem(written: link, kind: .outsideBase) }
            let relative = String(address.dropFirst(basePath.count))
            if relative.isEmpty || relative.hasSuffix("/") {
                target = relative + "index.html"
            } else if paths.contains(relative) {
                target = relative
            } else {
                // A folder page linked without its final slash: servers redirect to it.
                target = relative + "/index.html"
            }
            guard paths.contains(target) else {
                let kind: LinkProblem.Kind = relative.hasSuffix(".md") ? .markdownFile(address) : .missing(address)
                return LinkProblem(written: link, kind: kind)
            }
        }
        // `#top` needs no element: browsers scroll to the top of the page (HTML's "top" fragment).
        if let fragment, !fragment.isEmpty, fragment.lowercased() != "top", let pageIDs = ids[target] {
            let id = String(fragment).removingPercentEncoding ?? String(fragment)
            if !pageIDs.contains(id) {
                return LinkProblem(written: link, kind: .missingID(page: address, outputPath: target, id: id))
            }
        }
        return nil
    }

    /// The address of the page written to `outputPath` (`articles/x/index.html` → `/base/articles/x/`).
    func pageAddress(_ outputPath: String) -> String {
        if outputPath == "index.html" { return basePath }
        if outputPath.hasSuffix("/index.html") { return basePath + outputPath.dropLast("index.html".count) }
        return basePath + outputPath
    }

    private func directory(of address: String) -> String {
        guard let slash = address.lastIndex(of: "/") else { return "/" }
        return String(address[...slash])
    }

    /// `a/./b/../c` → `a/c`; `..` above the root stays at the root, as in a browser.
    static func normalised(_ path: String) -> String {
        var segments: [Substring] = []
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        for (index, part) in parts.enumerated() {
            let isLast = index == parts.count - 1
            switch part {
            case ".": if isLast { segments.append("") }
            case "..":
                if segments.count > 1 { segments.removeLast() }
                if isLast { segments.append("") }
            default: segments.append(part)
            }
        }
        let joined = segments.joined(separator: "/")
        return joined.hasPrefix("/") ? joined : "/" + joined
    }

    /// True when `link` leads to another site: it starts with `//` or a URL scheme (`https:`,
    /// `mailto:`, `data:`).
    static func leadsElsewhere(_ link: String) -> Bool {
        var link = link
        return link.withUTF8(leadsElsewhere)
    }

    /// `leadsElsewhere` on a link's bytes, which the page scan asks before making a string: `//`,
    /// or an ASCII letter, then letters, digits, `+`, `-` or `.` up to a `:`.
    static func leadsElsewhere(_ link: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = link.first else { return false }
        if first == UInt8(ascii: "/") { return link.count > 1 && link[1] == UInt8(ascii: "/") }
        guard (first | 0x20) >= UInt8(ascii: "a") && (first | 0x20) <= UInt8(ascii: "z") else { return false }
        for byte in link {
            switch byte {
            case UInt8(ascii: ":"): return true
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
                continue
            default: return false
            }
        }
        return false
    }

    /// A link as compared between a page and the Markdown it came from: entities and percent-escapes decoded.
    static func comparable(_ href: String) -> String {
        href.removingPercentEncoding ?? href
    }

    // MARK: - Reports

    /// The error for a link an author wrote.
    mutating func diagnostic(for problem: LinkProblem, authored link: AuthoredLink, site: Site) -> Diagnostic {
        var hint = hint(for: problem)
        if case .markdownFile = problem.kind { hint = markdownHint(link, site: site) }
        return .error(at: link.location, message(for: problem, written: link.destination), hint: hint)
    }

    /// The error for a link that no Markdown wrote, on `pages` (output paths).
    mutating func diagnostic(for problem: LinkProblem, onPages pages: [String], site: Site, templatesFolder: String)
        -> Diagnostic
    {
        let menu = site.config.menu.first { item in
            item.url == problem.written || (item.url.hasPrefix("/") && basePath + item.url.dropFirst() == problem.written)
        }
        if let menu {
            return .error(
                at: menu.location ?? SourceLocation(path: "Content/site.yaml"), message(for: problem, written: menu.url),
                hint: hint(for: problem))
        }
        let examples = pages.prefix(3).map(pageAddress).joined(separator: ", ")
        let count = pages.count == 1 ? "1 page" : "\(pages.count) pages"
        return .error(
            at: SourceLocation(path: templatesFolder), message(for: problem, written: problem.written),
            hint: "on \(count) (\(examples)\(pages.count > 3 ? ", …" : "")), from a template or a fact's text; "
                + hint(for: problem, baseless: false))
    }

    private func message(for problem: LinkProblem, written: String) -> String {
        switch problem.kind {
        case .missing(let address):
            return "broken link '\(written)': the site has no page or file at \(address)"
        case .markdownFile:
            return "link to the Markdown file '\(written)' instead of the page it becomes"
        case .missingID(let page, _, let id):
            return "broken link '\(written)': the page \(page) has no element with the id '\(id)'"
        case .outsideBase:
            return "link '\(written)' leads outside the site, which is published under \(basePath)"
        }
    }

    /// `baseless`: suggest addresses as Markdown writes them, without the base path.
    private mutating func hint(for problem: LinkProblem, baseless: Bool = true) -> String {
        switch problem.kind {
        case .missing(let address):
            if let match = suggestion(for: address) { return "did you mean '\(baseless ? rootRelative(match) : match)'?" }
            return "check the path: internal links are checked against the pages and files this build writes"
        case .markdownFile:
            return "link to the page the file becomes (article:SLUG, page:SLUG or its address), not to its Markdown file"
        case .missingID(_, let outputPath, let id):
            return Suggestion.hint(
                for: id, in: ids[outputPath] ?? [],
                otherwise: "link to an id the page has: a heading's id is shown in its table of contents")
        case .outsideBase:
            return "write links from the site's root (/timeline/ in Markdown becomes \(basePath)timeline/); "
                + "templates should start them with the site's base path"
        }
    }

    /// The hint for a link to a Markdown file: the article or page it is, when it is one.
    private func markdownHint(_ link: AuthoredLink, site: Site) -> String {
        var written = Substring(link.destination)
        if let hash = written.firstIndex(of: "#") { written = written[..<hash] }
        let folder = link.location.path.split(separator: "/").dropLast().joined(separator: "/")
        let source = Self.normalised(
            written.hasPrefix("/") ? String(written) : "/" + folder + "/" + (String(written).removingPercentEncoding ?? ""))
        let document =
            site.documents.first { "/" + $0.path == source }
            ?? site.documents.first { $0.path.hasSuffix("/" + (written.split(separator: "/").last ?? "")) }
        guard let document else {
            return "link to the page the file becomes (article:SLUG, page:SLUG or its address), not to its Markdown file"
        }
        let scheme = document.kind == .article ? "article" : "page"
        return "write [text](\(scheme):\(document.slug)) instead: \(document.path) is published at "
            + site.permalinks.href(document.sitePath)
    }

    /// The existing address most like `address`: the one sharing the most final segments
    /// (`/guide/articles/walls/` → `/articles/walls/`), else one in the same folder whose last
    /// segment is a likely typo (`/timelin/` → `/timeline/`).
    private mutating func suggestion(for address: String) -> String? {
        if let known = suggestions[address] { return known }
        if addresses == nil {
            addresses = paths.sorted().map(pageAddress)
        }
        let candidates = addresses ?? []
        let segments = address.split(separator: "/")
        var best: (shared: Int, distance: Int, candidate: String)?
        for candidate in candidates {
            let other = candidate.split(separator: "/")
            var shared = 0
            while shared < min(segments.count, other.count)
                && segments[segments.count - 1 - shared] == other[other.count - 1 - shared]
            {
                shared += 1
            }
            guard shared > 0 else { continue }
            let distance = Suggestion.editDistance(address, candidate)
            if best == nil || (shared, -distance) > (best!.shared, -best!.distance) {
                best = (shared, distance, candidate)
            }
        }
        var answer = best?.candidate
        if answer == nil, let last = segments.last {
            let folder = address.hasSuffix("/") ? String(address.dropLast()) : address
            let parent = folder[...(folder.lastIndex(of: "/") ?? folder.startIndex)]
            let siblings = candidates.filter {
                $0.hasPrefix(parent) && $0.dropFirst(parent.count).dropLast().contains("/") == false
            }
            let names = Dictionary(siblings.map { (String(Self.lastSegment($0)), $0) }, uniquingKeysWith: { first, _ in first })
            answer = Suggestion.closest(to: String(last), in: names.keys).flatMap { names[$0] }
        }
        suggestions[address] = answer
        return answer
    }

    /// An address as Markdown and site.yaml write it: from the site's root, without the base path.
    private func rootRelative(_ address: String) -> String {
        address.hasPrefix(basePath) ? "/" + address.dropFirst(basePath.count) : address
    }

    private static func lastSegment(_ address: String) -> Substring {
        address.split(separator: "/").last ?? ""
    }
}
