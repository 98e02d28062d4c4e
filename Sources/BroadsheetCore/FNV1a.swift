/// The 64-bit FNV-1a hash: small, stable across runs and machines, for cache-busting names,
/// entity tags, MIME boundaries and Message-IDs. Not for anything an attacker must not forge.
public struct FNV1a: Sendable {
    /// The hash of everything added so far.
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    /// A hash of nothing yet.
    public init() {}

    /// Adds `bytes` to the hash.
    public mutating func add(_ bytes: some Sequence<UInt8>) {
        for byte in bytes {
            value ^= UInt64(byte)
            value = value &* 0x100_0000_01b3
        }
    }

    /// The hash of `bytes`.
    public static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash = FNV1a()
        hash.add(bytes)
        return hash.value
    }

    /// The value in lower-case hexadecimal.
    public var hex: String { String(value, radix: 16) }
}
