import BroadsheetDocument

/// GFM's extended autolinks: `www.` addresses, `http://`, `https://` and `ftp://` URLs and
/// email addresses in text become links, without the trailing punctuation, unmatched closing
/// parentheses or entity-like `&name;` that usually end a sentence rather than the address.
enum Autolinks {
    /// `inlines` with every run of adjacent text searched for addresses.
    static func link(_ inlines: [Inline]) -> [Inline] {
        var output: [Inline] = []
        var index = 0
        while index < inlines.count {
            guard case .text = inlines[index] else {
                output.append(inlines[index])
                index += 1
                continue
            }
            var text = ""
            let first = index
            while index < inlines.count, case .text(let part) = inlines[index] {
                text += part
                index += 1
            }
            // An address may start at a text's beginning after a break, emphasis or the start.
            var startAllowed = true
            if first > 0 {
                switch inlines[first - 1] {
                case .code, .link, .image, .html, .citations: startAllowed = false
                default: break
                }
            }
            if let split = split(text, startAllowed: startAllowed) {
                output += split
            } else {
                output += inlines[first..<index]
            }
        }
        return output
    }

    /// The text split into text and links, or nil when it holds no address.
    static func split(_ text: String, startAllowed: Bool) -> [Inline]? {
        let utf8 = text.utf8
        guard utf8.contains(UInt8(ascii: ".")) else { return nil }
        let bytes = Array(utf8)
        var output: [Inline] = []
        var plainStart = 0
        var position = 0
        func emit(_ range: Range<Int>, href: String) {
            if range.lowerBound > plainStart {
                output.append(.text(String(decoding: bytes[plainStart..<range.lowerBound], as: UTF8.self)))
            }
            let shown = String(decoding: bytes[range], as: UTF8.self)
            output.append(.link(ResolvedLink(target: .external, href: href + shown), [.text(shown)]))
            plainStart = range.upperBound
            position = range.upperBound
        }
        while position < bytes.count {
            let boundary =
                position == 0 ? startAllowed : " \t\n*_~(".utf8.contains(bytes[position - 1])
            if boundary {
                if starts(bytes, at: position, with: "www."), let end = urlEnd(bytes, from: position, domain: position) {
                    emit(position..<end, href: "http://")
                    continue
                }
                if let scheme = ["http://", "https://", "ftp://"].first(where: { starts(bytes, at: position, with: $0) }),
                    let end = urlEnd(bytes, from: position, domain: position + scheme.utf8.count)
                {
                    emit(position..<end, href: "")
                    continue
                }
            }
            if bytes[position] == UInt8(ascii: "@"), let (start, end) = email(bytes, at: position, from: plainStart) {
                emit(start..<end, href: "mailto:")
                continue
            }
            position += 1
        }
        guard !output.isEmpty else { return nil }
        if plainStart < bytes.count { output.append(.text(String(decoding: bytes[plainStart...], as: UTF8.self))) }
        return output
    }

    private static func starts(_ bytes: [UInt8], at position: Int, with prefix: String) -> Bool {
        let prefix = Array(prefix.utf8)
        return bytes.count - position >= prefix.count && bytes[position..<position + prefix.count].elementsEqual(prefix)
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    /// True for a valid domain: segments of letters, digits, `_` and `-` separated by periods,
    /// at least one period, no `_` in the last two segments.
    private static func isValidDomain(_ domain: ArraySlice<UInt8>) -> Bool {
        let segments = domain.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard segments.count >= 2, segments.allSatisfy({ !$0.isEmpty }) else { return false }
        return !segments.suffix(2).contains { $0.contains(UInt8(ascii: "_")) }
    }

    /// Where a `www.` or scheme URL starting at `start` ends, its domain at `domain`; nil when
    /// the domain is not valid.
    private static func urlEnd(_ bytes: [UInt8], from start: Int, domain: Int) -> Int? {
        var domainEnd = domain
        while domainEnd < bytes.count,
            isAlphanumeric(bytes[domainEnd]) || "-_.".utf8.contains(bytes[domainEnd])
        {
            domainEnd += 1
        }
        var end = domainEnd
        while end < bytes.count, !" \t\n<".utf8.contains(bytes[end]) { end += 1 }
        // Trailing punctuation, unmatched closing parentheses and `&entity;` are not part of it.
        trimming: while end > domain {
            switch bytes[end - 1] {
            case UInt8(ascii: "?"), UInt8(ascii: "!"), UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ":"),
                UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "~"):
                end -= 1
            case UInt8(ascii: ")"):
                let opening = bytes[start..<end].filter { $0 == UInt8(ascii: "(") }.count
                let closing = bytes[start..<end].filter { $0 == UInt8(ascii: ")") }.count
                guard closing > opening else { break trimming }
                end -= 1
            case UInt8(ascii: ";"):
                var name = end - 1
                while name > domain && isAlphanumeric(bytes[name - 1]) { name -= 1 }
                guard name > domain, name < end - 1, bytes[name - 1] == UInt8(ascii: "&") else { break trimming }
                end = name - 1
            default:
                break trimming
            }
        }
        var host = bytes[domain..<min(domainEnd, end)]
        while host.last == UInt8(ascii: ".") { host = host.dropLast() }
        guard isValidDomain(host) else { return nil }
        return end
    }

    /// The email address around the `@` at `at`, not reaching back before `from`.
    private static func email(_ bytes: [UInt8], at: Int, from: Int) -> (Int, Int)? {
        var start = at
        while start > from, isAlphanumeric(bytes[start - 1]) || ".-_+".utf8.contains(bytes[start - 1]) { start -= 1 }
        guard start < at else { return nil }
        var end = at + 1
        while end < bytes.count, isAlphanumeric(bytes[end]) || "-_.".utf8.contains(bytes[end]) { end += 1 }
        while end > at + 1 && bytes[end - 1] == UInt8(ascii: ".") { end -= 1 }
        guard end > at + 1, bytes[end - 1] != UInt8(ascii: "-"), bytes[end - 1] != UInt8(ascii: "_") else { return nil }
        let domain = bytes[(at + 1)..<end]
        let segments = domain.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard segments.count >= 2, segments.allSatisfy({ !$0.isEmpty }) else { return nil }
        return (start, end)
    }
}
