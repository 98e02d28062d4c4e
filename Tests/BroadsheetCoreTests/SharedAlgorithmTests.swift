import Foundation
import Testing

@testable import BroadsheetCore

/// The one copy of each small algorithm that several modules share.
@Suite("Shared algorithms: FNV-1a, civil dates, edit distance")
struct SharedAlgorithmTests {
    @Test("FNV-1a matches the published test vectors")
    func fnv() {
        #expect(FNV1a.hash("".utf8) == 0xcbf2_9ce4_8422_2325)
        #expect(FNV1a.hash("a".utf8) == 0xaf63_dc4c_8601_ec8c)
        #expect(FNV1a.hash("foobar".utf8) == 0x8594_4171_f739_67e8)
        var incremental = FNV1a()
        incremental.add("foo".utf8)
        incremental.add("bar".utf8)
        #expect(incremental.value == FNV1a.hash("foobar".utf8))
    }

    @Test(
        "civil dates and day numbers are inverses across four centuries",
        arguments: [-719_468, -1, 0, 59, 10_956, 20_819, 2_932_896])
    func civil(_ days: Int) {
        let date = Gregorian.civil(fromDays: days)
        #expect(Gregorian.daysFromCivil(year: date.year, month: date.month, day: date.day) == days)
    }

    @Test("known dates")
    func knownDates() {
        #expect(Gregorian.daysFromCivil(year: 1970, month: 1, day: 1) == 0)
        #expect(Gregorian.civil(fromDays: 19_000) == (2022, 1, 8))
        #expect(Gregorian.civil(fromDays: 11_016) == (2000, 2, 29))
    }

    @Test("edit distance ignores case and counts a swap of neighbours as one edit")
    func editDistance() {
        #expect(Suggestion.editDistance("titel", "title") == 1)
        #expect(Suggestion.editDistance("TENCNET", "tencent") == 1)
        #expect(Suggestion.editDistance("kitten", "sitting") == 3)
        #expect(Suggestion.editDistance("", "abc") == 3)
        #expect(Suggestion.closest(to: "reuters-2012", in: ["reuters-2021", "caixin-2013"]) == "reuters-2021")
    }
}

/// The fast paths of helpers every link goes through give what the slow paths give.
@Suite("Link text helpers: path encoding, whitespace trimming")
struct LinkTextHelperTests {
    @Test(
        "a path is percent-encoded only where it must be",
        arguments: [
            ("articles/the-walls/", "/articles/the-walls/"),
            ("articles/a.b_c~d/", "/articles/a.b_c~d/"),
            ("articles/微信/", "/articles/%E5%BE%AE%E4%BF%A1/"),
            ("files/a b#c.pdf", "/files/a%20b%23c.pdf"),
        ])
    func pathEncoding(relative: String, expected: String) {
        #expect(SitePath(file: relative).href(basePath: "/") == expected)
    }

    @Test(
        "spaces and tabs are trimmed, Unicode spaces too, newlines are kept",
        arguments: [
            ("source-a", "source-a"),
            (" source-a\t", "source-a"),
            ("\u{3000}微信\u{00A0}", "微信"),
            ("\nsource-a\n", "\nsource-a\n"),
            ("   ", ""),
            ("", ""),
        ])
    func trimming(text: String, expected: String) {
        #expect(text.trimmingWhitespace() == expected)
        #expect(text.trimmingWhitespace() == text.trimmingCharacters(in: .whitespaces))
    }
}

/// The eight-bytes-at-a-time scan for characters a source file may not hold answers as the
/// byte-by-byte reading of the same rule does.
@Suite("Source file check: forbidden characters")
struct ForbiddenCharacterScanTests {
    /// The rule read one byte at a time, as the scan's own slow path reads it.
    static func reference(_ bytes: [UInt8]) -> Bool {
        for (index, byte) in bytes.enumerated() {
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D { return true }
            if byte == 0x7F { return true }
            if byte == 0xC2, index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) { return true }
            if byte == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBF, bytes[index + 2] >= 0xBE { return true }
        }
        return false
    }

    @Test("each forbidden character is found at every offset of a longer text")
    func everyOffset() {
        let forbidden: [[UInt8]] = [[0x00], [0x01], [0x1F], [0x7F], [0xC2, 0x85], [0xEF, 0xBF, 0xBE], [0xEF, 0xBF, 0xBF]]
        let allowed: [[UInt8]] = [[0x09], [0x0A], [0x0D], [0x20], [0x7E], [0xC2, 0xA0], [0xEF, 0xBF, 0xBD], Array("微".utf8)]
        for offset in 0..<20 {
            for piece in forbidden + allowed {
                var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: offset) + piece
                bytes += [UInt8](repeating: UInt8(ascii: "b"), count: 19 - offset)
                #expect(
                    SourceFile.mayHoldForbiddenCharacter(bytes) == forbidden.contains(piece),
                    "\(piece) at offset \(offset)")
                #expect(SourceFile.mayHoldForbiddenCharacter(bytes) == Self.reference(bytes))
            }
        }
    }

    @Test("random texts: the same answer as the byte-by-byte rule")
    func random() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = [0x00, 0x09, 0x0A, 0x0D, 0x1F, 0x20, 0x41, 0x7E, 0x7F, 0x80, 0x85, 0x9F, 0xA0, 0xBE, 0xBF, 0xC2, 0xEF, 0xFF]
        for _ in 0..<2_000 {
            let count = Int.random(in: 0..<40, using: &generator)
            // Mostly printable ASCII, as real text is, so the fast path is taken too.
            let bytes = (0..<count).map { _ in
                Int.random(in: 0..<4, using: &generator) == 0
                    ? alphabet.randomElement(using: &generator)!
                    : UInt8.random(in: 0x20...0x7E, using: &generator)
            }
            #expect(SourceFile.mayHoldForbiddenCharacter(bytes) == Self.reference(bytes), "\(bytes)")
        }
    }
}

