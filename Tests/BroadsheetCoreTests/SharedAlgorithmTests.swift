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
