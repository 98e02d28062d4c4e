import Testing

@testable import BroadsheetSearch

/// Terms are looked up by bytes but are strings: canonically equivalent spellings are one term,
/// as they were when the index was keyed by strings.
@Suite("Search vocabulary")
struct SearchVocabularyTests {
    static func table(_ terms: [String]) -> SearchTermTable {
        var table = SearchTermTable()
        for term in terms {
            var bytes = Array(term.utf8)
            _ = bytes.withUnsafeMutableBufferPointer { buffer in
                table.id(of: UnsafeBufferPointer(buffer), hash: SearchTermTable.hash(UnsafeBufferPointer(buffer)))
            }
        }
        return table
    }

    @Test("ids in the order first seen; a repeated term keeps its id")
    func order() {
        let table = Self.table(["payment", "wallet", "payment", "淘宝"])
        #expect(table.count == 3)
        var vocabulary = SearchVocabulary()
        #expect(vocabulary.ids(of: table) == [0, 1, 2])
        #expect(vocabulary.terms == ["payment", "wallet", "淘宝"])
        #expect(vocabulary.shardKeys == ["pa", "wa", "淘"])
        // A second batch: known terms keep their ids, new ones follow.
        #expect(vocabulary.ids(of: Self.table(["wallet", "merchant"])) == [1, 3])
    }

    @Test("a compatibility ideograph and its unified ideograph, a syllable and its jamo: one term each")
    func equivalentSpellings() {
        let spellings = ["\u{F900}\u{4E00}", "\u{8C48}\u{4E00}", "\u{D55C}", "\u{1112}\u{1161}\u{11AB}", "a"]
        #expect(spellings[0] == spellings[1] && spellings[2] == spellings[3])
        var vocabulary = SearchVocabulary()
        #expect(vocabulary.ids(of: Self.table(spellings)) == [0, 0, 2, 2, 4])
        #expect(vocabulary.terms[0].unicodeScalars.first == "\u{F900}", "the first spelling seen is the term")
    }
}
