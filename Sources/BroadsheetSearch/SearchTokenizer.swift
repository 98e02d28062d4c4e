import Foundation

/// Splits text into search terms, the same way `Templates/assets/search.js` splits a query.
///
/// Latin (and every other alphabetic) text is folded: canonical decomposition, lower case,
/// combining marks removed ("Zürich" → "zurich"), then English plurals are stemmed
/// ("companies" → "company", "payments" → "payment"). Chinese, Japanese and Korean runs,
/// which have no spaces, become overlapping character bigrams ("微信支付" → 微信 信支 支付),
/// so a query for a word finds exactly the texts containing its bigrams. Any change here
/// must be mirrored in the script, or queries stop matching the index.
public struct SearchTokenizer: Sendable {
    /// Folded forms of non-ASCII scalars, computed once each (Foundation's decomposition is slow).
    private var folded: [Unicode.Scalar: String] = [:]

    /// Creates a tokenizer with an empty folding cache.
    public init() {}

    /// The terms of `text`, in order, repeats included.
    public mutating func terms(in text: String) -> [String] {
        var result: [String] = []
        forEachTerm(in: text) { result.append($0) }
        return result
    }

    /// Calls `body` with each term of `text`, in order.
    public mutating func forEachTerm(in text: String, _ body: (String) -> Void) {
        var word: [UInt8] = []
        var cjk: [Unicode.Scalar] = []
        func flushWord() {
            // One-letter words ("a", the "s" of "it's") are left out; one CJK character is not.
            if word.lazy.filter({ $0 & 0xC0 != 0x80 }).count > 1 {
                body(Self.stem(String(decoding: word, as: UTF8.self)))
            }
            word.removeAll(keepingCapacity: true)
        }
        func flushCJK() {
            if cjk.count == 1 {
                body(String(Character(cjk[0])))
            } else if cjk.count > 1 {
                for index in 0..<(cjk.count - 1) {
                    var pair = String.UnicodeScalarView()
                    pair.append(cjk[index])
                    pair.append(cjk[index + 1])
                    body(String(pair))
                }
            }
            cjk.removeAll(keepingCapacity: true)
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                if !cjk.isEmpty { flushCJK() }
                switch value {
                case 0x61...0x7A, 0x30...0x39: word.append(UInt8(value))
                case 0x41...0x5A: word.append(UInt8(value + 0x20))
                default: if !word.isEmpty { flushWord() }
                }
            } else if Self.isCJK(value) {
                if !word.isEmpty { flushWord() }
                cjk.append(scalar)
            } else {
                if !cjk.isEmpty { flushCJK() }
                let folding = fold(scalar)
                if folding.isEmpty {
                    // A combining mark continues the word; anything else ends it.
                    if !Self.isMark(scalar) && !word.isEmpty { flushWord() }
                } else {
                    word.append(contentsOf: folding.utf8)
                }
            }
        }
        if !word.isEmpty { flushWord() }
        if !cjk.isEmpty { flushCJK() }
    }

    /// The scalar decomposed, lower-cased and without combining marks, or "" when it is not
    /// part of a word (punctuation, spaces, symbols, marks).
    private mutating func fold(_ scalar: Unicode.Scalar) -> String {
        if let known = folded[scalar] { return known }
        var result = ""
        if Self.isWordScalar(scalar) {
            let lowered = String(scalar).decomposedStringWithCanonicalMapping.lowercased()
            for part in lowered.unicodeScalars where Self.isWordScalar(part) { result.unicodeScalars.append(part) }
        }
        folded[scalar] = result
        return result
    }

    /// Letters and numbers (the script's `[\p{L}\p{N}]`).
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber:
            true
        default: false
        }
    }

    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }

    /// Han, kana and Hangul: scripts written without spaces between words.
    public static func isCJK(_ value: UInt32) -> Bool {
        switch value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0x20000...0x2FA1F: true
        default: false
        }
    }

    /// English plurals to their singular: companies → company, taxes → tax, payments → payment.
    ///
    /// Only ASCII words without digits of four letters or more are touched, so names ("iOS"),
    /// short words ("bus", "gas") and numbers stay as written.
    public static func stem(_ word: String) -> String {
        let bytes = Array(word.utf8)
        let count = bytes.count
        guard count >= 4, bytes[count - 1] == UInt8(ascii: "s"),
            bytes.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") })
        else { return word }
        func ends(_ suffix: String) -> Bool { word.hasSuffix(suffix) }
        if ends("ss") || ends("us") || ends("is") || ends("ous") { return word }
        if ends("ies") && count > 4 { return String(word.dropLast(3)) + "y" }
        if ends("sses") || ends("xes") || ends("zes") || ends("ches") || ends("shes") { return String(word.dropLast(2)) }
        return String(word.dropLast())
    }
}
