import CLibDeflate
import Foundation

/// One libdeflate compressor used for input after input, with one output buffer: what
/// `Deflate.zlib` writes, without setting the compressor up again for every pack.
///
/// A compressor holds no state between calls (libdeflate compresses whole buffers), so a
/// reused one writes exactly what a new one writes; `SearchPackTests` checks it.
struct Deflater: ~Copyable {
    private let compressor: OpaquePointer
    private var output: [UInt8] = []

    init() {
        guard let compressor = libdeflate_alloc_compressor(Deflate.level) else {
            preconditionFailure("libdeflate could not allocate a compressor (out of memory)")
        }
        self.compressor = compressor
    }

    deinit { libdeflate_free_compressor(compressor) }

    /// `bytes` in the zlib format, byte for byte what `Deflate.zlib` gives.
    mutating func zlib(_ bytes: [UInt8]) -> Data {
        let compressor = compressor
        let bound = libdeflate_zlib_compress_bound(compressor, bytes.count)
        if output.count < bound { output = [UInt8](repeating: 0, count: bound) }
        let length = output.withUnsafeMutableBytes { out in
            bytes.withUnsafeBytes { input in
                libdeflate_zlib_compress(compressor, input.baseAddress, input.count, out.baseAddress, out.count)
            }
        }
        // The bound always leaves room: a zero length would be libdeflate's "did not fit".
        precondition(length > 0, "libdeflate could not compress \(bytes.count) bytes into its own bound")
        return Data(output[..<length])
    }
}
