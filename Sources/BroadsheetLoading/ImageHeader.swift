import Foundation

/// An image's width and height in CSS pixels.
public struct ImageSize: Sendable, Hashable {
    /// Width in pixels.
    public var width: Int
    /// Height in pixels.
    public var height: Int

    /// Creates a size.
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
}

/// Reads an image's width and height from its first bytes: PNG, JPEG, GIF, WebP and SVG.
///
/// Every read is bounds-checked: a truncated or hostile file gives a `failure` naming what is
/// wrong, never a crash, and the reader never looks past the bytes it was given.
public enum ImageHeader {
    /// Why no size could be read.
    public struct Failure: Error, Sendable, Hashable {
        /// What is wrong, as a sentence fragment ("the PNG header is cut short").
        public var reason: String
    }

    /// The image formats Broadsheet sizes, by file extension (lower case).
    public static let extensions: Set<String> = ["png", "jpg", "jpeg", "gif", "webp", "svg"]

    /// The size of the image in `data`, detected from its bytes (the extension is only used
    /// to tell SVG, a text format, from the rest).
    public static func size(of data: Data, fileExtension: String) -> Result<ImageSize, Failure> {
        let bytes = [UInt8](data.prefix(fileExtension.lowercased() == "svg" ? 65_536 : 1_048_576))
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return png(bytes) }
        if bytes.starts(with: [0xFF, 0xD8]) { return jpeg(bytes) }
        if bytes.starts(with: Array("GIF87a".utf8)) || bytes.starts(with: Array("GIF89a".utf8)) { return gif(bytes) }
        if bytes.starts(with: Array("RIFF".utf8)) && bytes.count >= 12 && Array(bytes[8..<12]) == Array("WEBP".utf8) {
            return webP(bytes)
        }
        if fileExtension.lowercased() == "svg" { return svg(bytes) }
        return .failure(Failure(reason: "the file is not a PNG, JPEG, GIF, WebP or SVG image"))
    }

    // MARK: - Formats

    private static func png(_ bytes: [UInt8]) -> Result<ImageSize, Failure> {
        guard bytes.count >= 24 else { return .failure(Failure(reason: "the PNG header is cut short")) }
        guard Array(bytes[12..<16]) == Array("IHDR".utf8) else {
            return .failure(Failure(reason: "the PNG does not start with its IHDR chunk"))
        }
        return checked(width: bigEndian32(bytes, 16), height: bigEndian32(bytes, 20), format: "PNG")
    }

    private static func gif(_ bytes: [UInt8]) -> Result<ImageSize, Failure> {
        guard bytes.count >= 10 else { return .failure(Failure(reason: "the GIF header is cut short")) }
        return checked(
            width: Int(bytes[6]) | Int(bytes[7]) << 8, height: Int(bytes[8]) | Int(bytes[9]) << 8, format: "GIF")
    }

    /// Walks the JPEG's segments to its frame header (SOF0–SOF15 but DHT, JPG and DAC).
    private static func jpeg(_ bytes: [UInt8]) -> Result<ImageSize, Failure> {
        var index = 2
        while index < bytes.count {
            guard bytes[index] == 0xFF else { return .failure(Failure(reason: "the JPEG has a damaged segment")) }
            while index < bytes.count && bytes[index] == 0xFF { index += 1 }
            guard index < bytes.count else { break }
            let marker = bytes[index]
            index += 1
            switch marker {
            case 0xD0...0xD7, 0x01: continue
            case 0xD9, 0xDA: return .failure(Failure(reason: "the JPEG has no frame header before its image data"))
            default: break
            }
            guard index + 2 <= bytes.count else { break }
            let length = Int(bytes[index]) << 8 | Int(bytes[index + 1])
            guard length >= 2 else { return .failure(Failure(reason: "the JPEG has a segment of impossible length")) }
            if (0xC0...0xCF).contains(marker) && ![0xC4, 0xC8, 0xCC].contains(marker) {
                guard index + 7 <= bytes.count, length >= 7 else { break }
                let height = Int(bytes[index + 3]) << 8 | Int(bytes[index + 4])
                let width = Int(bytes[index + 5]) << 8 | Int(bytes[index + 6])
                return checked(width: width, height: height, format: "JPEG")
            }
            index += length
        }
        return .failure(Failure(reason: "the JPEG is cut short before its frame header"))
    }

    private static func webP(_ bytes: [UInt8]) -> Result<ImageSize, Failure> {
        guard bytes.count >= 16 else { return .failure(Failure(reason: "the WebP header is cut short")) }
        let chunk = String(decoding: bytes[12..<16], as: UTF8.self)
        let short = Failure(reason: "the WebP header is cut short")
        switch chunk {
        case "VP8 ":
            guard bytes.count >= 30 else { return .failure(short) }
            guard bytes[23] == 0x9D, bytes[24] == 0x01, bytes[25] == 0x2A else {
                return .failure(Failure(reason: "the WebP (VP8) frame has no start code"))
            }
            let width = (Int(bytes[26]) | Int(bytes[27]) << 8) & 0x3FFF
            let height = (Int(bytes[28]) | Int(bytes[29]) << 8) & 0x3FFF
            return checked(width: width, height: height, format: "WebP")
        case "VP8L":
            guard bytes.count >= 25 else { return .failure(short) }
            guard bytes[20] == 0x2F else { return .failure(Failure(reason: "the WebP (VP8L) frame has no signature")) }
            let (b0, b1, b2, b3) = (Int(bytes[21]), Int(bytes[22]), Int(bytes[23]), Int(bytes[24]))
            let width = 1 + (b0 | (b1 & 0x3F) << 8)
            let height = 1 + (b1 >> 6 | b2 << 2 | (b3 & 0x0F) << 10)
            return checked(width: width, height: height, format: "WebP")
        case "VP8X":
            guard bytes.count >= 30 else { return .failure(short) }
            let width = 1 + (Int(bytes[24]) | Int(bytes[25]) << 8 | Int(bytes[26]) << 16)
            let height = 1 + (Int(bytes[27]) | Int(bytes[28]) << 8 | Int(bytes[29]) << 16)
            return checked(width: width, height: height, format: "WebP")
        default:
            return .failure(Failure(reason: "the WebP has an unknown first chunk '\(chunk)'"))
        }
    }

    /// `width` and `height` of the root `<svg>` element in pixels (or without a unit), else
    /// the last two numbers of its `viewBox`.
    private static func svg(_ bytes: [UInt8]) -> Result<ImageSize, Failure> {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let open = text.range(of: "<svg") else { return .failure(Failure(reason: "the file has no <svg> element")) }
        guard let close = text[open.upperBound...].firstIndex(of: ">") else {
            return .failure(Failure(reason: "the <svg> tag is cut short"))
        }
        let tag = text[open.upperBound..<close]
        let width = attribute("width", in: tag).flatMap(pixels)
        let height = attribute("height", in: tag).flatMap(pixels)
        if let width, let height { return checked(width: width, height: height, format: "SVG") }
        if let box = attribute("viewBox", in: tag) {
            let numbers = box.split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Double($0) }
            if numbers.count == 4, numbers[2].isFinite, numbers[3].isFinite, numbers[2] < 1e7, numbers[3] < 1e7 {
                return checked(width: Int(numbers[2].rounded()), height: Int(numbers[3].rounded()), format: "SVG")
            }
            return .failure(Failure(reason: "the SVG's viewBox is not four numbers"))
        }
        return .failure(Failure(reason: "the SVG has neither a width and height in pixels nor a viewBox"))
    }

    // MARK: - Helpers

    private static func attribute(_ name: String, in tag: Substring) -> String? {
        var rest = tag
        while let range = rest.range(of: name + "=") {
            let before = range.lowerBound == rest.startIndex ? " " : rest[rest.index(before: range.lowerBound)]
            let after = rest[range.upperBound...]
            if before.isWhitespace, let quote = after.first, quote == "\"" || quote == "'" {
                let value = after.dropFirst()
                guard let end = value.firstIndex(of: quote) else { return nil }
                return String(value[..<end])
            }
            rest = after
        }
        return nil
    }

    private static func pixels(_ value: String) -> Int? {
        var number = value.trimmingCharacters(in: .whitespaces)
        if number.hasSuffix("px") { number.removeLast(2) }
        guard let double = Double(number), double.isFinite, double > 0, double < 1e7 else { return nil }
        return Int(double.rounded())
    }

    private static func bigEndian32(_ bytes: [UInt8], _ at: Int) -> Int {
        Int(bytes[at]) << 24 | Int(bytes[at + 1]) << 16 | Int(bytes[at + 2]) << 8 | Int(bytes[at + 3])
    }

    private static func checked(width: Int, height: Int, format: String) -> Result<ImageSize, Failure> {
        guard width > 0, height > 0 else {
            return .failure(Failure(reason: "the \(format) header gives a size of \(width) × \(height) pixels"))
        }
        return .success(ImageSize(width: width, height: height))
    }
}
