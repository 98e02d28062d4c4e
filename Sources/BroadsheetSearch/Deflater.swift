import CZlibDeflate
import Foundation

/// One zlib stream compressing input after input, reset in between: what `Deflate.zlib`
/// writes, without setting zlib up again for every pack.
///
/// `compress2` allocates and frees zlib's state (about 270 KB) on every call: at 10,000
/// articles that was 2,600 large allocations, each given fresh pages the kernel had to zero.
/// A reset stream writes the same bytes as a new one (zlib documents `deflateReset` as
/// `deflateEnd` followed by `deflateInit`); `SearchPackTests` checks it against `compress2`.
struct Deflater: ~Copyable {
    /// zlib keeps a pointer back to its stream, so the stream must not move: it lives on the heap.
    private let stream: UnsafeMutablePointer<z_stream>
    private var output: [UInt8] = []

    init() {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let status = deflateInit_(stream, Deflate.level, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        precondition(status == Z_OK, "zlib deflateInit failed with status \(status)")
    }

    deinit {
        deflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// `bytes` in the zlib format, byte for byte what `Deflate.zlib` (`compress2`) gives.
    mutating func zlib(_ bytes: [UInt8]) -> Data {
        let bound = Int(compressBound(uLong(bytes.count)))
        if output.count < bound { output = [UInt8](repeating: 0, count: bound) }
        let stream = stream
        deflateReset(stream)
        // All the input and room for all the output: one call, as in compress2.
        let status = output.withUnsafeMutableBufferPointer { out in
            bytes.withUnsafeBufferPointer { input in
                stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
                stream.pointee.avail_in = uInt(input.count)
                stream.pointee.next_out = out.baseAddress
                stream.pointee.avail_out = uInt(out.count)
                return deflate(stream, Z_FINISH)
            }
        }
        precondition(status == Z_STREAM_END, "zlib deflate failed with status \(status)")
        return Data(output[..<Int(stream.pointee.total_out)])
    }
}
