import Foundation

/// Converts the HTML Broadsheet generates (CommonMark output, citations) into readable plain
/// text: paragraphs wrapped at 72 columns, lists with dashes, links as `text [n]` with the URLs
/// collected in `LinkReferences`, citations as `(source n)`.
enum PlainText {
    static let width = 72

    /// The text of `html`; relative links must already be absolute.
    static func convert(_ html: String, links: inout LinkReferences) -> String {
        var blocks: [String] = []
        var current = ""
        var prefixes: [String] = []
        var pendingLink: String?
        var citation: String?
        var listCounters: [Int?] = []
        func flush() {
            let text = current.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
            if !text.isEmpty { blocks.append(wrap(text, prefix: prefixes.joined())) }
            current = ""
            prefixes.removeAll { $0.hasPrefix("- ") || $0.first?.isNumber == true }
        }
        var rest = html[...]
        while !rest.isEmpty {
            guard let open = rest.firstIndex(of: "<") else {
                appendText(decodeEntities(String(rest)), to: &current, citation: &citation)
                break
            }
            appendText(decodeEntities(String(rest[..<open])), to: &current, citation: &citation)
            guard let close = rest[open...].firstIndex(of: ">") else { break }
            let tag = String(rest[rest.index(after: open)..<close])
            rest = rest[rest.index(after: close)...]
            let isClosing = tag.hasPrefix("/")
            let name = String((isClosing ? tag.dropFirst() : tag[...]).prefix { $0.isLetter || $0.isNumber }).lowercased()
            switch (name, isClosing) {
            case ("p", _), ("h1", _), ("h2", _), ("h3", _), ("h4", _), ("h5", _), ("h6", _), ("pre", _), ("div", _),
                ("table", _), ("tr", true):
                flush()
            case ("br", _):
                current += "\n"
            case ("ul", false), ("ol", false):
                flush()
                listCounters.append(name == "ol" ? 0 : nil)
            case ("ul", true), ("ol", true):
                flush()
                if !listCounters.isEmpty { listCounters.removeLast() }
            case ("li", false):
                flush()
                if var counter = listCounters.last ?? nil {
                    counter += 1
                    listCounters[listCounters.count - 1] = counter
                    prefixes.append("\(counter). ")
                } else {
                    prefixes.append("- ")
                }
            case ("li", true):
                flush()
            case ("blockquote", false):
                flush()
                prefixes.append("> ")
            case ("blockquote", true):
                flush()
                if let index = prefixes.lastIndex(of: "> ") { prefixes.remove(at: index) }
            case ("td", true), ("th", true):
                current += "  "
            case ("sup", false) where tag.contains("class=\"citation\""):
                citation = ""
            case ("sup", true) where citation != nil:
                let numbers = citation!.trimmingCharacters(in: CharacterSet(charactersIn: "[] "))
                current += numbers.contains(",") ? " (sources \(numbers))" : " (source \(numbers))"
                citation = nil
            case ("a", false):
                pendingLink = attribute("href", in: tag)
            case ("a", true):
                if citation == nil, let url = pendingLink, !url.isEmpty, !url.hasPrefix("#"),
                    url.hasPrefix("http") || url.hasPrefix("mailto:")
                {
                    current += " [\(links.number(for: url))]"
                }
                pendingLink = nil
            case ("img", false):
                if let alt = attribute("alt", in: tag), !alt.isEmpty { current += "[\(alt)]" }
            default:
                break
            }
        }
        flush()
        return blocks.joined(separator: "\n\n")
    }

    /// How many columns `text` takes in a monospaced font (CJK characters take two).
    static func columns(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 && $1.value <= 0xFFEF ? 2 : 1) }
    }

    /// Wraps `text` at `width` columns, indenting continuation lines under the prefix.
    static func wrap(_ text: String, prefix: String = "") -> String {
        let indent = String(repeating: " ", count: prefix.count)
        var lines: [String] = []
        var line = prefix
        var lineHasWord = false
        for word in text.split(separator: " ") {
            if lineHasWord && columns(line) + 1 + columns(String(word)) > width {
                lines.append(line)
                line = (prefix.hasPrefix(">") ? prefix : indent) + word
            } else {
                line += (lineHasWord ? " " : "") + word
            }
            lineHasWord = true
        }
        lines.append(line)
        return lines.joined(separator: "\n")
    }

    private static func appendText(_ text: String, to current: inout String, citation: inout String?) {
        if citation != nil { citation! += text } else { current += text }
    }

    static func attribute(_ name: String, in tag: String) -> String? {
        guard let start = tag.range(of: " \(name)=\"") else { return nil }
        let value = tag[start.upperBound...].prefix { $0 != "\"" }
        return decodeEntities(String(value))
    }

    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var output = ""
        var rest = text[...]
        while let amp = rest.firstIndex(of: "&") {
            output += rest[..<amp]
            let after = rest[amp...]
            if let semicolon = after.prefix(10).firstIndex(of: ";") {
                let entity = String(after[after.index(after: amp)..<semicolon])
                if let decoded = decode(entity) {
                    output += decoded
                    rest = after[after.index(after: semicolon)...]
                    continue
                }
            }
            output += "&"
            rest = after.dropFirst()
        }
        output += rest
        return output
    }

    private static func decode(_ entity: String) -> String? {
        switch entity {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        case "nbsp": return " "
        default:
            var number: UInt32?
            if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                number = UInt32(entity.dropFirst(2), radix: 16)
            } else if entity.hasPrefix("#") {
                number = UInt32(entity.dropFirst())
            }
            return number.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
        }
    }
}
