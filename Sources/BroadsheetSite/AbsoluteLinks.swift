/// Rewrites links for places where a reader is not on the site (feeds, email): root-relative
/// links (`href="/…"`, `src="/…"`) get the site's origin, in-page fragments (`href="#ref-1"`)
/// the page's URL. Protocol-relative links (`//host/…`) are left alone.
enum AbsoluteLinks {
    /// One pass over the bytes: this runs on the full text of every feed entry.
    static func rewrite(_ html: String, origin: String, pageURL: String) -> String {
        let source = Array(html.utf8)
        let originBytes = Array(origin.utf8)
        let pageBytes = Array(pageURL.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(source.count + source.count / 16)
        var index = 0
        while index < source.count {
            let byte = source[index]
            result.append(byte)
            index += 1
            guard byte == UInt8(ascii: "\""), index < source.count else { continue }
            let start = index - 1
            let isHref = endsWith(source, at: start, "href=")
            guard isHref || endsWith(source, at: start, "src=") else { continue }
            let next = source[index]
            if next == UInt8(ascii: "/") && (index + 1 >= source.count || source[index + 1] != UInt8(ascii: "/")) {
                result += originBytes
            } else if next == UInt8(ascii: "#") && isHref {
                result += pageBytes
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Whether `bytes[..<end]` ends with `suffix`, preceded by a space (so `data-href=` does not count).
    private static func endsWith(_ bytes: [UInt8], at end: Int, _ suffix: StaticString) -> Bool {
        let count = suffix.utf8CodeUnitCount
        guard end >= count + 1 else { return false }
        let start = end - count
        let matches = suffix.withUTF8Buffer { suffixBytes in
            suffixBytes.indices.allSatisfy { bytes[start + $0] == suffixBytes[$0] }
        }
        let before = bytes[start - 1]
        return matches && (before == UInt8(ascii: " ") || before == UInt8(ascii: "\n") || before == UInt8(ascii: "\t"))
    }
}
