import CZlibDeflate

/// zlib compression of the search index's entry packs: the only use of zlib in Broadsheet's own code.
enum Deflate {
    /// zlib's level 1: measured on the entries of a 10,000-article site, it costs about half the
    /// CPU of level 6 (zlib's default) for about 20% more bytes; the build's time is the
    /// budget that is short, not a result's bytes.
    static let level: Int32 = 1

    /// A zlib stream failed: zlib's status code (`Z_MEM_ERROR`, `Z_BUF_ERROR`, `Z_DATA_ERROR`).
    struct Failure: Error, Equatable, CustomStringConvertible {
        var status: Int32
        var description: String { "zlib could not decompress the data (status \(status))" }
    }

    /// `bytes` in the zlib format (RFC 1950, what `compress2` writes and the browser's
    /// `DecompressionStream("deflate")` reads); the same input always gives the same bytes.
    /// For many inputs, a `Deflater` reuses one stream.
    static func zlib(_ bytes: [UInt8]) -> [UInt8] {
        var deflater = Deflater()
        return Array(deflater.zlib(bytes))
    }

    /// The bytes a zlib stream holds (zlib's `uncompress`), for tests and for tools reading
    /// the index; `expectedCount` is a first guess, doubled until the output fits.
    static func unzlib(_ bytes: [UInt8], expectedCount: Int = 0) throws(Failure) -> [UInt8] {
        var capacity = max(expectedCount, bytes.count * 4, 64)
        while true {
            var length = uLong(capacity)
            var output = [UInt8](repeating: 0, count: capacity)
            let status = output.withUnsafeMutableBufferPointer { out in
                bytes.withUnsafeBufferPointer { input in
                    uncompress(out.baseAddress, &length, input.baseAddress, uLong(input.count))
                }
            }
            switch status {
            case Z_OK:
                output.removeSubrange(Int(length)...)
                return output
            case Z_BUF_ERROR where capacity < Int(UInt32.max) / 2:
                capacity *= 2
            default:
                throw Failure(status: status)
            }
        }
    }
}
