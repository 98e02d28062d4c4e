import Foundation

/// Readable, URL-safe identifiers made from titles and headings.
///
/// Letters and digits of every script are kept (so Chinese headings keep their
/// characters), everything else becomes a single `-`.
public enum Slug {
    /// The slug of `text`: lower-cased, NFC-normalised, punctuation and spaces folded into `-`.
    public static func make(from text: String) -> String {
        asciiSlug(text) ?? unicodeSlug(text)
    }

    /// The slug of any text, NFC-normalised and lower-cased first.
    static func unicodeSlug(_ text: String) -> String {
        var result = ""
        var pendingDash = false
        let folded = text.precomposedStringWithCanonicalMapping.lowercased()
        for scalar in folded.unicodeScalars {
            // ASCII without property look-ups; they are slow and most headings are ASCII.
            if scalar.isASCII {
                let byte = UInt8(scalar.value)
                if (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x7A) {
                    if pendingDash && !result.isEmpty { result.append("-") }
                    pendingDash = false
                    result.unicodeScalars.append(scalar)
                } else if byte != UInt8(ascii: "'") {
                    pendingDash = true
                }
                continue
            }
            let properties = scalar.properties
            if properties.isAlphabetic || properties.numericType != nil {
                if pendingDash && !result.isEmpty { result.append("-") }
                pendingDash = false
                result.unicodeScalars.append(scalar)
            } else if scalar == "'" || scalar == "\u{2019}" || properties.generalCategory == .nonspacingMark {
                continue
            } else {
                pendingDash = true
            }
        }
        return result
    }

    /// The slug of an all-ASCII `text`, from its bytes: NFC and Unicode lower-casing (both
    /// through Foundation) change nothing in ASCII and were most of the cost of a heading's id.
    /// Nil when `text` is not all ASCII.
    static func asciiSlug(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count)
            var pendingDash = false
            for byte in bytes {
                guard byte < 0x80 else { return nil }
                let lower = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
                if (lower >= 0x30 && lower <= 0x39) || (lower >= 0x61 && lower <= 0x7A) {
                    if pendingDash && !result.isEmpty { result.append(UInt8(ascii: "-")) }
                    pendingDash = false
                    result.append(lower)
                } else if lower != UInt8(ascii: "'") {
                    pendingDash = true
                }
            }
            return String(decoding: result, as: UTF8.self)
        }
    }

    /// True when `slug` is safe as one path segment: non-empty, no separators, no dot segments,
    /// no spaces or control characters, already normalised.
    public static func isValidSegment(_ slug: String) -> Bool {
        guard !slug.isEmpty, slug != ".", slug != "..", !slug.hasPrefix(".") else { return false }
        // ASCII is its own canonical composition: Foundation is asked only about other text.
        guard slug.isASCIIOnly || slug == slug.precomposedStringWithCanonicalMapping else { return false }
        for scalar in slug.unicodeScalars {
            if scalar == "/" || scalar == "\\" || scalar == "?" || scalar == "#" || scalar == "%" { return false }
            if scalar.properties.isWhitespace || scalar.value < 0x20 || scalar.value == 0x7F { return false }
        }
        return true
    }
}
