/// Rewrites root-relative links (`href="/…"`) to absolute URLs, for feeds and email,
/// where a reader is not on the site.
///
/// Both rewrites scan the UTF-8 bytes once (Foundation's `replacingOccurrences` was most of the
/// time spent rendering a personalised email).
public enum AbsoluteLinks {
    /// Prefixes root-relative `href` and `src` values with `origin` (scheme, host and port);
    /// protocol-relative values (`//host/…`) are left alone.
    public static func rewrite(_ html: String, origin: String) -> String {
        replace(html) { value in
            value.first == UInt8(ascii: "/") && value.dropFirst().first != UInt8(ascii: "/") ? Array(origin.utf8) : nil
        }
    }

    /// Turns in-page fragment links (`href="#ref-1"`) into links to `pageURL#ref-1`.
    public static func anchorFragments(_ html: String, pageURL: String) -> String {
        replace(html, attributes: [Array("href=\"".utf8)]) { value in
            value.first == UInt8(ascii: "#") ? Array(pageURL.utf8) : nil
        }
    }

    private static let urlAttributes = [Array("href=\"".utf8), Array("src=\"".utf8)]

    /// Copies `html`, inserting `prefix(value)` at the start of each matching attribute's value.
    private static func replace(
        _ html: String, attributes: [[UInt8]] = urlAttributes, prefix: (ArraySlice<UInt8>) -> [UInt8]?
    ) -> String {
        let bytes = Array(html.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 16)
        var index = 0
        var copied = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "h") || bytes[index] == UInt8(ascii: "s") else {
                index += 1
                continue
            }
            var matched = false
            for attribute in attributes where bytes[index...].starts(with: attribute) {
                // Only whole attribute names: the byte before must not be part of a name.
                if index > 0, bytes[index - 1] != UInt8(ascii: " "), bytes[index - 1] != UInt8(ascii: "\n"),
                    bytes[index - 1] != UInt8(ascii: "\t")
                {
                    continue
                }
                let valueStart = index + attribute.count
                if let inserted = prefix(bytes[valueStart...]) {
                    output += bytes[copied..<valueStart]
                    output += inserted
                    copied = valueStart
                }
                index = valueStart
                matched = true
                break
            }
            if !matched { index += 1 }
        }
        output += bytes[copied...]
        return String(decoding: output, as: UTF8.self)
    }
}
