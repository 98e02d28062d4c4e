import BroadsheetCore
import Foundation

/// Distinct terms as bytes, numbered in the order they are first added.
///
/// The site's text holds about ten million terms and a few thousand distinct ones: looking
/// each up by its bytes, in a table of its own, makes no `String` and hashes nothing twice
/// (a term's hash is kept, so another table can take it over without hashing it again).
struct SearchTermTable {
    private var slots: [Int32] = Array(repeating: -1, count: 1024)
    private(set) var hashes: [UInt64] = []
    /// Where each term's bytes end in `bytes` (each starts where the previous one ends).
    private var ends: [Int] = []
    private var bytes: [UInt8] = []

    /// The number of distinct terms.
    var count: Int { hashes.count }

    /// The hash a term is stored under.
    static func hash(_ term: UnsafeBufferPointer<UInt8>) -> UInt64 { FNV1a.hash(term) }

    /// The number of `term`, added if it is new; `hash` is `Self.hash(term)`.
    mutating func id(of term: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32 {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 {
            let id = Int(slots[slot])
            if hashes[id] == hash && matches(id, term) { return Int32(id) }
            slot = (slot + 1) & mask
        }
        let id = Int32(hashes.count)
        slots[slot] = id
        hashes.append(hash)
        bytes.append(contentsOf: term)
        ends.append(bytes.count)
        if hashes.count * 2 > slots.count { grow() }
        return id
    }

    /// The bytes of term `id`, valid during the call.
    func withTerm<Result>(_ id: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let end = ends[Int(id)]
        let start = id == 0 ? 0 : ends[Int(id) - 1]
        return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }

    private func matches(_ id: Int, _ term: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = id == 0 ? 0 : ends[id - 1]
        guard ends[id] - start == term.count else { return false }
        guard let other = term.baseAddress else { return true }
        return bytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + start, other, term.count) == 0 }
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (id, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(id)
        }
    }
}
