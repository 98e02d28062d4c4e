import BroadsheetCore

/// Strong entity tags for conditional requests, from a 64-bit FNV-1a hash of the bytes served.
enum EntityTag {
    /// The quoted tag of `bytes`, e.g. `"9f2c…-5120"`.
    static func of(_ bytes: some Collection<UInt8>) -> String {
        let hash = FNV1a.hash(bytes)
        return "\"\(String(hash, radix: 16))-\(String(bytes.count, radix: 16))\""
    }

    /// Whether an `If-None-Match` header value matches `tag` (weak comparison, as RFC 9110 asks for GET).
    static func matches(ifNoneMatch header: String, tag: String) -> Bool {
        let wanted = tag.hasPrefix("W/") ? String(tag.dropFirst(2)) : tag
        for candidate in header.split(separator: ",") {
            let trimmed = candidate.trimmingWhitespace()
            if trimmed == "*" { return true }
            let opaque = trimmed.hasPrefix("W/") ? trimmed.dropFirst(2) : trimmed[...]
            if opaque == wanted { return true }
        }
        return false
    }
}

extension Substring {
    func trimmingWhitespace() -> Substring {
        var result = self
        while let first = result.first, first == " " || first == "\t" { result = result.dropFirst() }
        while let last = result.last, last == " " || last == "\t" { result = result.dropLast() }
        return result
    }
}
