import CZlibDeflate
import Foundation
import Testing

@testable import BroadsheetSearch

/// Entries packed four to a zlib-compressed file: where each lands, how many files, and that
/// the bytes libdeflate writes come back through zlib's own `uncompress`.
@Suite("Search entry packs")
struct SearchPackTests {
    @Test("entry n is item n % 4 of pack n / 4")
    func placement() {
        #expect(SearchPack.size == 4)
        let placed = (0..<10).map { (SearchPack.pack(ofEntry: $0), SearchPack.position(ofEntry: $0)) }
        #expect(placed.map(\.0) == [0, 0, 0, 0, 1, 1, 1, 1, 2, 2])
        #expect(placed.map(\.1) == [0, 1, 2, 3, 0, 1, 2, 3, 0, 1])
        #expect(SearchPack.entries(inPack: 1, of: 10) == 4..<8)
        #expect(SearchPack.entries(inPack: 2, of: 10) == 8..<10)
        #expect(SearchPack.path(3) == "search/entries/3.pack")
    }

    @Test("the pack count for 0, 1, 4, 5, 8 and 9 entries", arguments: [(0, 0), (1, 1), (4, 1), (5, 2), (8, 2), (9, 3)])
    func count(entries: Int, packs: Int) {
        #expect(SearchPack.count(entries: entries) == packs)
    }

    @Test(
        "zlib round trip through uncompress",
        arguments: ["", "a", "淘宝支持微信支付 ", String(repeating: "payment wallet ", count: 5_000)])
    func roundTrip(text: String) throws {
        let bytes = Array(text.utf8)
        let packed = Deflate.zlib(bytes)
        #expect(packed.first == 0x78, "a zlib header, which DecompressionStream(\"deflate\") expects")
        #expect(DeflaterTests.zlibUncompress(packed, count: bytes.count) == bytes, "zlib reads what libdeflate wrote")
        #expect(try Deflate.unzlib(packed) == bytes)
        #expect(try Deflate.unzlib(packed, expectedCount: 1) == bytes)
        #expect(Deflate.zlib(bytes) == packed, "the same input gives the same bytes")
    }

    @Test("corrupt data is an error, not a crash")
    func corrupt() {
        #expect(throws: Deflate.Failure.self) { try Deflate.unzlib([0x78, 0x01, 0xFF, 0x00, 0x12]) }
        #expect(throws: Deflate.Failure.self) { try Deflate.unzlib(Array(Deflate.zlib(Array("truncated".utf8)).dropLast(3))) }
    }

    @Test("every entry of the report's index is in its pack, in order")
    func reportPacks() throws {
        let index = try #require(ReportSearchTests.index)
        let files = index.files()
        let packs = files.filter { $0.path.hasPrefix("search/entries/") }
        #expect(packs.count == SearchPack.count(entries: index.entryCount))
        #expect(packs.allSatisfy { $0.path.hasSuffix(".pack") })
        let meta = try #require(files.first { $0.path == "search/meta.json" }?.text)
        #expect(meta.hasPrefix("{\"entries\":\(index.entryCount),\"pack\":4,\"shards\":["))
        var seen = 0
        for pack in 0..<packs.count {
            let file = try #require(packs.first { $0.path == SearchPack.path(pack) })
            guard case .data(let data) = file.contents else {
                Issue.record("\(file.path) is not bytes")
                continue
            }
            let json = try SearchIndexRenderer.unpack(data)
            let array = try #require(try JSONSerialization.jsonObject(with: json) as? [[String: Any]])
            #expect(array.count == SearchPack.entries(inPack: pack, of: index.entryCount).count)
            for (position, entry) in array.enumerated() {
                let number = pack * SearchPack.size + position
                let title = try #require(entry["t"] as? String)
                #expect(index.text(ofEntry: number).hasPrefix(title), "entry \(number)")
                seen += 1
            }
        }
        #expect(seen == index.entryCount)
    }
}

/// A reused compressor writes what a new one writes, input after input: the packs' bytes must
/// not depend on which packs were compressed before them. zlib, an independent implementation,
/// reads every one back.
@Suite("Search pack compression")
struct DeflaterTests {
    /// `bytes` decompressed by zlib's `uncompress` into exactly `count` bytes, or nil when zlib
    /// refuses them.
    static func zlibUncompress(_ bytes: [UInt8], count: Int) -> [UInt8]? {
        var length = uLong(count)
        var output = [UInt8](repeating: 0, count: max(count, 1))
        let status = output.withUnsafeMutableBufferPointer { out in
            bytes.withUnsafeBufferPointer { CZlibDeflate.uncompress(out.baseAddress, &length, $0.baseAddress, uLong($0.count)) }
        }
        guard status == Z_OK, Int(length) == count else { return nil }
        return Array(output[..<count])
    }

    @Test("one compressor for many inputs gives a new compressor's bytes for each, which zlib reads")
    func reuse() {
        let words = ["payment", "wallet", "淘宝支持微信支付", "merchant", "\"quoted\"", "rollout"]
        var generator = SystemRandomNumberGenerator()
        let inputs: [[UInt8]] =
            [Array(String(repeating: "payment wallet ", count: 5_000).utf8), [], Array("a".utf8)]
            + (0..<40).map { _ in
                let count = Int.random(in: 0..<4_000, using: &generator)
                return Array((0..<count).map { _ in words.randomElement(using: &generator)! }.joined(separator: " ").utf8)
            }
        var deflater = Deflater()
        for input in inputs {
            let packed = Array(deflater.zlib(input))
            #expect(packed == Deflate.zlib(input), "\(input.count) bytes")
            #expect(Self.zlibUncompress(packed, count: input.count) == input, "\(input.count) bytes")
        }
    }
}
