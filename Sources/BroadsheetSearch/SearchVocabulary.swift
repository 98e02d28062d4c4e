/// Every term of the index, numbered: its string and its shard, made once per distinct term.
///
/// Terms are looked up by their bytes, but a term is its string: Swift compares strings by
/// canonical equivalence, and so did the index when it was keyed by strings. Two spellings of
/// one string (a CJK compatibility ideograph and the ideograph it stands for, a Hangul
/// syllable and its jamo) therefore share the id of the first one seen.
struct SearchVocabulary: Sendable {
    private var table = SearchTermTable()
    /// By number in `table`: the term's id, the number of the first spelling of its string.
    private var ids: [Int32] = []
    /// Non-ASCII terms by string, the only ones that can have another spelling.
    private var nonASCII: [String: Int32] = [:]
    /// Terms by id (a number that is not an id holds another spelling, unused).
    private(set) var terms: [String] = []
    /// Each term's shard key (`SearchIndex.shardKey`), by id.
    private(set) var shardKeys: [String] = []

    /// How many ids there can be: the bound for arrays indexed by term id.
    var count: Int { ids.count }

    /// The ids of a batch's terms, by their number in the batch's table; new terms are added.
    mutating func ids(of batch: SearchTermTable) -> [Int32] {
        (0..<Int32(batch.count)).map { local in
            batch.withTerm(local) { id(of: $0, hash: batch.hashes[Int(local)]) }
        }
    }

    private mutating func id(of term: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32 {
        let number = table.id(of: term, hash: hash)
        if Int(number) < ids.count { return ids[Int(number)] }
        let string = String(decoding: term, as: UTF8.self)
        terms.append(string)
        shardKeys.append(SearchIndex.shardKey(string))
        var id = number
        if term.contains(where: { $0 >= 0x80 }) {
            id = nonASCII[string] ?? number
            if id == number { nonASCII[string] = number }
        }
        ids.append(id)
        return id
    }
}
