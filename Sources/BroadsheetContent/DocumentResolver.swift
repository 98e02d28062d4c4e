import BroadsheetCore
import BroadsheetDocument
import BroadsheetFacts
import BroadsheetMarkdown
import Foundation

/// Resolves one document's Markdown into its tree: links, citations and components checked and linked.
struct DocumentResolver: Sendable {
    let links: LinkResolver
    let options: MarkdownOptions

    func resolve(_ loaded: LoadedDocument) -> (Document, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var ledger: LinkResolver.CitationLedger? = LinkResolver.CitationLedger()
        let offset = loaded.bodyLineOffset
        var chartIDs = ChartIDs()
        let rendered: MarkdownDocument<Component> = MarkdownParser.parse(
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
                guard let component else { return .remove }
                return .embed(chartIDs.unique(component))
            })
        let minutes = Int((Double(rendered.wordCount) / 230 + Double(rendered.cjkCharacterCount) / 400).rounded())
        let document = Document(
            kind: loaded.kind, path: loaded.path, slug: loaded.slug,
            sitePath: loaded.kind == .article
                ? links.permalinks.article(loaded.slug) : links.permalinks.page(loaded.slug),
            title: loaded.title, date: loaded.date, updated: loaded.updated, summary: loaded.summary,
            excerpt: loaded.summary ?? Self.excerpt(rendered.firstParagraph),
            tags: loaded.tags.map { Tag(name: $0, slug: Slug.make(from: $0)) }, authors: loaded.authors,
            isDraft: loaded.isDraft, weight: loaded.weight, body: rendered.blocks, headings: rendered.headings,
            readingMinutes: max(1, minutes),
            wordCount: rendered.wordCount + rendered.cjkCharacterCount, citations: ledger?.citations ?? [])
        var corrected = document
        corrected.aliases = loaded.aliases
        corrected.extra = loaded.extra
        corrected.corrections = loaded.corrections.map { correction in
            var noLedger: LinkResolver.CitationLedger? = nil
            let note = MarkdownParser.parseText(
                correction.note, options: options,
                resolveLink: { link in
                    links.resolve(link, at: correction.noteLocation, ledger: &noLedger, diagnostics: &diagnostics)
                })
            return Correction(date: correction.date, note: note)
        }
        return (corrected, diagnostics)
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
