import BroadsheetCore
import BroadsheetDocument
import CCmark

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The only place that touches libcmark: parse, then convert cmark's tree into a document
/// tree in one walk of its iterator.
///
/// The root is the only cmark pointer owned here and is freed on the line after it is
/// created. The walk keeps its own stack instead of recursing, so 100,000 nested block quotes
/// convert without exhausting the thread's stack; past `maximumDepth` nested containers the
/// extra levels are flattened into their parent (their text is kept), so that no renderer
/// has to recurse that deep either.
enum CmarkTree {
    /// Nested block quotes, lists and emphasis deeper than this are flattened.
    static let maximumDepth = 96

    static func convert<Embed: Sendable & Hashable>(
        _ source: String,
        options: MarkdownOptions,
        resolveLink: (MarkdownLink) -> LinkResolution,
        resolveBlock: (MarkdownCodeBlock) -> BlockResolution<Embed>
    ) -> MarkdownDocument<Embed> {
        var parseOptions = CMARK_OPT_VALIDATE_UTF8
        if options.smartPunctuation { parseOptions |= CMARK_OPT_SMART }
        let root: OpaquePointer = source.withCString { cmark_parse_document($0, strlen($0), parseOptions) }
        defer { cmark_node_free(root) }
        let lines = SourceLines(source)
        // The resolvers are called only during the walk; the converter does not outlive it.
        return withoutActuallyEscaping(resolveLink) { resolveLink in
            withoutActuallyEscaping(resolveBlock) { resolveBlock in
                var converter = Converter<Embed>(
                    lines: lines, options: options, resolveLink: resolveLink, resolveBlock: resolveBlock)
                return converter.convert(root)
            }
        }
    }

    // MARK: - The walk

    private struct Converter<Embed: Sendable & Hashable> {
        let lines: SourceLines
        let options: MarkdownOptions
        let resolveLink: (MarkdownLink) -> LinkResolution
        let resolveBlock: (MarkdownCodeBlock) -> BlockResolution<Embed>

        var stack: [Frame] = []
        var depth = 0
        var headings: [MarkdownHeading] = []
        var ids = HeadingIDs()
        var words = WordCounter()
        var firstParagraph = ""
        var notices: [MarkdownNotice] = []
        var firstParagraphNode: OpaquePointer?
        var inFirstParagraph = false
        /// The last link's line, byte offset and character column, so that the column of the
        /// next link on the same line is counted from there rather than from the line's start.
        var lastColumn: (line: Int, offset: Int, characters: Int) = (0, 0, 0)

        enum Kind {
            case document, blockQuote, list(isOrdered: Bool, start: Int, isTight: Bool), item, paragraph
            case heading(level: Int), emphasis, strong, link(isImage: Bool), flattened
        }

        struct Frame {
            var kind: Kind
            var span: SourceSpan
            var blocks: [Block<Embed>] = []
            var inlines: [Inline] = []
            var items: [[Block<Embed>]] = []
            /// A list's task checkboxes so far (empty until an item is a task).
            var tasks: [Bool?] = []
            /// Counts toward `maximumDepth`.
            var nests = false
        }

        init(
            lines: SourceLines, options: MarkdownOptions, resolveLink: @escaping (MarkdownLink) -> LinkResolution,
            resolveBlock: @escaping (MarkdownCodeBlock) -> BlockResolution<Embed>
        ) {
            self.lines = lines
            self.options = options
            self.resolveLink = resolveLink
            self.resolveBlock = resolveBlock
        }

        mutating func convert(_ root: OpaquePointer) -> MarkdownDocument<Embed> {
            let iterator = cmark_iter_new(root)
            defer { cmark_iter_free(iterator) }
            while true {
                let event = cmark_iter_next(iterator)
                if event == CMARK_EVENT_DONE { break }
                guard let node = cmark_iter_get_node(iterator) else { continue }
                if event == CMARK_EVENT_ENTER {
                    // A paragraph that is a table was converted whole: skip to its end.
                    if enter(node) { cmark_iter_reset(iterator, node, CMARK_EVENT_EXIT) }
                } else if event == CMARK_EVENT_EXIT {
                    exit(node)
                }
            }
            let blocks = stack.first?.blocks ?? []
            return MarkdownDocument(
                blocks: blocks, headings: headings, firstParagraph: firstParagraph, wordCount: words.words,
                cjkCharacterCount: words.cjk, notices: notices)
        }

