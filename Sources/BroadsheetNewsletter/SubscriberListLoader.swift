import BroadsheetCore
import BroadsheetMail
import Foundation

/// Reads a subscriber list: CSV with an email column and an optional name column.
///
/// A header row (`email,name`, any order, any case) is optional; without one the first column
/// is the address and the second the name. Quoted fields (`"Doe, Jane"`) and `""` escapes work.
/// Invalid and repeated addresses become warnings at their line, and are not sent to.
public enum SubscriberListLoader {
    /// The subscribers in file order, and a warning for every line that was left out.
    public static func load(_ file: SourceFile) -> ([Subscriber], [Diagnostic]) {
        var subscribers: [Subscriber] = []
        var diagnostics: [Diagnostic] = []
        var seen: [String: Int] = [:]
        var emailColumn = 0
        var nameColumn: Int? = 1
        for (index, line) in file.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let fields = parse(String(line)).map { $0.trimmingCharacters(in: .whitespaces) }
            if subscribers.isEmpty && seen.isEmpty && diagnostics.isEmpty,
                let column = fields.firstIndex(where: { ["email", "e-mail", "address"].contains($0.lowercased()) })
            {
                emailColumn = column
                nameColumn = fields.firstIndex { $0.lowercased() == "name" }
                continue
            }
            let location = SourceLocation(path: file.path, line: number, column: 1)
            let address = fields.indices.contains(emailColumn) ? fields[emailColumn] : ""
            let name = nameColumn.flatMap { fields.indices.contains($0) ? fields[$0] : nil }.flatMap { $0.isEmpty ? nil : $0 }
            guard let email = EmailAddress(address: address, displayName: name) else {
                diagnostics.append(
                    .warning(
                        at: location,
                        "invalid address '\(address)': \(EmailAddress.problem(with: address) ?? "not an address"); not sent to",
                        hint: "correct the address and run the send again: it continues where it stopped"))
                continue
            }
            if let first = seen[email.normalized] {
                diagnostics.append(
                    .warning(at: location, "'\(address)' is already on line \(first); it gets one copy", hint: nil))
                continue
            }
            seen[email.normalized] = number
            subscribers.append(Subscriber(address: email, name: name, line: number))
        }
        return (subscribers, diagnostics)
    }

    /// The fields of one CSV line (RFC 4180 quoting, no line breaks inside fields).
    static func parse(_ line: String) -> [String] {
        var fields: [String] = []
        var field = ""
        var quoted = false
        var characters = line.replacingOccurrences(of: "\r", with: "")[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" {
                        field.append("\"")
                        characters.removeFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(character)
                }
            } else if character == "\"" && field.trimmingCharacters(in: .whitespaces).isEmpty {
                field = ""
                quoted = true
            } else if character == "," {
                fields.append(field)
                field = ""
            } else {
                field.append(character)
            }
        }
        fields.append(field)
        return fields
    }
}
