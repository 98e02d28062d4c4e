import BroadsheetCore
import BroadsheetFacts
import BroadsheetMarkdown
import Foundation

/// Renders one document's Markdown with its links, citations and components resolved.
struct DocumentResolver: Sendable {
    let links: LinkResolver
    let options: MarkdownOptions

    static let componentMarker = "<!--broadsheet-component:"

    func resolve(_ loaded: LoadedDocument) -> (Document, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var ledger: LinkResolver.CitationLedger? = LinkResolver.CitationLedger()
        var components: [Component] = []
        let offset = loaded.bodyLineOffset
        let rendered = MarkdownRenderer.render(
            loaded.body, options: options,
            resolveLink: { link in
                let location = SourceLocation(path: loaded.path, line: link.line + offset, column: link.column)
                return links.resolve(link, at: location, ledger: &ledger, diagnostics: &diagnostics)
            },
            resolveBlock: { block in
                guard ComponentParser.languages.contains(block.language) else { return .keep }
                let location = SourceLocation(path: loaded.path, line: block.line + offset, column: 1)
                let (component, problems) = ComponentParser.parse(block, at: location, facts: links.facts)
                diagnostics += problems
                guard let component else { return .html("") }
                components.append(component)
                return .html("\(Self.componentMarker)\(components.count - 1)-->\n")
            })
        let body = Self.split(rendered.html, components: components)
        let minutes = Int((Double(rendered.wordCount) / 230 + Double(rendered.cjkCharacterCount) / 400).rounded())
        let document = Document(
            kind: loaded.kind, path: loaded.path, slug: loaded.slug,
            sitePath: loaded.kind == .article
                ? links.permalinks.article(loaded.slug) : links.permalinks.page(loaded.slug),
            title: loaded.title, date: loaded.date, updated: loaded.updated, summary: loaded.summary,
            excerpt: loaded.summary ?? Self.excerpt(rendered.firstParagraph),
            tags: loaded.tags.map { Tag(name: $0, slug: Slug.make(from: $0)) }, authors: loaded.authors,
            isDraft: loaded.isDraft, weight: loaded.weight, body: body, headings: rendered.headings,
            readingMinutes: max(1, minutes),
            wordCount: rendered.wordCount + rendered.cjkCharacterCount, citations: ledger?.citations ?? [])
        return (document, diagnostics)
    }

    /// Cuts the HTML at component markers.
    static func split(_ html: String, components: [Component]) -> [BodyPart] {
        guard !components.isEmpty else { return [.html(html)] }
        var parts: [BodyPart] = []
        var rest = html[...]
        while let start = rest.range(of: componentMarker) {
            let afterMarker = rest[start.upperBound...]
            guard let end = afterMarker.range(of: "-->"), let index = Int(afterMarker[..<end.lowerBound]),
                components.indices.contains(index)
            else { break }
            let before = String(rest[..<start.lowerBound])
            if !before.isEmpty { parts.append(.html(before)) }
            parts.append(.component(components[index]))
            rest = afterMarker[end.upperBound...]
            if rest.hasPrefix("\n") { rest = rest.dropFirst() }
        }
        if !rest.isEmpty { parts.append(.html(String(rest))) }
        return parts
    }

    /// The first paragraph, cut at a word boundary near 220 characters.
    static func excerpt(_ text: String) -> String {
        let collapsed = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard collapsed.count > 220 else { return collapsed }
        let cut = collapsed.prefix(220)
        if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) > 150 {
            return String(cut[..<space]) + "…"
        }
        return String(cut) + "…"
    }
}