/// The byte-wise HTML escaper gives what escaping scalar by scalar gives.
@Suite("HTML escaping: byte runs against scalar by scalar")
struct HTMLEscapeTests {
    /// Escaping one scalar at a time, as the escaper did before it worked on bytes.
    static func reference(_ text: String, apostrophe: String?) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'" where apostrophe != nil: result += apostrophe!
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    @Test(
        "fixed texts",
        arguments: ["", "plain", "&", "<b>\"x\" & 'y'</b>", "微信 & 淘宝 <支付>", "é\u{301}'\"", "&&&&", "a&amp;b"])
    func fixed(text: String) {
        #expect(HTMLText.escape(text) == Self.reference(text, apostrophe: "&#39;"))
        #expect(HTMLText.escape(text, apostrophe: nil) == Self.reference(text, apostrophe: nil))
    }

    @Test("random texts, multi-byte characters next to escaped ones")
    func random() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", " ", "&", "<", ">", "\"", "'", "微", "é", "\u{301}", "😀", "\n"]
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0..<30, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
                .joined()
            #expect(HTMLText.escape(text) == Self.reference(text, apostrophe: "&#39;"), "\(text)")
            #expect(HTMLText.escape(text, apostrophe: nil) == Self.reference(text, apostrophe: nil), "\(text)")
        }
    }

    @Test("each escaped character is found at every offset, and nothing else is")
    func scanOffsets() {
        for offset in 0..<20 {
            for byte in UInt8(0x20)...UInt8(0x7E) {
                var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 20)
                bytes[offset] = byte
                let escaped = [0x26, 0x3C, 0x3E, 0x22].contains(byte)
                bytes.withUnsafeBufferPointer { buffer in
                    #expect(HTMLText.containsEscapable(buffer, apostrophe: false) == escaped, "\(byte) at \(offset)")
                    #expect(HTMLText.containsEscapable(buffer, apostrophe: true) == (escaped || byte == 0x27), "\(byte) at \(offset)")
                }
            }
        }
    }
}

/// Eight bytes tested at once answer as the eight bytes tested one by one.
@Suite("Byte words: eight bytes at once")
struct ByteWordTests {
    @Test("contains, below, above and setting, on random words with the tested bytes planted")
    func random() {
        var generator = SystemRandomNumberGenerator()
        let interesting: [UInt8] = [0x00, 0x01, 0x09, 0x1F, 0x20, 0x22, 0x26, 0x27, 0x3C, 0x3E, 0x5C, 0x7E, 0x7F, 0x80, 0xE2, 0xFF]
        for _ in 0..<5_000 {
            let bytes = (0..<8).map { _ in
                Bool.random(using: &generator)
                    ? interesting.randomElement(using: &generator)! : UInt8.random(in: 0...255, using: &generator)
            }
            bytes.withUnsafeBufferPointer { buffer in
                let word = ByteWord(buffer, at: 0)
                for byte in interesting { #expect(word.contains(byte) == bytes.contains(byte), "\(bytes) \(byte)") }
                for limit: UInt8 in [0x01, 0x20, 0x80] {
                    #expect(word.contains(below: limit) == bytes.contains { $0 < limit }, "\(bytes) below \(limit)")
                }
                for limit: UInt8 in [0x00, 0x7E, 0x7F] {
                    #expect(word.contains(above: limit) == bytes.contains { $0 > limit }, "\(bytes) above \(limit)")
                }
                #expect(word.setting(0x02).contains(0x3E) == bytes.contains { $0 | 0x02 == 0x3E })
            }
        }
    }
}
