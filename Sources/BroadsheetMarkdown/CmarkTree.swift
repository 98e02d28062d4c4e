import BroadsheetCore
import CCmark

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The only place that touches libcmark: parse, walk once, rewrite, render.
///
/// Every cmark pointer has one owner here; the document root is freed on the line after
/// it is created, and replaced nodes are freed right after they are unlinked.
enum CmarkTree {
    static func render(
        _ source: String,
        options: MarkdownOptions,
        resolveLink: (MarkdownLink) -> LinkResolution,
        resolveBlock: (MarkdownCodeBlock) -> BlockResolution
    ) -> MarkdownDocument {
        var parseOptions = CMARK_OPT_VALIDATE_UTF8
        if options.smartPunctuation { parseOptions |= CMARK_OPT_SMART }
        let renderOptions = options.allowRawHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT

        let root: OpaquePointer = source.withCString { cmark_parse_document($0, strlen($0), parseOptions) }
        defer { cmark_node_free(root) }

        let found = collectNodes(root)
        if !found.links.isEmpty {
            let lines = SourceLines(source)
            for node in found.links {
                rewriteLink(node, lines: lines, resolve: resolveLink)
            }
        }
        for node in found.codeBlocks {
            guard let block = codeBlock(node), case .html(let html) = resolveBlock(block) else { continue }
            replace(node, withBlockHTML: html)
        }
        var headings: [MarkdownHeading] = []
        var ids = HeadingIDs()
        for node in found.headings {
            let text = plainText(of: node)
            let level = Int(cmark_node_get_heading_level(node))
            let line = Int(cmark_node_get_start_line(node))
            guard options.headingAnchors else {
                headings.append(MarkdownHeading(level: level, text: text, id: "", line: line))
                continue
            }
            let id = ids.next(for: text)
            headings.append(MarkdownHeading(level: level, text: text, id: id, line: line))
            let inner = renderHTML(node, options: renderOptions)
            replace(node, withBlockHTML: anchored(inner, id: id, level: level, text: text))
        }

        let html = renderHTML(root, options: renderOptions)
        let counts = found.words
        return MarkdownDocument(
            html: html, headings: headings, firstParagraph: found.firstParagraph,
            wordCount: counts.words, cjkCharacterCount: counts.cjk)
    }

    // MARK: - Walking

    private struct FoundNodes {
        var links: [OpaquePointer] = []
        var codeBlocks: [OpaquePointer] = []
        var headings: [OpaquePointer] = []
        var words = WordCounter()
        var firstParagraph = ""
    }

