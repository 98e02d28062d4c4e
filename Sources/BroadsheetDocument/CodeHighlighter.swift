/// Build-time syntax highlighting for fenced code: a small hand-written tokenizer per family of
/// languages (C-like, Python, shell, SQL, CSS, JSON, YAML, HTML/XML), no script in the page.
///
/// It marks what a reader scans for (keywords, strings, comments, numbers, types, keys and
/// attributes) and leaves everything else plain; it never fails: an unknown language is not
/// highlighted, and unterminated strings or comments run to the end of the line or the block.
public enum CodeHighlighter {
    /// What a highlighted piece is; the raw value is the CSS class suffix (`hl-k`).
    public enum Kind: String, Sendable {
        case keyword = "k"
        case string = "s"
        case comment = "c"
        case number = "n"
        case type = "t"
        case attribute = "a"
    }

    /// A piece of code: its kind (nil for plain text) and text.
    public struct Piece: Sendable, Hashable {
        public var kind: Kind?
        public var text: String
    }

    /// `code` in pieces, or nil when `language` (a fence's info word) is not one it knows.
    public static func highlight(_ code: String, language: String) -> [Piece]? {
        guard let grammar = Grammar.named(language.lowercased()) else { return nil }
        var scanner = Scanner(bytes: Array(code.utf8), grammar: grammar)
        scanner.scan()
        return scanner.pieces
    }

    /// The languages it highlights, as written after the fence (aliases included).
    public static var languages: [String] { Grammar.aliases.keys.sorted() }
}

// MARK: - Grammars

private struct Grammar {
    enum Family { case cLike, markup, json, yaml, css }
    var family: Family = .cLike
    var lineComments: [String] = []
    var blockComment: (String, String)? = nil
    var quotes: [UInt8] = [UInt8(ascii: "\""), UInt8(ascii: "'")]
    /// Quotes whose strings may span lines (`` ` `` in JavaScript and Go).
    var multilineQuotes: [UInt8] = []
    /// `"""` strings (Swift, Python; `'''` too in Python).
    var tripleQuotes = false
    var keywords: Set<String> = []
    var caseInsensitive = false
    /// Capitalised words are types (Swift, Rust, TypeScript, Go's exported names are not).
    var capitalisedTypes = false
    /// `$name` and `${…}` are variables (shell).
    var dollarVariables = false
    /// `#` at a line's start starts a preprocessor keyword (C).
    var preprocessor = false
    /// `#` comments only at a word's start (shell: `a#b` is a word).
    var hashNeedsSpace = false

    static let aliases: [String: String] = [
        "swift": "swift", "js": "js", "javascript": "js", "jsx": "js", "mjs": "js", "cjs": "js", "ts": "ts",
        "typescript": "ts", "tsx": "ts", "py": "python", "python": "python", "json": "json", "jsonc": "json",
        "yaml": "yaml", "yml": "yaml", "sh": "shell", "bash": "shell", "shell": "shell", "zsh": "shell",
        "console": "shell", "html": "markup", "xml": "markup", "svg": "markup", "xhtml": "markup", "css": "css",
        "sql": "sql", "go": "go", "golang": "go", "rust": "rust", "rs": "rust", "c": "c", "h": "c", "cpp": "c",
        "c++": "c",
    ]

    static func named(_ name: String) -> Grammar? {
        guard let canonical = aliases[name] else { return nil }
        return grammars[canonical]
    }

    private static func words(_ text: String) -> Set<String> { Set(text.split(separator: " ").map(String.init)) }

    private static let javaScript = words(
        "break case catch class const continue debugger default delete do else export extends finally for function if import in instanceof let new return super switch this throw try typeof var void while with yield async await of null undefined true false static get set from"
    )

