import Testing

@testable import BroadsheetSearch

@Suite("Posting lists")
struct PostingCoderTests {
    static let cases: [String: [Int]] = [
        "empty": [], "zero": [0], "one": [5], "run": [0, 1, 2, 3], "gaps": [31, 32, 1_000, 100_000],
        "dense run": Array(0..<500), "every other": Array(stride(from: 3, to: 9_000, by: 2)),
    ]

    @Test("both forms decode to what was encoded", arguments: cases.keys.sorted())
    func roundTrip(name: String) {
        let numbers = Self.cases[name]!
        let text = PostingCoder.encode(numbers)
        #expect(PostingCoder.decode(text) == numbers)
        #expect(text.allSatisfy { $0.isASCII && $0 != "\"" && $0 != "\\" })
    }

    @Test("sparse lists are gaps, dense ones bitmaps, whichever is shorter")
    func forms() {
        #expect(PostingCoder.encode([0, 1, 2]) == "AAA")
        #expect(PostingCoder.encode([40]) == "oB")
        let dense = PostingCoder.encode(Array(stride(from: 0, to: 6_000, by: 2)))
        #expect(dense.hasPrefix("~"))
        #expect(dense.count == 1 + (750 * 4 + 2) / 3)
    }
}
