/// A document's prose as a sequence of words, each with the line it stands on: what the
/// repeated-passage check compares.
struct PassageText: Sendable {
    /// One word, lower-cased, with its file and line.
    struct Word: Sendable, Hashable {
        var text: String
        var path: String
        var line: Int
    }

    /// The document, relative to the site root (a facts file counts as one document).
    var path: String
    /// Every word of the document's prose, in reading order.
    var words: [Word]

    /// The opening and closing markers of a passage that may appear in several documents.
    static let allowOpen = "<!-- allow-repeat -->"
    static let allowClose = "<!-- /allow-repeat -->"

    /// The words of a Markdown file: `prose` is its prose (ProseExtractor, one entry per line,
    /// columns in place), `raw` the file's own lines, which carry the allow-repeat markers.
    init(path: String, prose: [String], raw: [String]) {
        self.path = path
        let masked = Self.maskingAllowed(prose: prose, raw: raw)
        words = masked.enumerated().flatMap { offset, line in
            Self.words(of: line).map { Word(text: $0, path: path, line: offset + 1) }
        }
    }

    /// The words of facts prose: each field with the location it was read from.
    init(path: String, fields: [(text: String, line: Int)]) {
        self.path = path
        words = fields.flatMap { field in Self.words(of: field.text).map { Word(text: $0, path: path, line: field.line) } }
    }

    /// `prose` with everything between an allow-repeat marker and its closing marker blanked
    /// (the markers may open and close on different lines).
    static func maskingAllowed(prose: [String], raw: [String]) -> [String] {
        var inside = false
        return prose.enumerated().map { index, line in
            let rawLine = index < raw.count ? Array(raw[index]) : []
            var chars = Array(line)
            var position = 0
            while position < rawLine.count {
                let marker = inside ? Array(allowClose) : Array(allowOpen)
                if position + marker.count <= rawLine.count && Array(rawLine[position..<position + marker.count]) == marker {
                    inside.toggle()
                    position += marker.count
                    continue
                }
                if inside && position < chars.count { chars[position] = " " }
                position += 1
            }
            if inside { for blank in rawLine.count..<max(rawLine.count, chars.count) { chars[blank] = " " } }
            return String(chars)
        }
    }

    /// Lower-cased words: runs of letters and digits, with apostrophes inside words and the
    /// decimal points and thousands separators of numbers ("8.119", "1,268.2") kept.
    static func words(of text: String) -> [String] {
        let chars = Array(text.lowercased().replacingOccurrences(of: "’", with: "'"))
        var words: [String] = []
        var current = ""
        for (index, char) in chars.enumerated() {
            if char.isLetter || char.isNumber {
                current.append(char)
            } else if !current.isEmpty, index + 1 < chars.count,
                (char == "'" && chars[index + 1].isLetter)
                    || ((char == "." || char == ",") && current.last!.isNumber && chars[index + 1].isNumber)
            {
                current.append(char)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}
