/// JSON written by hand into UTF-8 bytes, so the index files are byte-identical across runs
/// and cheap to write (entry files hold every word of the site).
struct SearchJSON {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

    /// Appends ASCII punctuation or an already valid JSON fragment.
    mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }

    /// Appends `text` as a JSON string literal.
    mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var start = 0
            var index = 0
            func flush(_ end: Int) { if end > start { bytes.append(contentsOf: utf8[start..<end]) } }
            while index < utf8.count {
                let byte = utf8[index]
                var escape: [UInt8]? = nil
                var length = 1
                switch byte {
                case UInt8(ascii: "\""): escape = Array(#"\""#.utf8)
                case UInt8(ascii: "\\"): escape = Array(#"\\"#.utf8)
                case 0x0A: escape = Array(#"\n"#.utf8)
                case 0x0D: escape = Array(#"\r"#.utf8)
                case 0x09: escape = Array(#"\t"#.utf8)
                case 0x00..<0x20: escape = Array("\\u00".utf8) + [Self.hex[Int(byte >> 4)], Self.hex[Int(byte & 15)]]
                case 0xE2
                where index + 2 < utf8.count && utf8[index + 1] == 0x80 && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9):
                    // U+2028 and U+2029 end lines in older JavaScript parsers.
                    escape = Array((utf8[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                    length = 3
                default: break
                }
                if let escape {
                    flush(index)
                    bytes.append(contentsOf: escape)
                    index += length
                    start = index
                } else {
                    index += 1
                }
            }
            flush(utf8.count)
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static let hex = Array("0123456789abcdef".utf8)

    /// `text` as a JSON string literal.
    static func string(_ text: String) -> String {
        var json = SearchJSON()
        json.string(text)
        return String(decoding: json.bytes, as: UTF8.self)
    }
}
