import Foundation

/// The `href` and `src` values and the `id`s of one rendered HTML page, read by a byte scan.
///
/// The scan reads attribute values only (`name="value"` or `name='value'` after a space);
/// text never holds a bare `"` (every renderer escapes it), so a value is always an attribute.
struct PageLinks: Sendable {
    /// Every `href` and `src` value, entities decoded, in page order, each once.
    var links: [String] = []
    /// Every `id` value, entities decoded.
    var ids: Set<String> = []

    /// Reads `html`.
    static func scan(_ html: Data) -> PageLinks {
        var page = PageLinks()
        var seen: Set<String> = []
        html.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            let count = bytes.count
            var index = 0
            guard let base = raw.baseAddress else { return }
            while index < count {
                // memchr finds the next `=` many bytes at a time; most of a page is text and tags.
                guard let found = memchr(base + index, Int32(UInt8(ascii: "=")), count - index) else { break }
                let equals = base.distance(to: UnsafeRawPointer(found))
                index = equals
                index += 1
                guard index < count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else { continue }
                let kind = attribute(before: equals, in: bytes)
                guard kind != .other else { continue }
                let quote = bytes[index]
                let start = index + 1
                var end = start
                while end < count && bytes[end] != quote { end += 1 }
                guard end < count else { break }
                let raw = UnsafeBufferPointer(rebasing: bytes[start..<end])
                // Links to other sites are most of a page's links and are not checked here:
                // passed over before any string is made.
                if kind == .link && LinkTargets.leadsElsewhere(raw) {
                    index = end + 1
                    continue
                }
                let text = String(decoding: raw, as: UTF8.self)
                let value = raw.contains(UInt8(ascii: "&")) ? decodeEntities(text) : text
                if kind == .id {
                    page.ids.insert(value)
                } else if seen.insert(value).inserted {
                    page.links.append(value)
                }
                index = end + 1
            }
        }
        return page
    }

    private enum Attribute { case link, id, other }

    /// Which attribute name ends just before `equals`: `href` or `src` (a link), `id`, or another.
    private static func attribute(before equals: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Attribute {
        func name(_ word: StaticString) -> Bool {
            let length = word.utf8CodeUnitCount
            guard equals > length else { return false }
            let start = equals - length
            let boundary = bytes[start - 1]
            guard boundary == UInt8(ascii: " ") || boundary == UInt8(ascii: "\n") || boundary == UInt8(ascii: "\t") else {
                return false
            }
            return word.withUTF8Buffer { word in
                for offset in 0..<length where bytes[start + offset] | 0x20 != word[offset] { return false }
                return true
            }
        }
        if name("href") || name("src") { return .link }
        if name("id") { return .id }
        return .other
    }

    /// `&amp;`, `&quot;`, `&lt;`, `&gt;` and numeric references replaced by their characters.
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = Substring(text)
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            let after = rest[ampersand...]
            guard let semicolon = after.prefix(12).firstIndex(of: ";") else {
                result += "&"
                rest = rest[rest.index(after: ampersand)...]
                continue
            }
            let name = after[after.index(after: ampersand)..<semicolon]
            if let character = character(named: name) {
                result.unicodeScalars.append(character)
            } else {
                result += after[...semicolon]
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        return result + rest
    }

    private static func character(named name: Substring) -> Unicode.Scalar? {
        switch name {
        case "amp": return "&"
        case "quot": return "\""
        case "lt": return "<"
        case "gt": return ">"
        case "apos": return "'"
        default:
            guard name.hasPrefix("#") else { return nil }
            let digits = name.dropFirst()
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            return value.flatMap(Unicode.Scalar.init)
        }
    }
}
