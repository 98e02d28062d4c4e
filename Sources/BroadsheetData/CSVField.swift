/// One field of a CSV export, safe for spreadsheets and quoted as RFC 4180 says.
///
/// A field a spreadsheet would read as a formula (starting with `=`, `+`, `-`, `@`, a tab, a
/// carriage return or a line feed) is prefixed with a single quote, as OWASP recommends for CSV
/// injection, unless it is a plain number such as `-3.5`, `+4`, `-1,200` or `-12%`, which
/// stays a number.
enum CSVField {
    /// The field as written into the file: neutralised, then quoted when it holds a comma, a
    /// quote or a line break (quotes doubled).
    static func encode(_ field: String) -> String {
        quote(neutralised(field))
    }

    /// `field` with a leading `'` when a spreadsheet would run it as a formula.
    static func neutralised(_ field: String) -> String {
        guard let first = field.unicodeScalars.first, triggers.contains(first), !isPlainNumber(field) else { return field }
        return "'" + field
    }

    /// RFC 4180: a field holding a comma, a double quote, CR or LF is quoted, its quotes doubled.
    static func quote(_ field: String) -> String {
        guard field.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
            return field
        }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private static func isDigit(_ character: Character) -> Bool { ("0"..."9").contains(character) }

    private static let triggers: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r", "\n"]

    /// A sign, digits (thousands separated by commas), an optional decimal part and an optional
    /// `%`: `-3.5`, `+4`, `-1,200.25`, `-12%`.
    static func isPlainNumber(_ field: String) -> Bool {
        var scalars = Substring(field).unicodeScalars[...]
        if let sign = scalars.first, sign == "-" || sign == "+" { scalars = scalars.dropFirst() }
        if scalars.last == "%" { scalars = scalars.dropLast() }
        let parts = String(scalars).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty else { return false }
        let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
        guard groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy(isDigit) }) else { return false }
        if groups.count > 1 && (groups.first!.count > 3 || groups.dropFirst().contains { $0.count != 3 }) { return false }
        if parts.count == 2 { return !parts[1].isEmpty && parts[1].allSatisfy(isDigit) }
        return true
    }
}
