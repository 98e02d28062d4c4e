/// The bytes of the term being read, in memory of its own.
///
/// The tokenizer appends every byte of the site's text (60 MB at 10,000 articles); an array
/// checks on each append that its storage is not shared, this buffer only that it has room.
struct TermBuffer: ~Copyable {
    private var start: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init() {
        capacity = 64
        start = .allocate(capacity: capacity)
    }

    deinit { start.deallocate() }

    var isEmpty: Bool { count == 0 }

    /// The bytes, valid until the buffer next changes.
    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: start, count: count) }

    /// The bytes, to change in place; valid until the buffer next changes.
    var mutableBytes: UnsafeMutableBufferPointer<UInt8> { UnsafeMutableBufferPointer(start: start, count: count) }

    mutating func append(_ byte: UInt8) {
        if count == capacity { grow(to: count + 1) }
        start[count] = byte
        count += 1
    }

    mutating func append(contentsOf bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        if count + bytes.count > capacity { grow(to: count + bytes.count) }
        (start + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    /// Appends ASCII `bytes` with `A`–`Z` lower-cased.
    mutating func appendLowercasingASCII(_ bytes: UnsafeBufferPointer<UInt8>) {
        if count + bytes.count > capacity { grow(to: count + bytes.count) }
        for (offset, byte) in bytes.enumerated() {
            start[count + offset] = byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte
        }
        count += bytes.count
    }

    mutating func removeLast(_ removed: Int) { count -= removed }

    mutating func removeAll() { count = 0 }

    private mutating func grow(to needed: Int) {
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: max(needed, capacity * 2))
        larger.update(from: start, count: count)
        start.deallocate()
        start = larger
        capacity = max(needed, capacity * 2)
    }
}