        // MARK: Entering

        /// Converts what starts at `node`; true when its children were converted too and the
        /// walk skips them.
        private mutating func enter(_ node: OpaquePointer) -> Bool {
            let type = cmark_node_get_type(node)
            switch type {
            case CMARK_NODE_DOCUMENT:
                stack.append(Frame(kind: .document, span: Self.span(node)))
            case CMARK_NODE_BLOCK_QUOTE:
                push(.blockQuote, node)
            case CMARK_NODE_LIST:
                push(
                    .list(
                        isOrdered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                        start: Int(cmark_node_get_list_start(node)), isTight: cmark_node_get_list_tight(node) != 0),
                    node)
            case CMARK_NODE_ITEM:
                if case .list = stack[stack.count - 1].kind {
                    stack.append(Frame(kind: .item, span: Self.span(node)))
                } else {
                    stack.append(Frame(kind: .flattened, span: Self.span(node)))
                }
            case CMARK_NODE_PARAGRAPH:
                if options.extensions && table(node) { return true }
                if firstParagraphNode == nil {
                    firstParagraphNode = node
                    inFirstParagraph = true
                }
                stack.append(Frame(kind: .paragraph, span: Self.span(node)))
            case CMARK_NODE_HEADING:
                if options.extensions && setextTable(node) { return true }
                stack.append(Frame(kind: .heading(level: Int(cmark_node_get_heading_level(node))), span: Self.span(node)))
            case CMARK_NODE_EMPH:
                push(.emphasis, node)
            case CMARK_NODE_STRONG:
                push(.strong, node)
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                stack.append(Frame(kind: .link(isImage: type == CMARK_NODE_IMAGE), span: Self.span(node)))
            case CMARK_NODE_CODE_BLOCK:
                codeBlock(node)
            case CMARK_NODE_HTML_BLOCK:
                appendBlock(.html(raw(node), Self.span(node)))
            case CMARK_NODE_THEMATIC_BREAK:
                appendBlock(.thematicBreak(Self.span(node)))
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                guard let literal = cmark_node_get_literal(node) else { return false }
                // Counted from cmark's buffer, without a copy.
                words.add(literal)
                let text = String(cString: literal)
                if inFirstParagraph { firstParagraph += text }
                appendInline(type == CMARK_NODE_TEXT ? .text(text) : .code(text))
            case CMARK_NODE_SOFTBREAK:
                if inFirstParagraph { firstParagraph += " " }
                appendInline(.softBreak)
            case CMARK_NODE_LINEBREAK:
                if inFirstParagraph { firstParagraph += " " }
                appendInline(.lineBreak)
            case CMARK_NODE_HTML_INLINE:
                appendInline(.html(raw(node)))
            default:
                break
            }
            return false
        }

        /// Opens a container, or a flattened one past the depth limit.
        private mutating func push(_ kind: Kind, _ node: OpaquePointer) {
            guard depth < CmarkTree.maximumDepth else {
                stack.append(Frame(kind: .flattened, span: Self.span(node)))
                return
            }
            depth += 1
            stack.append(Frame(kind: kind, span: Self.span(node), nests: true))
        }

        private mutating func codeBlock(_ node: OpaquePointer) {
            let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
            let trimmed = info.trimmingCharacters(in: .whitespaces)
            let language = String(trimmed.prefix { !$0.isWhitespace })
            let arguments = trimmed.dropFirst(language.count).trimmingCharacters(in: .whitespaces)
            let pointer = cmark_node_get_literal(node)
            if let pointer { words.add(pointer) }
            let literal = pointer.map { String(cString: $0) } ?? ""
            let span = Self.span(node)
            let block = MarkdownCodeBlock(language: language, arguments: arguments, literal: literal, line: span.startLine)
            switch resolveBlock(block) {
            case .keep: appendBlock(.codeBlock(CodeBlock(language: language, literal: literal), span))
            case .embed(let embed): appendBlock(.embed(embed, span))
            case .remove: break
            }
        }

