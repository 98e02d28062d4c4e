/// Counts words for reading time: runs of letters and digits for alphabetic scripts,
/// single characters for Chinese, Japanese and Korean.
///
/// Fed cmark's text buffers directly, so the text of a document is never copied into
/// Swift strings just to be counted.
struct WordCounter {
    /// Latin-script (and other alphabetic) words.
    private(set) var words = 0
    /// Han, kana and hangul characters.
    private(set) var cjk = 0

    /// Counts the words of one text node; a word never continues across nodes.
    /// Adds the counts of a text counted separately (a table's cells).
    mutating func add(_ other: WordCounter) {
        words += other.words
        cjk += other.cjk
    }

    mutating func add(_ text: UnsafePointer<CChar>) {
        var inWord = false
        var pointer = UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self)
        while pointer.pointee != 0 {
            let lead = pointer.pointee
            // ASCII inline, without decoding or a call per byte: most text is ASCII.
            if lead < 0x80 {
                pointer += 1
                if lead == 0x27 || lead == 0x2D { continue }  // ' and - stay inside a word
                let lower = lead | 0x20
                let isWordCharacter = (lead >= 0x30 && lead <= 0x39) || (lower >= 0x61 && lower <= 0x7A)
                if isWordCharacter && !inWord { words += 1 }
                inWord = isWordCharacter
                continue
            }
            var value = UInt32(lead)
            var length = 1
            if lead >= 0xF0 {
                length = 4
                value = UInt32(lead & 0x07)
            } else if lead >= 0xE0 {
                length = 3
                value = UInt32(lead & 0x0F)
            } else if lead >= 0xC0 {
                length = 2
                value = UInt32(lead & 0x1F)
            }
            var index = 1
            while index < length {
                let next = pointer[index]
                // cmark validated UTF-8 on parse; stop at a truncated sequence all the same.
                guard next & 0xC0 == 0x80 else { return }
                value = value << 6 | UInt32(next & 0x3F)
                index += 1
            }
            pointer += length
            classify(value, inWord: &inWord)
        }
    }

    private mutating func classify(_ value: UInt32, inWord: inout Bool) {
        // Fast paths first: ASCII, and the curly quotes and dashes smart punctuation
        // produces. Unicode property look-ups are only for other scripts.
        let isWordCharacter: Bool
        if value < 0x80 {
            if value == 0x27 || value == 0x2D { return }  // ' and - stay inside a word
            let lower = value | 0x20
            isWordCharacter = (value >= 0x30 && value <= 0x39) || (lower >= 0x61 && lower <= 0x7A)
        } else if value >= 0x2000 && value <= 0x206F {
            if value == 0x2019 { return }  // ’ stays inside a word
            isWordCharacter = false
        } else if Self.isCJK(value) {
            cjk += 1
            inWord = false
            return
        } else if let scalar = Unicode.Scalar(value) {
            isWordCharacter = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        } else {
            isWordCharacter = false
        }
        if isWordCharacter && !inWord { words += 1 }
        inWord = isWordCharacter
    }

    static func isCJK(_ value: UInt32) -> Bool {
        switch value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0x20000...0x2FA1F:
            true
        default:
            false
        }
    }
}
