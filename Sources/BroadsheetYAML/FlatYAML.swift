/// A parser for the common shape of front matter only: one `key: value` per line, where a
/// value is a plain word-like scalar, a quoted string without escapes, or a one-line list
/// of plain words (`[a, b]`).
///
/// Yams was 7% of a large build for front matter that is almost always this simple. Anything
/// else (comments, nesting, escapes, anchors, odd characters, duplicate keys) returns nil and
/// goes to Yams, so values, locations and diagnostics stay exactly Yams's.
enum FlatYAML {
    /// The mapping, or nil when the text is not in the simple shape.
    static func parse(_ text: String, lineOffset: Int) -> YAMLNode? {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { return nil }
        // Characters libyaml reads as line breaks or refuses (C1 controls, NEL, LS, PS, BOM,
        // U+FFFE/U+FFFF) change or break a scalar; tabs and CRs change its spaces.
        guard isPlainText(bytes) else { return nil }
        var pairs: [YAMLNode.Pair] = []
        var keys: Set<String> = []
        var lineStart = 0
        var lineNumber = 1
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count && bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            guard let pair = parseLine(bytes[lineStart..<lineEnd], line: lineNumber + lineOffset),
                case .scalar(let key, _) = pair.key.content, keys.insert(key).inserted
            else { return nil }
            pairs.append(pair)
            lineStart = lineEnd + 1
            lineNumber += 1
        }
        guard let first = pairs.first else { return nil }
        return YAMLNode(.mapping(pairs), line: first.key.line, column: first.key.column)
    }

    private static func parseLine(_ line: ArraySlice<UInt8>, line number: Int) -> YAMLNode.Pair? {
        var index = line.startIndex
        while index < line.endIndex && isKeyByte(line[index]) { index += 1 }
        // `key: value` with exactly one space; a key starting with a digit or '-' could be read otherwise.
        guard index > line.startIndex, isLetter(line[line.startIndex]), index + 2 < line.endIndex,
            line[index] == UInt8(ascii: ":"), line[index + 1] == UInt8(ascii: " ")
        else { return nil }
        let keyText = string(line[line.startIndex..<index])
        guard !["null", "Null", "NULL"].contains(keyText) else { return nil }
        let key = YAMLNode(.scalar(keyText, quoted: false), line: number, column: 1)
        let valueStart = index + 2
        let column = valueStart - line.startIndex + 1
        let value = line[valueStart...]
        guard let content = parseValue(value, line: number, column: column) else { return nil }
        return YAMLNode.Pair(key: key, value: YAMLNode(content, line: number, column: column))
    }

    private static func parseValue(_ value: ArraySlice<UInt8>, line: Int, column: Int) -> YAMLNode.Content? {
        guard let first = value.first, let last = value.last else { return nil }
        if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
            guard value.count >= 2, last == first else { return nil }
            let inner = value.dropFirst().dropLast()
            // No escapes, no inner quotes (doubled in single quotes), no control characters.
            guard inner.allSatisfy({ $0 != first && $0 != UInt8(ascii: "\\") && $0 >= 0x20 && $0 != 0x7F }) else {
                return nil
            }
            return .scalar(string(inner), quoted: true)
        }
        if first == UInt8(ascii: "[") {
            guard last == UInt8(ascii: "]") else { return nil }
            return parseList(value.dropFirst().dropLast(), line: line, column: column + 1)
        }
        if let word = plainWords(value) {
            return ["null", "Null", "NULL"].contains(word) ? .null : .scalar(word, quoted: false)
        }
        return plainText(value).map { .scalar($0, quoted: false) }
    }

    /// A plain scalar of prose (`summary: It's here, at last (mostly).`): starts with a letter
    /// or digit, has no `: ` or ` #` (a mapping or a comment), and ends in neither a space nor `:`.
    private static func plainText(_ text: ArraySlice<UInt8>) -> String? {
        guard let first = text.first, let last = text.last, isLetter(first) || isDigit(first),
            last != UInt8(ascii: " "), last != UInt8(ascii: ":")
        else { return nil }
        var previous: UInt8 = 0
        for byte in text {
            if byte < 0x20 || byte == 0x7F { return nil }
            if previous == UInt8(ascii: ":") && byte == UInt8(ascii: " ") { return nil }
            if previous == UInt8(ascii: " ") && byte == UInt8(ascii: "#") { return nil }
            previous = byte
        }
        return string(text)
    }

    /// No control characters, and no non-ASCII character libyaml treats specially.
    private static func isPlainText(_ bytes: [UInt8]) -> Bool {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") || (byte >= 0x20 && byte < 0x7F) {
                index += 1
                continue
            }
            guard byte >= 0x80 else { return false }
            let next = index + 1 < bytes.count ? bytes[index + 1] : 0
            let third = index + 2 < bytes.count ? bytes[index + 2] : 0
            if byte == 0xC2 && next < 0xA0 { return false }  // U+0080–U+009F, NEL among them
            if byte == 0xE2 && next == 0x80 && (third == 0xA8 || third == 0xA9) { return false }  // LS, PS
            if byte == 0xEF && next == 0xBB && third == 0xBF { return false }  // BOM
            if byte == 0xEF && next == 0xBF && (third == 0xBE || third == 0xBF) { return false }  // U+FFFE, U+FFFF
            index += 1
        }
        return true
    }

    /// `a, b c, d` inside brackets; items are plain words separated by a comma and one space.
    private static func parseList(_ inner: ArraySlice<UInt8>, line: Int, column: Int) -> YAMLNode.Content? {
        guard !inner.isEmpty else { return .sequence([]) }
        var items: [YAMLNode] = []
        var start = inner.startIndex
        while true {
            var end = start
            while end < inner.endIndex && inner[end] != UInt8(ascii: ",") { end += 1 }
            // libyaml reads ':' inside a flow item differently; leave those to Yams.
            guard let word = plainWords(inner[start..<end]), !word.utf8.contains(UInt8(ascii: ":")),
                !["null", "Null", "NULL"].contains(word)
            else { return nil }
            items.append(YAMLNode(.scalar(word, quoted: false), line: line, column: column + (start - inner.startIndex)))
            guard end < inner.endIndex else { break }
            guard end + 1 < inner.endIndex, inner[end + 1] == UInt8(ascii: " ") else { return nil }
            start = end + 2
        }
        return .sequence(items)
    }

    /// Letters, digits, `-`, `_`, `.`, `:`, `+` and single inner spaces, starting with a letter or
    /// digit: a plain scalar whose text is exactly what is written.
    private static func plainWords(_ text: ArraySlice<UInt8>) -> String? {
        guard let first = text.first, let last = text.last, isLetter(first) || isDigit(first), last != UInt8(ascii: " ")
        else { return nil }
        var previous: UInt8 = 0
        for byte in text {
            let allowed =
                isLetter(byte) || isDigit(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "+")
                || (byte == UInt8(ascii: ":") && previous != UInt8(ascii: " "))
                || (byte == UInt8(ascii: " ") && previous != UInt8(ascii: " ") && previous != UInt8(ascii: ":"))
            guard allowed else { return nil }
            previous = byte
        }
        // A colon ending the text, or a number-like start, is fine as a string here; only ": " is a mapping.
        guard last != UInt8(ascii: ":") else { return nil }
        return string(text)
    }

    private static func isKeyByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || isDigit(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private static func string(_ bytes: ArraySlice<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }
}