        private func raw(_ node: OpaquePointer) -> RawHTML {
            guard options.allowRawHTML else { return .omitted }
            return .allowed(cmark_node_get_literal(node).map { String(cString: $0) } ?? "")
        }

        // MARK: Tables

        /// Converts a paragraph that holds a GFM pipe table (libcmark reads one as a paragraph):
        /// its lines before the header row as a paragraph, then the table. The cells, and those
        /// lines, are parsed again as one small Markdown text whose links are reported at their
        /// positions in this one.
        private mutating func table(_ node: OpaquePointer) -> Bool {
            let span = Self.span(node)
            guard span.endLine > span.startLine, span.startLine >= 1, span.endLine <= lines.count else { return false }
            return table(node, span: span, content: contentLines(of: span))
        }

        /// A setext heading whose text is a table: libcmark took the line under the table for
        /// a heading's underline. GFM keeps a `===` line as a row and reads a `---` line as a
        /// thematic break after the table.
        private mutating func setextTable(_ node: OpaquePointer) -> Bool {
            let span = Self.span(node)
            guard span.endLine > span.startLine + 1, span.startLine >= 1, span.endLine <= lines.count else { return false }
            var content = contentLines(of: span)
            let underline = content[content.count - 1].filter { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }
            let isRule = underline.first == UInt8(ascii: "-")
            if isRule { content.removeLast() }
            var tableSpan = span
            tableSpan.endLine -= isRule ? 1 : 0
            guard table(node, span: tableSpan, content: content) else { return false }
            if isRule {
                appendBlock(
                    .thematicBreak(
                        SourceSpan(startLine: span.endLine, startColumn: 1, endLine: span.endLine, endColumn: span.endColumn)))
            }
            return true
        }

        private mutating func table(_ node: OpaquePointer, span: SourceSpan, content: [ArraySlice<UInt8>]) -> Bool {
            guard let table = PipeTable.find(in: content) else { return false }
            var nested = NestedMarkdown()
            for index in 0..<table.headerLine {
                let line = content[index]
                nested.appendLine(
                    Array(line), offsets: Array(line.indices), sourceLine: span.startLine + index,
                    lineStart: lines[span.startLine + index].startIndex)
            }
            /// The nested line of each non-empty cell, in reading order.
            func add(_ cell: PipeTable.Cell?) -> Int? {
                guard let cell, !cell.range.isEmpty else { return nil }
                var (bytes, offsets) = NestedMarkdown.cellText(lines[bytes: cell.range])
                if NestedMarkdown.mayStartBlock(bytes) && !CmarkTree.isParagraph(bytes) {
                    (bytes, offsets) = NestedMarkdown.escapingBlockStart(bytes, offsets: offsets)
                }
                if !nested.bytes.isEmpty { nested.appendBlankLine() }
                let number = span.startLine + cell.line
                return nested.appendLine(bytes, offsets: offsets, sourceLine: number, lineStart: lines[number].startIndex)
            }
            let headerLines = table.header.map(add)
            let rowLines = table.rows.map { $0.map(add) }
            let converted = convertNested(nested)
            var paragraphs: [Int: [Inline]] = [:]
            for case .paragraph(let inlines, let nestedSpan) in converted.blocks {
                paragraphs[nestedSpan.startLine] = inlines
            }
            if table.headerLine > 0 {
                let paragraphSpan = SourceSpan(
                    startLine: span.startLine, startColumn: span.startColumn, endLine: span.startLine + table.headerLine - 1,
                    endColumn: content[table.headerLine - 1].count)
                appendBlock(.paragraph(paragraphs[1] ?? [], paragraphSpan))
                if firstParagraphNode == nil {
                    firstParagraphNode = node
                    firstParagraph = converted.firstParagraph
                }
            }
            func cell(_ line: Int?) -> [Inline] { line.flatMap { paragraphs[$0] } ?? [] }
            let lastLine = span.startLine + content.count - 1
            let tableSpan = SourceSpan(
                startLine: span.startLine + table.headerLine, startColumn: 1, endLine: lastLine,
                endColumn: lastLine == span.endLine ? span.endColumn : content[content.count - 1].count)
            appendBlock(
                .table(
                    Table(alignments: table.alignments, header: headerLines.map(cell), rows: rowLines.map { $0.map(cell) }),
                    tableSpan))
            return true
        }

