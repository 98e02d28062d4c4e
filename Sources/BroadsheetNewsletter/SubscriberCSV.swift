import BroadsheetCore
import SwiftCSV

/// The records of a CSV file (RFC 4180), each with the line it starts on, read with SwiftCSV.
///
/// `SourceFile` has already turned CR and CRLF into LF, inside quoted fields too, so a line
/// break in a field reads as `\n` and lines are counted as editors count them.
/// SwiftCSV reads quoted fields with commas, doubled quotes and CR, LF or CRLF inside, but it
/// reports no positions and takes an unclosed quote to the end of the file in silence; this
/// wrapper adds both. It also ends a record at a vertical tab, form feed, NEL or Unicode line
/// separator, which no editor shows as a new line, so those are refused with their position.
enum SubscriberCSV {
    /// One record: its fields and the line (1-based) it starts on.
    struct Record: Sendable, Hashable {
        var fields: [String]
        var line: Int
    }

    static func records(_ file: SourceFile) throws(Diagnostic) -> [Record] {
        try checkSeparators(file)
        var records: [Record] = []
        var line = 1
        do {
            // rowLimit 0: the initialiser reads only the first row (as a header); every row is then
            // read once below, where the callback tells which record an error is in.
            let csv = try EnumeratedCSV(string: file.text, delimiter: .comma, loadColumns: false, rowLimit: 0)
            try csv.enumerateAsArray(startAt: 0, rowLimit: nil) { fields in
                records.append(Record(fields: fields, line: line))
                line += 1 + fields.reduce(0) { $0 + lineBreaks(in: $1) }
            }
        } catch {
            throw Diagnostic.error(
                at: SourceLocation(path: file.path, line: line, column: 1),
                "this record is not valid CSV: \(reason(error))",
                hint: "quote a field that holds a quote, a comma or a line break, and double its quotes: \"Doe, \"\"Jay\"\"\"")
        }
        // Quotes come in pairs in valid CSV; an odd count means the last record's quote is never closed.
        if file.text.unicodeScalars.reduce(0, { $0 + ($1 == "\"" ? 1 : 0) }) % 2 == 1 {
            throw Diagnostic.error(
                at: SourceLocation(path: file.path, line: records.last?.line ?? 1, column: 1),
                "a quoted field that starts in this record is never closed",
                hint: "add the closing \" (every line after it was read as part of the field)")
        }
        return records
    }

    /// Line breaks as editors count them: LF, CR LF and CR.
    private static func lineBreaks(in field: String) -> Int {
        field.reduce(0) { $0 + ($1 == "\n" || $1 == "\r" || $1 == "\r\n" ? 1 : 0) }
    }

    private static func checkSeparators(_ file: SourceFile) throws(Diagnostic) {
        var line = 1
        var column = 1
        for character in file.text {
            if character == "\n" || character == "\r" || character == "\r\n" {
                line += 1
                column = 1
                continue
            }
            if character.isNewline {
                throw Diagnostic.error(
                    at: SourceLocation(path: file.path, line: line, column: column),
                    "the list contains \(TerminalText.escaped(String(character))), which CSV readers take for a line break",
                    hint: "remove it, or save the list as plain CSV text")
            }
            column += 1
        }
    }

    private static func reason(_ error: any Error) -> String {
        switch error {
        case CSVParseError.quotation(let message), CSVParseError.generic(let message): message
        default: "\(error)"
        }
    }
}
