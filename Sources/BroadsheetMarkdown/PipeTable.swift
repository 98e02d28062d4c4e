import BroadsheetDocument

/// A GitHub-flavoured pipe table found in a paragraph's lines, as byte ranges: the cells are
/// parsed as Markdown afterwards, where their positions are still known.
///
/// libcmark reads a pipe table as a paragraph; GFM's rule is that a line of cells followed by
/// a delimiter row with as many cells (`| --- | :-: |`) starts a table, and every following line
/// of the paragraph is a row. Lines before the header row stay a paragraph.
struct PipeTable {
    /// A cell: the line it is on (an index into the lines scanned) and its bytes, trimmed.
    struct Cell {
        var line: Int
        var range: Range<Int>
    }

    /// Index of the header row in the lines scanned; the lines before it are a paragraph.
    var headerLine: Int
    /// One per column.
    var alignments: [TableAlignment]
    /// The header's cells.
    var header: [Cell]
    /// The body rows' cells; nil where a short row has no cell (an empty one is written).
    var rows: [[Cell?]]

    /// The first table in `lines` (a paragraph's lines without their container prefixes), if any.
    static func find(in lines: [ArraySlice<UInt8>]) -> PipeTable? {
        guard lines.count >= 2 else { return nil }
        for index in 1..<lines.count {
            guard Self.mayBeDelimiterRow(lines[index]), let alignments = delimiterRow(lines[index]) else { continue }
            let header = cells(of: lines[index - 1], line: index - 1)
            guard header.count == alignments.count else { continue }
            let rows = (index + 1..<lines.count).map { number -> [Cell?] in
                let cells = cells(of: lines[number], line: number)
                return (0..<alignments.count).map { $0 < cells.count ? cells[$0] : nil }
            }
            return PipeTable(headerLine: index - 1, alignments: alignments, header: header, rows: rows)
        }
        return nil
    }

    /// A cheap first look: only pipes, colons, hyphens and spaces, with a hyphen among them.
    private static func mayBeDelimiterRow(_ line: ArraySlice<UInt8>) -> Bool {
        var hyphen = false
        for byte in line {
            switch byte {
            case UInt8(ascii: "-"): hyphen = true
            case UInt8(ascii: "|"), UInt8(ascii: ":"), UInt8(ascii: " "), UInt8(ascii: "\t"): break
            default: return false
            }
        }
        return hyphen
    }

    /// The alignments of a delimiter row, or nil when a cell is not `:?-+:?`.
    private static func delimiterRow(_ line: ArraySlice<UInt8>) -> [TableAlignment]? {
        var alignments: [TableAlignment] = []
        for cell in cells(of: line, line: 0) {
            let bytes = line[cell.range]
            let left = bytes.first == UInt8(ascii: ":")
            let right = bytes.count > 1 && bytes.last == UInt8(ascii: ":")
            let hyphens = bytes.dropFirst(left ? 1 : 0).dropLast(right ? 1 : 0)
            guard !hyphens.isEmpty, hyphens.allSatisfy({ $0 == UInt8(ascii: "-") }) else { return nil }
            alignments.append(left && right ? .center : left ? .left : right ? .right : .none)
        }
        return alignments.isEmpty ? nil : alignments
    }

    /// The cells of a row: split at pipes that are not backslash-escaped, an optional leading
    /// and trailing pipe ignored, each cell trimmed of spaces.
    static func cells(of line: ArraySlice<UInt8>, line number: Int) -> [Cell] {
        var cells: [Cell] = []
        var position = line.startIndex
        let end = line.endIndex
        func isSpace(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        while position < end && isSpace(line[position]) { position += 1 }
        if position < end && line[position] == UInt8(ascii: "|") { position += 1 }
        while true {
            let start = position
            while position < end && line[position] != UInt8(ascii: "|") {
                position += line[position] == UInt8(ascii: "\\") && position + 1 < end ? 2 : 1
            }
            var (from, to) = (start, min(position, end))
            while from < to && isSpace(line[from]) { from += 1 }
            while to > from && isSpace(line[to - 1]) { to -= 1 }
            if position >= end {
                if from < to || cells.isEmpty { cells.append(Cell(line: number, range: from..<to)) }
                return cells
            }
            cells.append(Cell(line: number, range: from..<to))
            position += 1
            if line[position...].allSatisfy(isSpace) { return cells }
        }
    }
}
