/// Eight bytes of text read as one integer, to test all of them at once.
///
/// The scans that read every byte of a site's text (the forbidden-character check of each
/// source file, the HTML escapers, the search index's JSON strings) skip the words these tests
/// clear and read the rest byte by byte. The tests are the byte-wise comparisons of "Bit
/// Twiddling Hacks"; each answer is exact for the word as a whole (a borrow can mark the wrong
/// byte, never the wrong word).
///
/// Public rather than `package`: only a public `@inlinable` type was inlined into the search
/// module's JSON writer (as `package`, each test stayed a call, 0.6% of a build).
public struct ByteWord {
    // Computed, not stored: a stored static is a lazily made global, checked on every read.
    @usableFromInline static var ones: UInt64 { 0x0101_0101_0101_0101 }
    @usableFromInline static var highBits: UInt64 { 0x8080_8080_8080_8080 }

    /// The eight bytes, the first in the lowest bits.
    @usableFromInline let value: UInt64

    @inlinable init(value: UInt64) { self.value = value }

    /// The eight bytes of `bytes` from `index` on (`index + 8 <= bytes.count`).
    @inlinable @inline(__always)
    public init(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) {
        value = UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)
    }

    /// Whether a byte equals `byte`.
    @inlinable @inline(__always)
    public func contains(_ byte: UInt8) -> Bool {
        let other = value ^ (Self.ones &* UInt64(byte))
        return (other &- Self.ones) & ~other & Self.highBits != 0
    }

    /// Whether a byte is below `limit` (at most 0x80).
    @inlinable @inline(__always)
    public func contains(below limit: UInt8) -> Bool {
        (value &- Self.ones &* UInt64(limit)) & ~value & Self.highBits != 0
    }

    /// Whether a byte is above `limit` (at most 0x7F).
    @inlinable @inline(__always)
    public func contains(above limit: UInt8) -> Bool {
        ((value &+ Self.ones &* UInt64(0x7F - limit)) | value) & Self.highBits != 0
    }

    /// The word with `bits` set in every byte: two bytes that differ only in those bits
    /// become one value to look for (`<` and `>` with bit 1 set are both `>`).
    @inlinable @inline(__always)
    public func setting(_ bits: UInt8) -> ByteWord { ByteWord(value: value | Self.ones &* UInt64(bits)) }
}