    private static let grammars: [String: Grammar] = [
        "swift": Grammar(
            lineComments: ["//"], blockComment: ("/*", "*/"), quotes: [UInt8(ascii: "\"")], tripleQuotes: true,
            keywords: words(
                "associatedtype class deinit enum extension fileprivate func import init inout internal let open operator private protocol public rethrows static struct subscript typealias var break case catch continue default defer do else fallthrough for guard if in repeat return throw switch where while as false is nil self Self super throws true try await async actor some any mutating nonmutating lazy weak unowned override final required convenience get set willSet didSet consuming borrowing sending"
            ), capitalisedTypes: true),
        "js": Grammar(
            lineComments: ["//"], blockComment: ("/*", "*/"),
            quotes: [UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "`")], multilineQuotes: [UInt8(ascii: "`")],
            keywords: javaScript),
        "ts": Grammar(
            lineComments: ["//"], blockComment: ("/*", "*/"),
            quotes: [UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "`")], multilineQuotes: [UInt8(ascii: "`")],
            keywords: javaScript.union(
                words(
                    "interface type enum implements namespace declare readonly public private protected abstract as keyof infer never unknown any number string boolean satisfies"
                )), capitalisedTypes: true),
        "python": Grammar(
            lineComments: ["#"], tripleQuotes: true,
            keywords: words(
                "False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield match case self"
            ), capitalisedTypes: true),
        "go": Grammar(
            lineComments: ["//"], blockComment: ("/*", "*/"),
            quotes: [UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "`")], multilineQuotes: [UInt8(ascii: "`")],
            keywords: words(
                "break case chan const continue default defer else fallthrough for func go goto if import interface map package range return select struct switch type var nil true false iota string int int64 float64 bool byte rune error"
            )),
        "rust": Grammar(
            lineComments: ["//"], blockComment: ("/*", "*/"), quotes: [UInt8(ascii: "\"")],
            keywords: words(
                "as async await break const continue crate dyn else enum extern false fn for if impl in let loop match mod move mut pub ref return self Self static struct super trait true type unsafe use where while"
            ), capitalisedTypes: true),
        "c": Grammar(
            lineComments: ["//"], blockComment: ("/*", "*/"),
            keywords: words(
                "auto break case char const continue default do double else enum extern float for goto if inline int long register restrict return short signed sizeof static struct switch typedef union unsigned void volatile while bool true false NULL size_t class namespace template typename public private protected virtual new delete nullptr"
            ), preprocessor: true),
        "sql": Grammar(
            lineComments: ["--"], blockComment: ("/*", "*/"),
            keywords: words(
                "select from where insert into values update set delete create table drop alter add index primary key foreign references join inner left right outer full cross on group by order having limit offset as and or not null is in like between distinct union all case when then else end exists default unique check view with returning asc desc integer int bigint text varchar char boolean date timestamp real numeric begin commit rollback transaction if"
            ), caseInsensitive: true),
        "shell": Grammar(
            lineComments: ["#"],
            keywords: words(
                "if then else elif fi for while until do done case esac in function return exit export local readonly set unset echo cd source shift break continue"
            ), dollarVariables: true, hashNeedsSpace: true),
        "markup": Grammar(family: .markup),
        "json": Grammar(family: .json, quotes: [UInt8(ascii: "\"")], keywords: words("true false null")),
        "yaml": Grammar(family: .yaml, lineComments: ["#"], keywords: words("true false null yes no on off ~")),
        "css": Grammar(family: .css, blockComment: ("/*", "*/"), keywords: words("!important")),
    ]
}

// MARK: - The scanner

private struct Scanner {
    let bytes: [UInt8]
    let grammar: Grammar
    var pieces: [CodeHighlighter.Piece] = []
    private var index = 0
    private var plainStart = 0

    init(bytes: [UInt8], grammar: Grammar) {
        self.bytes = bytes
        self.grammar = grammar
    }

    mutating func scan() {
        switch grammar.family {
        case .cLike: scanCode()
        case .markup: scanMarkup()
        case .json, .yaml, .css: scanData()
        }
        flushPlain(upTo: bytes.count)
    }

