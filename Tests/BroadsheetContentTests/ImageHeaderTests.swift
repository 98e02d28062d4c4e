import BroadsheetContent
import Foundation
import Testing

/// The image header reader: each format's size, and truncated or hostile files as failures.
@Suite("Image sizes from file headers")
struct ImageHeaderTests {
    private func size(_ bytes: [UInt8], _ ext: String) -> Result<ImageSize, ImageHeader.Failure> {
        ImageHeader.size(of: Data(bytes), fileExtension: ext)
    }

    private func be32(_ value: Int) -> [UInt8] { [24, 16, 8, 0].map { UInt8((value >> $0) & 0xFF) } }
    private func le16(_ value: Int) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }

    var png: [UInt8] {
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + be32(13) + Array("IHDR".utf8) + be32(640) + be32(480)
            + [8, 6, 0, 0, 0]
    }

    var jpeg: [UInt8] {
        // SOI, an APP0 segment of 16 bytes, a DQT-like segment, then SOF2 (progressive): 1200 × 800.
        [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + Array(repeating: 0, count: 14) + [0xFF, 0xDB, 0x00, 0x04, 0, 0]
            + [0xFF, 0xFF, 0xC2, 0x00, 0x11, 0x08, 0x03, 0x20, 0x04, 0xB0, 0x03] + Array(repeating: 0, count: 9)
    }

    @Test("PNG, JPEG and GIF")
    func rasterFormats() {
        #expect(size(png, "png") == .success(ImageSize(width: 640, height: 480)))
        #expect(size(jpeg, "jpg") == .success(ImageSize(width: 1200, height: 800)))
        #expect(
            size(Array("GIF89a".utf8) + le16(300) + le16(200) + [0, 0, 0], "gif") == .success(ImageSize(width: 300, height: 200)))
    }

    @Test("WebP: lossy (VP8), lossless (VP8L) and extended (VP8X)")
    func webP() {
        let riff = Array("RIFF".utf8) + [0, 0, 0, 0] + Array("WEBP".utf8)
        let vp8 = riff + Array("VP8 ".utf8) + [0, 0, 0, 0] + [0, 0, 0] + [0x9D, 0x01, 0x2A] + le16(400) + le16(300)
        #expect(size(vp8, "webp") == .success(ImageSize(width: 400, height: 300)))
        // VP8L: 14 bits width − 1, 14 bits height − 1: 100 × 50.
        let bits = (100 - 1) | (50 - 1) << 14
        let vp8l = riff + Array("VP8L".utf8) + [0, 0, 0, 0] + [0x2F] + [0, 8, 16, 24].map { UInt8((bits >> $0) & 0xFF) }
        #expect(size(vp8l, "webp") == .success(ImageSize(width: 100, height: 50)))
        let vp8x = riff + Array("VP8X".utf8) + [0, 0, 0, 0] + [0, 0, 0, 0] + [0xFF, 0x07, 0x00] + [0x37, 0x04, 0x00]
        #expect(size(vp8x, "webp") == .success(ImageSize(width: 2048, height: 1080)))
    }

    @Test("SVG: width and height, else the viewBox")
    func svg() {
        let sized = #"<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="120px" height='80'>"#
        #expect(size(Array(sized.utf8), "svg") == .success(ImageSize(width: 120, height: 80)))
        let boxed = #"<svg viewBox="0 0 300.4 150" width="100%">"#
        #expect(size(Array(boxed.utf8), "svg") == .success(ImageSize(width: 300, height: 150)))
        #expect(size(Array("<svg>".utf8), "svg").failureReason?.contains("neither a width and height") == true)
        #expect(size(Array(#"<svg viewBox="0 0 x">"#.utf8), "svg").failureReason == "the SVG's viewBox is not four numbers")
    }

    @Test("every prefix of a valid file fails cleanly or gives the right size; hostile values are refused")
    func truncatedAndHostile() {
        for (bytes, ext) in [(png, "png"), (jpeg, "jpg")] {
            for length in 0..<bytes.count {
                switch size(Array(bytes.prefix(length)), ext) {
                case .success(let found): #expect(found.width > 0, "prefix \(length)")
                case .failure(let failure): #expect(!failure.reason.isEmpty)
                }
            }
        }
        #expect(size(Array(png.prefix(20)), "png").failureReason == "the PNG header is cut short")
        #expect(size(Array(jpeg.prefix(30)), "jpg").failureReason == "the JPEG is cut short before its frame header")
        var zero = png
        zero.replaceSubrange(16..<20, with: be32(0))
        #expect(size(zero, "png").failureReason == "the PNG header gives a size of 0 × 480 pixels")
        // A segment length of 0 or 1 would loop for ever in a naive reader.
        #expect(size([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x00], "jpg").failureReason == "the JPEG has a segment of impossible length")
        #expect(size([0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x08], "jpg").failureReason?.contains("no frame header") == true)
        #expect(size(Array("not an image".utf8), "png").failureReason == "the file is not a PNG, JPEG, GIF, WebP or SVG image")
        #expect(size([], "svg").failureReason == "the file has no <svg> element")
        var seed: UInt64 = 19  // a fixed linear congruential sequence: the same noise every run
        func next() -> UInt8 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: seed >> 33)
        }
        for _ in 0..<200 {
            let noise = (0..<Int(next() % 64)).map { _ in next() }
            for ext in ["png", "jpg", "webp", "svg"] { _ = size([0xFF, 0xD8] + noise, ext); _ = size(noise, ext) }
        }
    }
}

extension Result where Failure == ImageHeader.Failure {
    fileprivate var failureReason: String? {
        if case .failure(let failure) = self { return failure.reason }
        return nil
    }
}
