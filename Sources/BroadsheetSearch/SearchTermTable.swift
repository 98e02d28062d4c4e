/// The distinct terms of one entry and where they occur, collected from term bytes without
/// making a `String` per occurrence: an article of a thousand words has a few hundred
/// distinct ones, and only those become strings.
struct SearchTermTable {
    private var slots: [Int32] = Array(repeating: -1, count: 1024)
    private var hashes: [UInt64] = []
    private var starts: [Int] = []
    private var lengths: [Int] = []
    private var fields: [SearchIndex.Fields] = []
    private var bytes: [UInt8] = []

    /// Records that `term` occurs in `where`.
    mutating func insert(_ term: UnsafeBufferPointer<UInt8>, _ where: SearchIndex.Fields) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in term { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 {
            let entry = Int(slots[slot])
            if hashes[entry] == hash && lengths[entry] == term.count && matches(entry, term) {
                fields[entry].formUnion(`where`)
                return
            }
            slot = (slot + 1) & mask
        }
        slots[slot] = Int32(hashes.count)
        hashes.append(hash)
        starts.append(bytes.count)
        lengths.append(term.count)
        fields.append(`where`)
        bytes.append(contentsOf: term)
        if hashes.count * 2 > slots.count { grow() }
    }

    private func matches(_ entry: Int, _ term: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[entry]
        for offset in 0..<term.count where bytes[start + offset] != term[offset] { return false }
        return true
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (entry, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(entry)
        }
    }

    /// Every distinct term with where it occurs.
    func dictionary() -> [String: SearchIndex.Fields] {
        var result: [String: SearchIndex.Fields] = [:]
        result.reserveCapacity(hashes.count)
        for entry in hashes.indices {
            let term = String(decoding: bytes[starts[entry]..<(starts[entry] + lengths[entry])], as: UTF8.self)
            result[term] = fields[entry]
        }
        return result
    }
}