    /// Collects the nodes to rewrite; the tree is modified only after the iterator is freed.
    private static func collectNodes(_ root: OpaquePointer) -> FoundNodes {
        var found = FoundNodes()
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        var firstParagraphNode: OpaquePointer?
        var inFirstParagraph = false
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if event == CMARK_EVENT_EXIT {
                if node == firstParagraphNode { inFirstParagraph = false }
                continue
            }
            switch type {
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                found.links.append(node)
            case CMARK_NODE_CODE_BLOCK:
                found.codeBlocks.append(node)
                if let literal = cmark_node_get_literal(node) { found.words.add(literal) }
            case CMARK_NODE_HEADING:
                found.headings.append(node)
            case CMARK_NODE_PARAGRAPH:
                if firstParagraphNode == nil {
                    firstParagraphNode = node
                    inFirstParagraph = true
                }
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(node) {
                    // Counted from cmark's buffer: only the first paragraph becomes a Swift string.
                    found.words.add(literal)
                    if inFirstParagraph { found.firstParagraph += String(cString: literal) }
                }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                if inFirstParagraph { found.firstParagraph += " " }
            default:
                break
            }
        }
        return found
    }

    private static func plainText(of node: OpaquePointer) -> String {
        var text = ""
        let iterator = cmark_iter_new(node)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(child) { text += String(cString: literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default:
                break
            }
        }
        return text
    }

    // MARK: - Links

    private static func rewriteLink(
        _ node: OpaquePointer, lines: SourceLines, resolve: (MarkdownLink) -> LinkResolution
    ) {
        let destination = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
        let position = locate(destination: destination, of: node, lines: lines)
        let link = MarkdownLink(
            destination: destination, text: plainText(of: node),
            isImage: cmark_node_get_type(node) == CMARK_NODE_IMAGE, line: position.line, column: position.column)
        switch resolve(link) {
        case .keep:
            if isUnsafe(link) { cmark_node_set_url(node, "") }
        case .url(let url):
            cmark_node_set_url(node, url)
        case .textFollowedBy(let html):
            let mark = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)
            cmark_node_set_on_enter(mark, html)
            cmark_node_set_on_exit(mark, "")
            unwrap(node, appending: mark)
        case .textOnly:
            unwrap(node, appending: nil)
        }
    }

    /// Moves the link's children in front of it, adds `mark` after them, and frees the link.
    private static func unwrap(_ node: OpaquePointer, appending mark: OpaquePointer?) {
        while let child = cmark_node_first_child(node) {
            cmark_node_insert_before(node, child)
        }
        if let mark { cmark_node_insert_before(node, mark) }
        cmark_node_unlink(node)
        cmark_node_free(node)
    }

    private static func isUnsafe(_ link: MarkdownLink) -> Bool {
        switch link.scheme {
        case "javascript", "vbscript", "file": true
        case "data":
            !link.isImage
                || !["image/png", "image/gif", "image/jpeg", "image/webp"].contains(where: {
                    link.target.lowercased().hasPrefix($0)
                })
        default: false
        }
    }

    /// cmark gives inline nodes no reliable position, so find `](destination` in the
    /// lines of the enclosing block.
    private static func locate(destination: String, of node: OpaquePointer, lines: SourceLines) -> (line: Int, column: Int?) {
        var block: OpaquePointer? = node
        while let current = block, cmark_node_get_start_line(current) == 0 {
            block = cmark_node_parent(current)
        }
        guard let block else { return (1, nil) }
        let start = Int(cmark_node_get_start_line(block))
        let end = max(start, Int(cmark_node_get_end_line(block)))
        guard !destination.isEmpty else { return (start, nil) }
        let needles = ["](" + destination, "]( " + destination, "]: " + destination].map { Array($0.utf8) }
        for number in start...min(end, lines.count) where number >= 1 {
            let line = lines[number]
            for needle in needles {
                guard let offset = firstOffset(of: needle, in: line) else { continue }
                // Columns count characters, not bytes.
                let column = String(decoding: line[..<offset], as: UTF8.self).count + 3
                return (number, column)
            }
        }
        return (start, nil)
    }

    private static func firstOffset(of needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        var index = haystack.startIndex
        while index <= haystack.endIndex - needle.count {
            if haystack[index] == first && haystack[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    // MARK: - Blocks and headings

    private static func codeBlock(_ node: OpaquePointer) -> MarkdownCodeBlock? {
        let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
        let trimmed = info.trimmingCharacters(in: .whitespaces)
        let language = String(trimmed.prefix { !$0.isWhitespace })
        let arguments = trimmed.dropFirst(language.count).trimmingCharacters(in: .whitespaces)
        let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
        return MarkdownCodeBlock(
            language: language, arguments: arguments, literal: literal, line: Int(cmark_node_get_start_line(node)))
    }

    /// Swaps `node` for a custom block whose HTML survives safe rendering verbatim.
    private static func replace(_ node: OpaquePointer, withBlockHTML html: String) {
        let custom = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)
        cmark_node_set_on_enter(custom, html)
        cmark_node_set_on_exit(custom, "")
        cmark_node_replace(node, custom)
        cmark_node_free(node)
    }

    private static func anchored(_ headingHTML: String, id: String, level: Int, text: String) -> String {
        let open = "<h\(level)>"
        let close = "</h\(level)>"
        var inner = headingHTML.trimmingCharacters(in: .whitespacesAndNewlines)
        if inner.hasPrefix(open) { inner.removeFirst(open.count) }
        if inner.hasSuffix(close) { inner.removeLast(close.count) }
        let escapedID = HTMLText.escape(id)
        return "<h\(level) id=\"\(escapedID)\">\(inner) <a class=\"heading-anchor\" href=\"#\(escapedID)\" "
            + "aria-label=\"Link to this section: \(HTMLText.escape(text))\">#</a></h\(level)>\n"
    }

    private static func renderHTML(_ node: OpaquePointer, options: Int32) -> String {
        guard let rendered = cmark_render_html(node, options) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }
}
