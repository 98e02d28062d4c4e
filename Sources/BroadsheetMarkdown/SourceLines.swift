/// A Markdown source's lines as UTF-8 bytes, numbered from 1, for locating links.
///
/// Splitting the `String` into `Substring` lines walked every character and was 7% of a
/// large build; here the bytes are copied once and line starts found by a byte scan.
/// Line endings are already `\n` only (`SourceFile` normalises them).
struct SourceLines {
    private let bytes: [UInt8]
    /// Offset of the first byte of each line.
    private let starts: [Int]

    init(_ source: String) {
        bytes = Array(source.utf8)
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(offset + 1)
        }
        self.starts = starts
    }

    /// How many lines there are (a final newline ends one more, empty line).
    var count: Int { starts.count }

    /// The bytes of line `number` (1-based), without its newline.
    subscript(number: Int) -> ArraySlice<UInt8> {
        let start = starts[number - 1]
        let end = number < starts.count ? starts[number] - 1 : bytes.count
        return bytes[start..<end]
    }

    /// The bytes at `range`: offsets into the whole text, as the lines' indices are.
    subscript(bytes range: Range<Int>) -> ArraySlice<UInt8> {
        bytes[range]
    }
}
