import BroadsheetCore
import BroadsheetMail
import Foundation

/// Reads a subscriber list: CSV with an email column and an optional name column.
///
/// A header row (`email,name`, any order, any case) is optional; without one the first column
/// is the address and the second the name. Fields follow RFC 4180 (`SubscriberCSV`): quoted
/// fields hold commas, `""` quotes and line breaks. A record whose first field starts with `#`
/// is a comment. Invalid and repeated addresses, and names with line breaks or control
/// characters, become warnings at their line and are not sent to; a list that is not valid CSV
/// is an error and nobody is sent to.
public enum SubscriberListLoader {
    /// The subscribers in file order, and a diagnostic for every line that was left out.
    public static func load(_ file: SourceFile) -> ([Subscriber], [Diagnostic]) {
        let records: [SubscriberCSV.Record]
        do {
            records = try SubscriberCSV.records(file)
        } catch {
            return ([], [error])
        }
        var subscribers: [Subscriber] = []
        var diagnostics: [Diagnostic] = []
        var seen: [String: Int] = [:]
        var emailColumn = 0
        var nameColumn: Int? = 1
        var isFirst = true
        for record in records {
            let fields = record.fields.map { $0.trimmingCharacters(in: .whitespaces) }
            if fields.allSatisfy(\.isEmpty) || fields[0].hasPrefix("#") { continue }
            defer { isFirst = false }
            if isFirst, let column = fields.firstIndex(where: { ["email", "e-mail", "address"].contains($0.lowercased()) }) {
                emailColumn = column
                nameColumn = fields.firstIndex { $0.lowercased() == "name" }
                continue
            }
            let location = SourceLocation(path: file.path, line: record.line, column: 1)
            let address = fields.indices.contains(emailColumn) ? fields[emailColumn] : ""
            let name = nameColumn.flatMap { fields.indices.contains($0) ? fields[$0] : nil }.flatMap { $0.isEmpty ? nil : $0 }
            guard let email = EmailAddress(address: address, displayName: name) else {
                diagnostics.append(
                    .warning(
                        at: location,
                        "invalid address '\(TerminalText.escaped(address))': \(EmailAddress.problem(with: address) ?? "not an address"); not sent to",
                        hint: "correct the address and run the send again: it continues where it stopped"))
                continue
            }
            if let name, let problem = MailHeaderSyntax.problem(withHeaderText: name) {
                diagnostics.append(
                    .warning(
                        at: location, "the name of '\(address)' cannot go into an email header: \(problem); not sent to",
                        hint: "write the name on one line without control characters, then run the send again"))
                continue
            }
            if let first = seen[email.normalized] {
                diagnostics.append(
                    .warning(at: location, "'\(address)' is already on line \(first); it gets one copy", hint: nil))
                continue
            }
            seen[email.normalized] = record.line
            subscribers.append(Subscriber(address: email, name: name, line: record.line))
        }
        return (subscribers, diagnostics)
    }
}
