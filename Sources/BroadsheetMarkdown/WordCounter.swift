/// Counts words for reading time: runs of letters and digits for alphabetic scripts,
/// single characters for Chinese, Japanese and Korean.
enum WordCounter {
    static func count(_ texts: [String]) -> (words: Int, cjk: Int) {
        var words = 0
        var cjk = 0
        for text in texts {
            var inWord = false
            for scalar in text.unicodeScalars {
                let value = scalar.value
                // Fast paths first: ASCII, and the curly quotes and dashes smart punctuation
                // produces. Unicode property look-ups are only for other scripts.
                let isWordCharacter: Bool
                if value < 0x80 {
                    let byte = UInt8(value)
                    if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "-") { continue }
                    isWordCharacter = (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
                } else if value >= 0x2000 && value <= 0x206F {
                    if value == 0x2019 { continue }
                    isWordCharacter = false
                } else if isCJK(scalar) {
                    cjk += 1
                    inWord = false
                    continue
                } else {
                    isWordCharacter = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                }
                if isWordCharacter && !inWord { words += 1 }
                inWord = isWordCharacter
            }
        }
        return (words, cjk)
    }

    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0x20000...0x2FA1F:
            true
        default:
            false
        }
    }
}