    // MARK: Pieces

    private mutating func flushPlain(upTo end: Int) {
        if end > plainStart { append(nil, plainStart..<end) }
    }

    private mutating func emit(_ kind: CodeHighlighter.Kind, _ range: Range<Int>) {
        flushPlain(upTo: range.lowerBound)
        append(kind, range)
        plainStart = range.upperBound
        index = range.upperBound
    }

    private mutating func append(_ kind: CodeHighlighter.Kind?, _ range: Range<Int>) {
        let text = String(decoding: bytes[range], as: UTF8.self)
        if let last = pieces.last, last.kind == kind {
            pieces[pieces.count - 1].text += text
        } else {
            pieces.append(CodeHighlighter.Piece(kind: kind, text: text))
        }
    }

    // MARK: Helpers

    private func starts(with text: String, at position: Int) -> Bool {
        let utf8 = text.utf8
        return bytes.count - position >= utf8.count && bytes[position..<position + utf8.count].elementsEqual(utf8)
    }

    private func lineEnd(from position: Int) -> Int {
        var end = position
        while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
        return end
    }

    private static func isIdentifierStart(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == UInt8(ascii: "_")
    }

    private static func isIdentifier(_ byte: UInt8) -> Bool {
        isIdentifierStart(byte) || isDigit(byte)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    /// The end of a string opened at `start` by `quote`: past the closing quote, at the line's
    /// end when it is unterminated (or the text's end for multi-line quotes).
    private func stringEnd(from start: Int, quote: UInt8, multiline: Bool) -> Int {
        var position = start + 1
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\\") {
                position += 2
                continue
            }
            if byte == quote { return position + 1 }
            if byte == UInt8(ascii: "\n") && !multiline { return position }
            position += 1
        }
        return bytes.count
    }

    private func numberEnd(from start: Int) -> Int {
        var position = start
        while position < bytes.count,
            Self.isIdentifier(bytes[position]) || bytes[position] == UInt8(ascii: ".")
                || ((bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-"))
                    && (bytes[position - 1] | 0x20) == UInt8(ascii: "e") && !starts(with: "0x", at: start))
        {
            if bytes[position] == UInt8(ascii: "."), position + 1 < bytes.count, !Self.isDigit(bytes[position + 1]) { break }
            position += 1
        }
        return position
    }

    private func wordEnd(from start: Int) -> Int {
        var position = start
        while position < bytes.count && Self.isIdentifier(bytes[position]) { position += 1 }
        return position
    }

    /// A block comment, line comment or string starting here, emitted; false when none does.
    private mutating func commentOrString() -> Bool {
        if let (open, close) = grammar.blockComment, starts(with: open, at: index) {
            var end = index + open.utf8.count
            while end < bytes.count && !starts(with: close, at: end) { end += 1 }
            emit(.comment, index..<min(bytes.count, end + close.utf8.count))
            return true
        }
        for marker in grammar.lineComments where starts(with: marker, at: index) {
            if grammar.hashNeedsSpace && index > 0 && !Self.isSpace(bytes[index - 1]) { continue }
            emit(.comment, index..<lineEnd(from: index))
            return true
        }
        let byte = bytes[index]
        guard grammar.quotes.contains(byte) else { return false }
        if grammar.tripleQuotes, starts(with: String(repeating: String(UnicodeScalar(byte)), count: 3), at: index) {
            var end = index + 3
            while end < bytes.count && !starts(with: String(repeating: String(UnicodeScalar(byte)), count: 3), at: end) {
                end += bytes[end] == UInt8(ascii: "\\") ? 2 : 1
            }
            emit(.string, index..<min(bytes.count, end + 3))
            return true
        }
        emit(.string, index..<stringEnd(from: index, quote: byte, multiline: grammar.multilineQuotes.contains(byte)))
        return true
    }

    // MARK: Programming languages

    private mutating func scanCode() {
        var atLineStart = true
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                atLineStart = true
                index += 1
                continue
            }
            if grammar.preprocessor && atLineStart && byte == UInt8(ascii: "#") {
                emit(.keyword, index..<wordEnd(from: index + 1))
                atLineStart = false
                continue
            }
            if !Self.isSpace(byte) { atLineStart = false }
            if commentOrString() { continue }
            if grammar.dollarVariables && byte == UInt8(ascii: "$") && index + 1 < bytes.count {
                if bytes[index + 1] == UInt8(ascii: "{") {
                    var end = index + 2
                    while end < bytes.count && bytes[end] != UInt8(ascii: "}") && bytes[end] != UInt8(ascii: "\n") { end += 1 }
                    emit(.attribute, index..<min(bytes.count, end + 1))
                    continue
                }
                if Self.isIdentifier(bytes[index + 1]) {
                    emit(.attribute, index..<wordEnd(from: index + 1))
                    continue
                }
            }
            let previousIsWord = index > 0 && (Self.isIdentifier(bytes[index - 1]) || bytes[index - 1] >= 0x80)
            if Self.isDigit(byte) && !previousIsWord {
                emit(.number, index..<numberEnd(from: index))
                continue
            }
            if Self.isIdentifierStart(byte) && !previousIsWord {
                let end = wordEnd(from: index)
                let word = String(decoding: bytes[index..<end], as: UTF8.self)
                if grammar.keywords.contains(grammar.caseInsensitive ? word.lowercased() : word) {
                    emit(.keyword, index..<end)
                } else if grammar.capitalisedTypes && (byte >= 0x41 && byte <= 0x5A) {
                    emit(.type, index..<end)
                } else {
                    index = end
                }
                continue
            }
            index += 1
        }
    }

    // MARK: HTML and XML

    private mutating func scanMarkup() {
        while index < bytes.count {
            if starts(with: "<!--", at: index) {
                var end = index + 4
                while end < bytes.count && !starts(with: "-->", at: end) { end += 1 }
                emit(.comment, index..<min(bytes.count, end + 3))
                continue
            }
            guard bytes[index] == UInt8(ascii: "<"), index + 1 < bytes.count,
                Self.isIdentifierStart(bytes[index + 1]) || "/!?".utf8.contains(bytes[index + 1])
            else {
                index += 1
                continue
            }
            // The tag's name, then its attributes and their values, up to `>`.
            var end = index + 1
            while end < bytes.count && !Self.isSpace(bytes[end]) && bytes[end] != UInt8(ascii: ">") { end += 1 }
            emit(.type, index..<end)
            while index < bytes.count && bytes[index] != UInt8(ascii: ">") {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    emit(.string, index..<stringEnd(from: index, quote: byte, multiline: true))
                } else if Self.isIdentifierStart(byte) {
                    var name = index
                    while name < bytes.count,
                        Self.isIdentifier(bytes[name]) || bytes[name] == UInt8(ascii: "-") || bytes[name] == UInt8(ascii: ":")
                    {
                        name += 1
                    }
                    emit(.attribute, index..<name)
                } else {
                    index += 1
                }
            }
            if index < bytes.count { emit(.type, index..<index + 1) }
        }
    }

    // MARK: JSON, YAML and CSS

    private mutating func scanData() {
        var braces = 0
        var atLineStart = true
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                atLineStart = true
                index += 1
                continue
            }
            if grammar.family == .yaml && atLineStart {
                atLineStart = false
                // A key: the line's first word (after a list dash) when a `: ` or the line's end follows.
                var start = index
                while start < bytes.count && (bytes[start] == UInt8(ascii: " ") || bytes[start] == UInt8(ascii: "-")) {
                    start += 1
                }
                var colon = start
                while colon < bytes.count && !": #\n\"'".utf8.contains(bytes[colon]) { colon += 1 }
                if colon > start, colon < bytes.count, bytes[colon] == UInt8(ascii: ":"),
                    colon + 1 == bytes.count || Self.isSpace(bytes[colon + 1])
                {
                    index = start
                    emit(.attribute, start..<colon)
                    continue
                }
            }
            atLineStart = false
            if grammar.family == .yaml, byte == UInt8(ascii: "#"), index == 0 || Self.isSpace(bytes[index - 1]) {
                emit(.comment, index..<lineEnd(from: index))
                continue
            }
            if grammar.family == .yaml && (byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")) {
                emit(.string, index..<stringEnd(from: index, quote: byte, multiline: false))
                continue
            }
            if grammar.family != .yaml && commentOrString() {
                if grammar.family == .json, pieces.last?.kind == .string {
                    // A string followed by `:` is a key.
                    var next = index
                    while next < bytes.count && Self.isSpace(bytes[next]) { next += 1 }
                    if next < bytes.count && bytes[next] == UInt8(ascii: ":") { pieces[pieces.count - 1].kind = .attribute }
                }
                continue
            }
            if grammar.family == .css {
                if byte == UInt8(ascii: "{") { braces += 1 }
                if byte == UInt8(ascii: "}") { braces = max(0, braces - 1) }
                if byte == UInt8(ascii: "@") {
                    var end = index + 1
                    while end < bytes.count && (Self.isIdentifier(bytes[end]) || bytes[end] == UInt8(ascii: "-")) { end += 1 }
                    emit(.keyword, index..<end)
                    continue
                }
                if byte == UInt8(ascii: "#") && braces > 0 {
                    emit(.number, index..<wordEnd(from: index + 1))
                    continue
                }
                if braces > 0 && (Self.isIdentifierStart(byte) || byte == UInt8(ascii: "-"))
                    && (index == 0 || !Self.isIdentifier(bytes[index - 1]))
                {
                    var end = index
                    while end < bytes.count && (Self.isIdentifier(bytes[end]) || bytes[end] == UInt8(ascii: "-")) { end += 1 }
                    var next = end
                    while next < bytes.count && bytes[next] == UInt8(ascii: " ") { next += 1 }
                    // A property ends at `;` or `}`; a selector such as `a:hover` goes on to `{`.
                    var stop = next
                    while stop < bytes.count && !";{}".utf8.contains(bytes[stop]) { stop += 1 }
                    if next < bytes.count && bytes[next] == UInt8(ascii: ":")
                        && (stop == bytes.count || bytes[stop] != UInt8(ascii: "{"))
                    {
                        emit(.attribute, index..<end)
                    } else {
                        index = end
                    }
                    continue
                }
            }
            let previousIsWord =
                index > 0
                && (Self.isIdentifier(bytes[index - 1])
                    || (bytes[index - 1] == UInt8(ascii: "-") && index > 1 && Self.isIdentifier(bytes[index - 2])))
            if (Self.isDigit(byte) || (byte == UInt8(ascii: "-") && index + 1 < bytes.count && Self.isDigit(bytes[index + 1])))
                && !previousIsWord
            {
                var end = numberEnd(from: index + 1)
                // Dates and times (2021-09-12, 09:30) are one value.
                while end + 1 < bytes.count, bytes[end] == UInt8(ascii: "-") || bytes[end] == UInt8(ascii: ":"),
                    Self.isDigit(bytes[end + 1])
                {
                    end = numberEnd(from: end + 1)
                }
                emit(.number, index..<end)
                continue
            }
            if Self.isIdentifierStart(byte) && !previousIsWord {
                let end = wordEnd(from: index)
                let word = String(decoding: bytes[index..<end], as: UTF8.self)
                if grammar.keywords.contains(word) { emit(.keyword, index..<end) } else { index = end }
                continue
            }
            index += 1
        }
    }
}
