/// Counts words for reading time: runs of letters and digits for alphabetic scripts,
/// single characters for Chinese, Japanese and Korean.
enum WordCounter {
    static func count(_ texts: [String]) -> (words: Int, cjk: Int) {
        var words = 0
        var cjk = 0
        for text in texts {
            var inWord = false
            // Most text is ASCII: classify bytes directly and leave Unicode properties for the rest.
            if text.utf8.allSatisfy({ $0 < 0x80 }) {
                for byte in text.utf8 {
                    let isWordByte = (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
                    if isWordByte {
                        if !inWord { words += 1 }
                        inWord = true
                    } else if byte != UInt8(ascii: "'") && byte != UInt8(ascii: "-") {
                        inWord = false
                    }
                }
                continue
            }
            for scalar in text.unicodeScalars {
                if isCJK(scalar) {
                    cjk += 1
                    inWord = false
                } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                    if !inWord { words += 1 }
                    inWord = true
                } else if scalar != "'" && scalar != "\u{2019}" && scalar != "-" {
                    inWord = false
                }
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
