/// A second, small Markdown text made of pieces of the first (a table's cells, the paragraph
/// lines before a table), parsed on its own, with where each of its bytes came from, so that a
/// link in a cell is reported at its own line and column of the article.
struct NestedMarkdown {
    /// Where one line of the nested text came from.
    struct Origin {
        /// The line in the original text.
        var sourceLine: Int
        /// The offset of that line's first byte in the original text.
        var lineStart: Int
        /// The original offset of each byte of this line.
        var offsets: [Int]
        /// This line's text.
        var text: String
    }

    private(set) var bytes: [UInt8] = []
    /// One per line of the nested text.
    private(set) var origins: [Origin] = []

    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Appends a line; returns its 1-based number in the nested text.
    @discardableResult
    mutating func appendLine(_ line: [UInt8], offsets: [Int], sourceLine: Int, lineStart: Int) -> Int {
        if !bytes.isEmpty { bytes.append(UInt8(ascii: "\n")) }
        bytes += line
        origins.append(
            Origin(sourceLine: sourceLine, lineStart: lineStart, offsets: offsets, text: String(decoding: line, as: UTF8.self)))
        return origins.count
    }

    /// Appends an empty line, which ends a paragraph.
    mutating func appendBlankLine() {
        appendLine([], offsets: [], sourceLine: origins.last?.sourceLine ?? 1, lineStart: origins.last?.lineStart ?? 0)
    }

    /// The original line and column of a nested line and (character) column.
    func sourcePosition(line: Int, column: Int?, in lines: SourceLines) -> (line: Int, column: Int?) {
        guard line >= 1, line <= origins.count else { return (line, column) }
        let origin = origins[line - 1]
        guard let column, column >= 1, !origin.offsets.isEmpty else { return (origin.sourceLine, column) }
        let byte = origin.text.prefix(column - 1).utf8.count
        let offset = byte < origin.offsets.count ? origin.offsets[byte] : origin.offsets[origin.offsets.count - 1] + 1
        let before = lines[bytes: origin.lineStart..<max(origin.lineStart, offset)]
        return (origin.sourceLine, String(decoding: before, as: UTF8.self).count + 1)
    }

    // MARK: - Cells

    /// A cell's bytes with GFM's escaped pipes (`\|`) unescaped, even inside code spans, and
    /// the original offset of each byte.
    static func cellText(_ cell: ArraySlice<UInt8>) -> (bytes: [UInt8], offsets: [Int]) {
        var bytes: [UInt8] = []
        var offsets: [Int] = []
        bytes.reserveCapacity(cell.count)
        offsets.reserveCapacity(cell.count)
        var index = cell.startIndex
        while index < cell.endIndex {
            if cell[index] == UInt8(ascii: "\\"), index + 1 < cell.endIndex, cell[index + 1] == UInt8(ascii: "|") {
                index += 1
            }
            bytes.append(cell[index])
            offsets.append(index)
            index += 1
        }
        return (bytes, offsets)
    }

    /// True when a cell's first byte could make libcmark read it as a block (a heading, list,
    /// quote, fence, thematic break, HTML block or link reference definition) rather than text.
    static func mayStartBlock(_ bytes: [UInt8]) -> Bool {
        guard let first = bytes.first else { return false }
        return "#>-+*_`~<[=".utf8.contains(first) || (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9"))
    }

    /// The cell with a backslash before its first ASCII punctuation character, so that it is
    /// read as text: `# x` → `\# x`, `1. x` → `1\. x`.
    static func escapingBlockStart(_ bytes: [UInt8], offsets: [Int]) -> (bytes: [UInt8], offsets: [Int]) {
        guard
            let index = bytes.firstIndex(where: { byte in
                (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte)
                    || (0x7B...0x7E).contains(byte)
            })
        else { return (bytes, offsets) }
        var (escaped, escapedOffsets) = (bytes, offsets)
        escaped.insert(UInt8(ascii: "\\"), at: index)
        escapedOffsets.insert(offsets[index], at: index)
        return (escaped, escapedOffsets)
    }
}
