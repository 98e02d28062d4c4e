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