        /// A paragraph's lines without the container prefixes libcmark took off: the first from
        /// the paragraph's column, the others after the enclosing block quotes' `>` and the
        /// indentation (a paragraph's continuation lines lose theirs).
        private func contentLines(of span: SourceSpan) -> [ArraySlice<UInt8>] {
            let quotes = stack.reduce(0) { count, frame in
                if case .blockQuote = frame.kind { count + 1 } else { count }
            }
            func isSpace(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
            return (span.startLine...span.endLine).map { number in
                var line = lines[number]
                if number == span.startLine { return line.dropFirst(max(0, span.startColumn - 1)) }
                for _ in 0..<quotes {
                    var rest = line.drop(while: isSpace)
                    guard rest.first == UInt8(ascii: ">") else { break }
                    rest = rest.dropFirst()
                    if let first = rest.first, isSpace(first) { rest = rest.dropFirst() }
                    line = rest
                }
                return line.drop(while: isSpace)
            }
        }

        /// Converts a nested text with the same options and resolvers, links reported at their
        /// original positions; its words count toward the document's.
        private mutating func convertNested(_ nested: NestedMarkdown) -> MarkdownDocument<Embed> {
            var parseOptions = CMARK_OPT_VALIDATE_UTF8
            if options.smartPunctuation { parseOptions |= CMARK_OPT_SMART }
            let text = nested.text
            let root: OpaquePointer = text.withCString { cmark_parse_document($0, strlen($0), parseOptions) }
            defer { cmark_node_free(root) }
            let (lines, resolveLink) = (self.lines, self.resolveLink)
            var converter = Converter(
                lines: SourceLines(text), options: options,
                resolveLink: { link in
                    var link = link
                    (link.line, link.column) = nested.sourcePosition(line: link.line, column: link.column, in: lines)
                    return resolveLink(link)
                },
                resolveBlock: resolveBlock)
            converter.depth = depth
            let document = converter.convert(root)
            words.add(converter.words)
            for var notice in document.notices {
                (notice.line, notice.column) = nested.sourcePosition(line: notice.line, column: notice.column, in: lines)
                notices.append(notice)
            }
            return document
        }

        // MARK: Exiting

        private mutating func exit(_ node: OpaquePointer) {
            guard stack.count > 1, var frame = stack.popLast() else { return }
            if options.extensions {
                switch frame.kind {
                case .paragraph, .heading, .emphasis, .strong:
                    frame.inlines = InlineExtensions.apply(frame.inlines, inLink: isInLink)
                case .link:
                    frame.inlines = InlineExtensions.apply(frame.inlines, inLink: true)
                default: break
                }
            }
            if frame.nests { depth -= 1 }
            if node == firstParagraphNode { inFirstParagraph = false }
            switch frame.kind {
            case .document, .flattened:
                stack[stack.count - 1].blocks += frame.blocks
                stack[stack.count - 1].inlines += frame.inlines
                for item in frame.items { stack[stack.count - 1].blocks += item }
            case .blockQuote:
                if options.extensions, case .paragraph(let inlines, let span)? = frame.blocks.first,
                    let type = UnsupportedSyntax.alert(inlines),
                    let (line, column) = UnsupportedSyntax.locate("[!", occurrence: 0, span: span, in: lines)
                {
                    notices.append(MarkdownNotice(kind: .alert(type), line: line, column: column))
                }
                appendBlock(.blockQuote(frame.blocks, frame.span))
            case .list(let isOrdered, let start, let isTight):
                appendBlock(
                    .list(
                        ListBlock(
                            isOrdered: isOrdered, start: start, isTight: isTight, items: frame.items,
                            tasks: frame.tasks.isEmpty
                                ? [] : frame.tasks + Array(repeating: nil, count: frame.items.count - frame.tasks.count)),
                        frame.span))
            case .item:
                var blocks = frame.blocks
                let task = options.extensions ? TaskMarker.take(from: &blocks) : nil
                if task != nil || !stack[stack.count - 1].tasks.isEmpty {
                    stack[stack.count - 1].tasks += Array(
                        repeating: nil, count: stack[stack.count - 1].items.count - stack[stack.count - 1].tasks.count)
                    stack[stack.count - 1].tasks.append(task)
                }
                stack[stack.count - 1].items.append(blocks)
            case .paragraph:
                if options.extensions { notice(in: frame.inlines, span: frame.span) }
                appendBlock(.paragraph(frame.inlines, frame.span))
            case .heading(let level):
                let text = Inline.plainText(of: frame.inlines)
                let id = options.headingAnchors ? ids.next(for: text) : ""
                headings.append(MarkdownHeading(level: level, text: text, id: id, line: frame.span.startLine))
                appendBlock(.heading(Heading(level: level, id: id, text: text, content: frame.inlines), frame.span))
            case .emphasis:
                appendInline(.emphasis(frame.inlines))
            case .strong:
                appendInline(.strong(frame.inlines))
            case .link(let isImage):
                let destination = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                let title = cmark_node_get_title(node).map { String(cString: $0) } ?? ""
                let position = locate(destination, span: frame.span)
                let link = MarkdownLink(
                    destination: destination, title: title, text: Inline.plainText(of: frame.inlines), isImage: isImage,
                    line: position.line, column: position.column)
                let resolved: ResolvedLink
                switch resolveLink(link) {
                case .keep:
                    resolved =
                        link.isUnsafe
                        ? ResolvedLink(target: .removed, href: "", title: title)
                        : ResolvedLink(
                            target: destination.hasPrefix("#") ? .fragment : .external, href: destination, title: title)
                case .link(let target, let href):
                    resolved = ResolvedLink(target: target, href: href, title: title)
                case .textFollowedBy(let marks):
                    stack[stack.count - 1].inlines += frame.inlines
                    appendInline(.citations(marks))
                    return
                case .textOnly:
                    stack[stack.count - 1].inlines += frame.inlines
                    return
                case .image(let image):
                    resolved = ResolvedLink(
                        target: image.target, href: image.href, title: title, width: image.width, height: image.height)
                    if isImage {
                        appendInline(.image(resolved, alt: image.isDecorative ? [] : frame.inlines))
                        return
                    }
                }
                appendInline(isImage ? .image(resolved, alt: frame.inlines) : .link(resolved, frame.inlines))
            }
        }

        /// Records the footnotes and highlights of a paragraph at their positions.
        private mutating func notice(in inlines: [Inline], span: SourceSpan) {
            var occurrences: [String: Int] = [:]
            for (kind, needle) in UnsupportedSyntax.findings(in: inlines) {
                let occurrence = occurrences[needle, default: 0]
                occurrences[needle] = occurrence + 1
                guard let (line, column) = UnsupportedSyntax.locate(needle, occurrence: occurrence, span: span, in: lines)
                else { continue }
                notices.append(MarkdownNotice(kind: kind, line: line, column: column))
            }
        }

        /// True inside a link's or image's text, where addresses are not linked again.
        private var isInLink: Bool {
            stack.contains { if case .link = $0.kind { true } else { false } }
        }

        private mutating func appendBlock(_ block: Block<Embed>) {
            stack[stack.count - 1].blocks.append(block)
        }

        private mutating func appendInline(_ inline: Inline) {
            stack[stack.count - 1].inlines.append(inline)
        }

        private static func span(_ node: OpaquePointer) -> SourceSpan {
            SourceSpan(
                startLine: Int(cmark_node_get_start_line(node)), startColumn: Int(cmark_node_get_start_column(node)),
                endLine: Int(cmark_node_get_end_line(node)), endColumn: Int(cmark_node_get_end_column(node)))
        }

        // MARK: Link positions

        /// The line and column of the destination in the link's own source span (cmark knows
        /// where a link starts and ends, not where its destination is): a scan of the link's
        /// bytes only, so a paragraph of 50,000 links is read once, not once per link.
        private mutating func locate(_ destination: String, span: SourceSpan) -> (line: Int, column: Int?) {
            let start = max(1, span.startLine)
            guard !destination.isEmpty, span.startLine >= 1 else { return (start, nil) }
            let end = min(max(span.endLine, start), lines.count)
            var number = start
            var target = destination
            return target.withUTF8 { target -> (line: Int, column: Int?) in
                while number <= end {
                    let line = lines[number]
                    let from =
                        number == start ? min(line.startIndex + max(0, span.startColumn - 1), line.endIndex) : line.startIndex
                    let to = number == span.endLine ? min(line.startIndex + max(0, span.endColumn), line.endIndex) : line.endIndex
                    // A span whose end column lies before its start (seen from fuzzed input) has nothing to search.
                    guard from <= to, let (offset, gap) = Self.destinationOffset(target, in: line[from..<to]) else {
                        number += 1
                        continue
                    }
                    // Columns count characters, not bytes; counted on from the last link of the line.
                    var (counted, characters) = (line.startIndex, 0)
                    if lastColumn.line == number && lastColumn.offset <= offset && lastColumn.offset >= line.startIndex {
                        (counted, characters) = (lastColumn.offset, lastColumn.characters)
                    }
                    characters += Self.characterCount(line[counted..<offset])
                    lastColumn = (number, offset, characters)
                    // Past `](` and the space after it, if any: the destination's first character.
                    return (number, characters + 3 + gap)
                }
                return (start, nil)
            }
        }

        /// Where `](destination` or `]( destination` starts in `haystack`, and whether a space
        /// comes before the destination, without building either needle (this runs for every
        /// link of every document).
        private static func destinationOffset(_ target: UnsafeBufferPointer<UInt8>, in haystack: ArraySlice<UInt8>) -> (
            offset: Int, gap: Int
        )? {
            // `](destination` first, then `]( destination`, as the search always looked.
            for gap in 0...1 {
                let length = target.count + 2 + gap
                guard haystack.count >= length else { return nil }
                var index = haystack.startIndex
                while index <= haystack.endIndex - length {
                    if haystack[index] == UInt8(ascii: "]") && haystack[index + 1] == UInt8(ascii: "(")
                        && (gap == 0 || haystack[index + 2] == UInt8(ascii: " "))
                        && Self.bytes(haystack, at: index + 2 + gap, equal: target)
                    {
                        return (index, gap)
                    }
                    index += 1
                }
            }
            return nil
        }

        private static func bytes(_ haystack: ArraySlice<UInt8>, at start: Int, equal target: UnsafeBufferPointer<UInt8>) -> Bool {
            for offset in 0..<target.count where haystack[start + offset] != target[offset] { return false }
            return true
        }

        /// Characters (grapheme clusters) in `bytes` of one line: the byte count when they are
        /// ASCII, which most text is (lines hold no newline, so no `\r\n` pair to merge).
        private static func characterCount(_ bytes: ArraySlice<UInt8>) -> Int {
            if bytes.allSatisfy({ $0 < 0x80 }) { return bytes.count }
            return String(decoding: bytes, as: UTF8.self).count
        }
    }
}

// MARK: - Checks

extension CmarkTree {
    /// True when libcmark reads `text` as one paragraph (not a heading, list, quote, fence,
    /// HTML block or link reference definition).
    static func isParagraph(_ text: [UInt8]) -> Bool {
        let root: OpaquePointer = text.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                cmark_parse_document($0, buffer.count, CMARK_OPT_DEFAULT)
            }
        }
        defer { cmark_node_free(root) }
        guard let child = cmark_node_first_child(root) else { return false }
        return cmark_node_get_type(child) == CMARK_NODE_PARAGRAPH && cmark_node_next(child) == nil
    }
}

// MARK: - The reference

extension CmarkTree {
    /// libcmark's own HTML for `source`, for tests that check the document tree's HTML
    /// against it byte for byte.
    static func referenceHTML(_ source: String, options: MarkdownOptions) -> String {
        var parseOptions = CMARK_OPT_VALIDATE_UTF8
        if options.smartPunctuation { parseOptions |= CMARK_OPT_SMART }
        let root: OpaquePointer = source.withCString { cmark_parse_document($0, strlen($0), parseOptions) }
        defer { cmark_node_free(root) }
        guard let rendered = cmark_render_html(root, options.allowRawHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT) else {
            return ""
        }
        defer { free(rendered) }
        return String(cString: rendered)
    }
}
