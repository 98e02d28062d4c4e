/// A block of a resolved document.
///
/// `Embed` is what a generated block carries: the resolve stage turns fenced blocks such as
/// ```` ```timeline ```` into components, and each renderer draws them its own way.
public indirect enum Block<Embed: Sendable & Hashable>: Sendable, Hashable {
    /// A paragraph of inline content.
    case paragraph([Inline], SourceSpan)
    /// A heading with its unique id.
    case heading(Heading, SourceSpan)
    /// A block quote.
    case blockQuote([Block], SourceSpan)
    /// A bulleted or numbered list.
    case list(ListBlock<Embed>, SourceSpan)
    /// A fenced or indented code block.
    case codeBlock(CodeBlock, SourceSpan)
    /// A GitHub-flavoured pipe table.
    case table(Table, SourceSpan)
    /// A horizontal rule.
    case thematicBreak(SourceSpan)
    /// An HTML block as the author wrote it, or its omission.
    case html(RawHTML, SourceSpan)
    /// A generated block, resolved.
    case embed(Embed, SourceSpan)

    /// Where the block stands in the Markdown.
    public var span: SourceSpan {
        switch self {
        case .paragraph(_, let span), .heading(_, let span), .blockQuote(_, let span), .list(_, let span),
            .codeBlock(_, let span), .table(_, let span), .thematicBreak(let span), .html(_, let span), .embed(_, let span):
            span
        }
    }
}

/// A heading: its level, id (for anchors and the table of contents) and content.
public struct Heading: Sendable, Hashable {
    /// 1 to 6.
    public var level: Int
    /// The unique id within the document (empty when anchors are off).
    public var id: String
    /// The heading as plain text.
    public var text: String
    /// The heading's inline content.
    public var content: [Inline]

    /// Creates a heading.
    public init(level: Int, id: String, text: String, content: [Inline]) {
        self.level = level
        self.id = id
        self.text = text
        self.content = content
    }
}

/// A list and its items.
public struct ListBlock<Embed: Sendable & Hashable>: Sendable, Hashable {
    /// Numbered (`1.`) rather than bulleted.
    public var isOrdered: Bool
    /// The first number of a numbered list.
    public var start: Int
    /// A tight list's items hold their paragraphs without paragraph spacing.
    public var isTight: Bool
    /// Each item's blocks.
    public var items: [[Block<Embed>]]
    /// Per item, its task list checkbox (GitHub-flavoured `- [ ]`, `- [x]`): true when ticked,
    /// nil for an item that is not a task. Empty when no item is a task.
    public var tasks: [Bool?]

    /// Creates a list.
    public init(isOrdered: Bool, start: Int, isTight: Bool, items: [[Block<Embed>]], tasks: [Bool?] = []) {
        self.isOrdered = isOrdered
        self.start = start
        self.isTight = isTight
        self.items = items
        self.tasks = tasks
    }

    /// The checkbox of item `index`, if it is a task.
    public func task(_ index: Int) -> Bool? {
        tasks.indices.contains(index) ? tasks[index] : nil
    }
}

/// A code block and its language.
public struct CodeBlock: Sendable, Hashable {
    /// The first word of the fence's info string (`swift`), or empty.
    public var language: String
    /// The code, ending with a newline.
    public var literal: String

    /// Creates a code block.
    public init(language: String, literal: String) {
        self.language = language
        self.literal = literal
    }
}

/// Raw HTML from the Markdown: kept only when the site allows it.
public enum RawHTML: Sendable, Hashable {
    /// The author's HTML, allowed by `allowRawHTML`.
    case allowed(String)
    /// HTML the author wrote and the site does not allow: it is left out.
    case omitted
}

// MARK: - Queries

extension Block {
    /// Every embedded block of `blocks` in document order, those inside quotes and lists included.
    ///
    /// Renderers ask this of every document, so it reads the blocks in place instead of copying
    /// them onto a stack; the converter caps nesting at 96 levels, which bounds the recursion.
    public static func embeds(in blocks: [Block]) -> [Embed] {
        var found: [Embed] = []
        collectEmbeds(in: blocks, into: &found)
        return found
    }

    private static func collectEmbeds(in blocks: [Block], into found: inout [Embed]) {
        for block in blocks {
            switch block {
            case .embed(let embed, _): found.append(embed)
            case .blockQuote(let children, _): collectEmbeds(in: children, into: &found)
            case .list(let list, _): for item in list.items { collectEmbeds(in: item, into: &found) }
            default: continue
            }
        }
    }
}
