/// Writes a sorted set of entry numbers as a short ASCII string, the smaller of two forms:
///
/// - gaps: each number minus the previous one minus one (the first as it is), as a variable
///   length integer of 5-bit groups, least significant first, one base64url character per
///   group with 32 added while more groups follow. Dense runs cost one character per entry.
/// - bitmap: `~` and the base64url (unpadded) of a bit per entry, entry `i` being bit `i % 8`
///   of byte `i / 8`. A word in most entries costs a sixth of a character per entry.
///
/// `Templates/assets/search.js` decodes both.
enum PostingCoder {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    static func encode(_ numbers: [Int]) -> String {
        guard let last = numbers.last else { return "" }
        var gaps: [UInt8] = []
        var previous = -1
        for number in numbers {
            var value = number - previous - 1
            previous = number
            repeat {
                let group = value & 31
                value >>= 5
                gaps.append(alphabet[group | (value > 0 ? 32 : 0)])
            } while value > 0
        }
        let bitmapLength = 1 + ((last / 8 + 1) * 4 + 2) / 3
        if gaps.count <= bitmapLength { return String(decoding: gaps, as: UTF8.self) }
        var bytes = [UInt8](repeating: 0, count: last / 8 + 1)
        for number in numbers { bytes[number / 8] |= 1 << UInt8(number % 8) }
        return "~" + base64URL(bytes)
    }

    static func base64URL(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count * 4 + 2) / 3)
        var index = 0
        while index < bytes.count {
            let b0 = Int(bytes[index])
            let b1 = index + 1 < bytes.count ? Int(bytes[index + 1]) : 0
            let b2 = index + 2 < bytes.count ? Int(bytes[index + 2]) : 0
            out.append(alphabet[b0 >> 2])
            out.append(alphabet[((b0 & 3) << 4) | (b1 >> 4)])
            if index + 1 < bytes.count { out.append(alphabet[((b1 & 15) << 2) | (b2 >> 6)]) }
            if index + 2 < bytes.count { out.append(alphabet[b2 & 63]) }
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes either form (for tests; the script has its own decoder).
    static func decode(_ text: String) -> [Int] {
        let values = Dictionary(uniqueKeysWithValues: alphabet.enumerated().map { ($1, $0) })
        var numbers: [Int] = []
        if text.hasPrefix("~") {
            let digits = text.utf8.dropFirst().map { values[$0]! }
            var bits = 0
            var buffer = 0
            var byteIndex = 0
            for digit in digits {
                buffer = (buffer << 6) | digit
                bits += 6
                if bits >= 8 {
                    bits -= 8
                    let byte = (buffer >> bits) & 255
                    for bit in 0..<8 where byte & (1 << bit) != 0 { numbers.append(byteIndex * 8 + bit) }
                    byteIndex += 1
                }
            }
            return numbers
        }
        var previous = -1
        var value = 0
        var shift = 0
        for digit in text.utf8.map({ values[$0]! }) {
            value |= (digit & 31) << shift
            shift += 5
            if digit & 32 == 0 {
                previous += value + 1
                numbers.append(previous)
                value = 0
                shift = 0
            }
        }
        return numbers
    }
}
