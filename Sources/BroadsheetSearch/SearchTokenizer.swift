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
    private var folded: [UInt32: Folding] = [:]

    /// A non-ASCII, non-CJK scalar as it goes into a term.
    private struct Folding {
        /// Decomposed, lower-cased, without marks; empty when the scalar is not part of a word.
        var bytes: [UInt8]
        /// A combining mark, which continues a word without adding to it.
        var isMark: Bool
    }

    /// Creates a tokenizer with an empty folding cache.
    public init() {}

    /// The terms of `text`, in order, repeats included.
    public mutating func terms(in text: String) -> [String] {
        var strings = TermStrings()
        readTerms(in: text, into: &strings)
        return strings.terms
    }

    /// Calls `body` with each term of `text`, in order.
    public mutating func forEachTerm(in text: String, _ body: (String) -> Void) {
        terms(in: text).forEach(body)
    }

    /// Hands `sink` the UTF-8 bytes of each term of `text`, in order. Reads the text's bytes
    /// directly: this is most of the index's cost. A sink rather than a closure: a closure
    /// that changes captured variables has every access to them checked while the program runs.
    mutating func readTerms<Sink: SearchTermSink>(in text: String, into sink: inout Sink) {
        var run = TermRun()
        var text = text
        text.withUTF8 { utf8 in
            var index = 0
            let count = utf8.count
            while index < count {
                let byte = utf8[index]
                if byte < 0x80 {
                    if !run.cjk.isEmpty { run.flushCJK(into: &sink) }
                    guard Self.isASCIIWordByte(byte) else {
                        index += 1
                        if !run.word.isEmpty { run.flushWord(into: &sink) }
                        continue
                    }
                    // A run of ASCII letters and digits, copied and lower-cased in one go.
                    let start = index
                    repeat { index += 1 } while index < count && Self.isASCIIWordByte(utf8[index])
                    run.word.appendLowercasingASCII(UnsafeBufferPointer(rebasing: utf8[start..<index]))
                    continue
                }
                // Valid UTF-8 (a Swift string): decode one scalar.
                let length: Int
                var value: UInt32
                if byte < 0xE0 {
                    length = 2
                    value = UInt32(byte & 0x1F)
                } else if byte < 0xF0 {
                    length = 3
                    value = UInt32(byte & 0x0F)
                } else {
                    length = 4
                    value = UInt32(byte & 0x07)
                }
                for offset in 1..<length { value = value << 6 | UInt32(utf8[index + offset] & 0x3F) }
                if Self.isCJK(value) {
                    if !run.word.isEmpty { run.flushWord(into: &sink) }
                    run.cjkStarts.append(run.cjk.count)
                    run.cjk.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[index..<(index + length)]))
                } else {
                    if !run.cjk.isEmpty { run.flushCJK(into: &sink) }
                    let folding = fold(value)
                    if folding.bytes.isEmpty {
                        // A combining mark continues the word; anything else ends it.
                        if !folding.isMark && !run.word.isEmpty { run.flushWord(into: &sink) }
                    } else {
                        folding.bytes.withUnsafeBufferPointer { run.word.append(contentsOf: $0) }
                    }
                }
                index += length
            }
        }
        if !run.word.isEmpty { run.flushWord(into: &sink) }
        if !run.cjk.isEmpty { run.flushCJK(into: &sink) }
    }

    /// Terms as strings, for queries and tests.
    private struct TermStrings: SearchTermSink {
        var terms: [String] = []
        mutating func add(_ term: UnsafeBufferPointer<UInt8>) { terms.append(String(decoding: term, as: UTF8.self)) }
    }

    /// The word or CJK run being read.
    private struct TermRun: ~Copyable {
        var word = TermBuffer()
        var cjk = TermBuffer()
        var cjkStarts: [Int] = []

        mutating func flushWord<Sink: SearchTermSink>(into sink: inout Sink) {
            // One-letter words ("a", the "s" of "it's") are left out; one CJK character is not.
            if word.count > 1 && (word.count > 4 || word.bytes.lazy.filter({ $0 & 0xC0 != 0x80 }).count > 1) {
                word.removeLast(SearchTokenizer.stem(word.mutableBytes))
                sink.add(word.bytes)
            }
            word.removeAll()
        }

        mutating func flushCJK<Sink: SearchTermSink>(into sink: inout Sink) {
            let bytes = cjk.bytes
            if cjkStarts.count == 1 {
                sink.add(bytes)
            } else {
                for index in 0..<(cjkStarts.count - 1) {
                    let end = index + 2 < cjkStarts.count ? cjkStarts[index + 2] : bytes.count
                    sink.add(UnsafeBufferPointer(rebasing: bytes[cjkStarts[index]..<end]))
                }
            }
            cjk.removeAll()
            cjkStarts.removeAll(keepingCapacity: true)
        }
    }

    /// The scalar decomposed, lower-cased and without combining marks, or "" when it is not
    /// part of a word (punctuation, spaces, symbols, marks).
    private mutating func fold(_ value: UInt32) -> Folding {
        if let known = folded[value] { return known }
        let scalar = Unicode.Scalar(value)!
        var bytes: [UInt8] = []
        if Self.isWordScalar(scalar) {
            let lowered = String(scalar).decomposedStringWithCanonicalMapping.lowercased()
            for part in lowered.unicodeScalars where Self.isWordScalar(part) { bytes.append(contentsOf: String(part).utf8) }
        }
        let folding = Folding(bytes: bytes, isMark: Self.isMark(scalar))
        folded[value] = folding
        return folding
    }

    /// ASCII letters and digits: no other byte, ASCII or not, passes.
    private static func isASCIIWordByte(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10
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
        var bytes = Array(word.utf8)
        let removed = bytes.withUnsafeMutableBufferPointer { stem($0) }
        return String(decoding: bytes.dropLast(removed), as: UTF8.self)
    }

    /// Stems `word` in place: returns how many bytes to drop from its end (`-ies` becomes `-y`
    /// by writing the `y` over the `i`).
    static func stem(_ word: UnsafeMutableBufferPointer<UInt8>) -> Int {
        let count = word.count
        guard count >= 4, word[count - 1] == UInt8(ascii: "s"),
            word.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") })
        else { return 0 }
        func ends(_ suffix: StaticString) -> Bool {
            let length = suffix.utf8CodeUnitCount
            guard count >= length else { return false }
            return suffix.withUTF8Buffer { suffixBytes in
                (0..<length).allSatisfy { word[count - length + $0] == suffixBytes[$0] }
            }
        }
        if ends("ss") || ends("us") || ends("is") { return 0 }
        if ends("ies") && count > 4 {
            word[count - 3] = UInt8(ascii: "y")
            return 2
        } else if ends("sses") || ends("xes") || ends("zes") || ends("ches") || ends("shes") {
            return 2
        } else {
            return 1
        }
    }
}
