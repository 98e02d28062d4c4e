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
        var authoredLinks: [AuthoredLink] = []
        let rendered: MarkdownDocument<Component> = MarkdownParser.parse(
            loaded.body, options: options,
            resolveLink: { link in
                let location = SourceLocation(path: loaded.path, line: link.line + offset, column: link.column)
                let resolution = links.resolve(link, at: location, ledger: &ledger, diagnostics: &diagnostics)
                if let authored = AuthoredLink.record(link, resolution: resolution, at: location) {
                    authoredLinks.append(authored)
                }
                return resolution
            },
            resolveBlock: { block in
                guard ComponentParser.languages.contains(block.language) else { return .keep }
                let location = SourceLocation(path: loaded.path, line: block.line + offset, column: 1)
                let (component, problems) = ComponentParser.parse(block, at: location, facts: links.facts)
                diagnostics += problems
                guard let component else { return .remove }
                return .embed(chartIDs.unique(component))
            })
        for notice in rendered.notices {
            diagnostics.append(
                Self.warning(notice, at: SourceLocation(path: loaded.path, line: notice.line + offset, column: notice.column)))
        }
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
                    let resolution = links.resolve(
                        link, at: correction.noteLocation, ledger: &noLedger, diagnostics: &diagnostics)
                    if let authored = AuthoredLink.record(link, resolution: resolution, at: correction.noteLocation) {
                        authoredLinks.append(authored)
                    }
                    return resolution
                })
            return Correction(date: correction.date, note: note)
        }
        corrected.authoredLinks = authoredLinks
        if let image = loaded.image {
            corrected.image = resolveImage(image, at: loaded.imageLocation ?? SourceLocation(path: loaded.path), &diagnostics)
        }
        return (corrected, diagnostics)
    }

    /// The front matter's `image:` (`photo.jpg`, `media/photo.jpg` or `/media/photo.jpg`) as a sized media file.
    private func resolveImage(_ image: String, at location: SourceLocation, _ diagnostics: inout [Diagnostic])
        -> DocumentImage?
    {
        let name = MediaLibrary.name(in: image) ?? image
        guard let file = links.media.files[name] else {
            diagnostics.append(
                .error(
                    at: location, "unknown media file '\(name)'",
                    hint: Suggestion.hint(
                        for: name, in: links.media.files.keys,
                        otherwise: "put the file at \(MediaLibrary.folder)/\(name), or correct the name")))
            return nil
        }
        guard let size = file.size else {
            diagnostics.append(
                .error(
                    at: location, "the image '\(name)' is not a PNG, JPEG, GIF, WebP or SVG file",
                    hint: "point `image:` at an image in \(MediaLibrary.folder)/"))
            return nil
        }
        return DocumentImage(path: SitePath(file: file.outputPath), width: size.width, height: size.height)
    }

    /// The warning for syntax that is shown as written.
    static func warning(_ notice: MarkdownNotice, at location: SourceLocation) -> Diagnostic {
        switch notice.kind {
        case .footnote(let label):
            .warning(
                at: location, "footnotes are not supported: '[^\(label)]' shows as written",
                hint: "put the note in the text, or cite a source with [text](source:ID); write \\[^\(label)] to keep it as text")
        case .alert(let type):
            .warning(
                at: location, "GitHub alerts are not supported: '[!\(type)]' shows as the quote's first word",
                hint: "start the quote with a bold label instead, such as **Note:**")
        case .highlight:
            .warning(
                at: location, "'==' highlighting is not Markdown: the equals signs show as written",
                hint: "use *emphasis* or **strong** instead")
        }
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
