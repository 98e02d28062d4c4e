import BroadsheetCore

/// JSON written by hand into UTF-8 bytes, so the index files are byte-identical across runs
/// and cheap to write (entry files hold every word of the site).
struct SearchJSON {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

    /// Appends ASCII punctuation or an already valid JSON fragment.
    mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }

    /// Empties the buffer, keeping its memory for the next file.
    mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

    /// Appends `text` as a JSON string literal.
    ///
    /// Almost every byte is copied as it is: the loop only looks for the few that may need an
    /// escape and copies the runs between them in one go (this writes 60 MB of entry text at
    /// 10,000 articles).
    mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var start = 0
            var index = 0
            // Eight bytes that hold none of those bytes are skipped at once; the bytes of
            // the others are looked at one by one.
            var checkedUpTo = 0
            while index < utf8.count {
                if index >= checkedUpTo && index + 8 <= utf8.count {
                    if !Self.mayNeedEscape(ByteWord(utf8, at: index)) {
                        index += 8
                        continue
                    }
                    checkedUpTo = index + 8
                }
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0xE2 else {
                    index += 1
                    continue
                }
                // U+2028 and U+2029 (E2 80 A8, E2 80 A9) end lines in older JavaScript parsers.
                let isLineSeparator =
                    byte == 0xE2 && index + 2 < utf8.count && utf8[index + 1] == 0x80
                    && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9)
                guard byte != 0xE2 || isLineSeparator else {
                    index += 1
                    continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                bytes.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
                case 0x0A: bytes.append(UInt8(ascii: "n"))
                case 0x0D: bytes.append(UInt8(ascii: "r"))
                case 0x09: bytes.append(UInt8(ascii: "t"))
                case 0xE2: appendUnicodeEscape(utf8[index + 2] == 0xA8 ? 0x2028 : 0x2029)
                default: appendUnicodeEscape(UInt16(byte))
                }
                index += byte == 0xE2 ? 3 : 1
                start = index
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<utf8.count]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Whether any of the eight bytes of `word` is one that may need an escape: `"`, `\`, a
    /// control character or the first byte of U+2028 and U+2029 (and of other characters
    /// from U+2000 to U+2FFF). The answer is exact, not just likely (`ByteWord`).
    private static func mayNeedEscape(_ word: ByteWord) -> Bool {
        word.contains(below: 0x20) || word.contains(0x22) || word.contains(0x5C) || word.contains(0xE2)
    }

    /// `u` and four lower-case hex digits (the backslash is already written).
    private mutating func appendUnicodeEscape(_ value: UInt16) {
        bytes.append(UInt8(ascii: "u"))
        for shift in stride(from: 12, through: 0, by: -4) { bytes.append(Self.hex[Int(value >> UInt16(shift)) & 15]) }
    }

    private static let hex = Array("0123456789abcdef".utf8)

    /// `text` as a JSON string literal.
    static func string(_ text: String) -> String {
        var json = SearchJSON()
        json.string(text)
        return String(decoding: json.bytes, as: UTF8.self)
    }
}
