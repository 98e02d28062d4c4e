import BroadsheetCore
import BroadsheetMail
import Testing

@testable import BroadsheetNewsletter

/// Issue 14 defect 6 and issue 13: subscriber lists are real CSV (RFC 4180), so a quoted field
/// holding a line break is one record, never two, and every problem names its line.
@Suite("Subscriber lists as CSV")
struct SubscriberCSVTests {
    static func load(_ text: String) -> ([Subscriber], [String]) {
        let (subscribers, diagnostics) = SubscriberListLoader.load(SourceFile(path: "readers.csv", text: text))
        return (subscribers, diagnostics.map { $0.description.components(separatedBy: "\n")[0] })
    }

    @Test(
        "quoted fields keep commas, doubled quotes and CR, LF or CRLF, with every line ending",
        arguments: ["\n", "\r\n", "\r"], ["\r", "\n", "\r\n"])
    func quoted(_ ending: String, _ inside: String) throws {
        let text = [
            "email,name", "ada@example.com,\"Lovelace, \"\"Ada\"\"\"", "bob@example.org,\"Bob\(inside)Smith\"",
            "\"chen@example.com\",\"Chen, \(inside)\"\"Ming\"\"\"", "dee@example.net,Dee", "",
        ].joined(separator: ending)
        let records = try SubscriberCSV.records(SourceFile(path: "readers.csv", text: text))
        // SourceFile reads every line break as LF, inside quoted fields too.
        #expect(
            records.map(\.fields) == [
                ["email", "name"], ["ada@example.com", "Lovelace, \"Ada\""], ["bob@example.org", "Bob\nSmith"],
                ["chen@example.com", "Chen, \n\"Ming\""], ["dee@example.net", "Dee"],
            ])
        #expect(records.map(\.line) == [1, 2, 3, 5, 7])
        // The line break inside a name keeps the reader out of the send (it cannot go into a
        // header), with a warning at the record's first line; nobody is split into two.
        let (subscribers, diagnostics) = Self.load(text)
        #expect(subscribers.map(\.address.address) == ["ada@example.com", "dee@example.net"])
        #expect(subscribers.map(\.line) == [2, 7])
        #expect(subscribers.first?.name == "Lovelace, \"Ada\"")
        #expect(diagnostics.count == 2)
        #expect(
            diagnostics.first?.hasPrefix(
                "readers.csv:3:1: warning: the name of 'bob@example.org' cannot go into an email header: it contains a line break"
            )
                == true)
        #expect(diagnostics.last?.hasPrefix("readers.csv:5:1: warning: the name of 'chen@example.com'") == true)
    }

    @Test(
        "an address split across a quoted line break is one invalid address, never a half that is sent",
        arguments: ["\r", "\n", "\r\n"])
    func splitAddress(_ inside: String) {
        let (subscribers, diagnostics) = Self.load("\"ada@example.com\(inside)bcc@evil.example\",Ada\nbob@example.org,Bob\n")
        #expect(subscribers.map(\.address.address) == ["bob@example.org"])
        #expect(subscribers.map(\.line) == [3])
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.hasPrefix("readers.csv:1:1: warning: invalid address 'ada@example.com\\u{A}bcc") == true)
    }

    @Test(
        "a list that is not valid CSV is an error at the record's line, and nobody is sent to",
        arguments: [
            ("ada@example.com,Ada\nbob@example.org,\"Bob\"x\n", "readers.csv:2:1: error: this record is not valid CSV"),
            ("ada@example.com,Ada\nbob@example.org,Bo\"b\n", "readers.csv:2:1: error: this record is not valid CSV"),
            (
                "ada@example.com,Ada\nbob@example.org,\"Bob\ncee@example.org,Cee\n",
                "readers.csv:2:1: error: a quoted field that starts in this record is never closed"
            ),
            (
                "ada@example.com,\"A\r\nda\"\r\nbob@example.org,\"Bob\r\n",
                "readers.csv:3:1: error: a quoted field that starts in this record is never closed"
            ),
            (
                "ada@example.com,Ada\nbob@example.org,Bo\u{0B}b\n",
                "readers.csv:2:19: error: the list contains \\u{B}, which CSV readers take for a line break"
            ),
            (
                "ada@example.com,Ada\u{2028}bob@example.org,Bob\n",
                "readers.csv:1:20: error: the list contains \\u{2028}, which CSV readers take for a line break"
            ),
        ])
    func invalid(_ text: String, _ expected: String) {
        let (subscribers, diagnostics) = Self.load(text)
        #expect(subscribers.isEmpty)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.hasPrefix(expected) == true, "\(diagnostics)")
    }

    @Test("blank lines, comments, a byte-order mark and spaces around fields")
    func layout() {
        let (subscribers, diagnostics) = Self.load(
            "\u{FEFF}Name , E-Mail\r\n\r\n# a comment, with a comma\r\n  Ada ,  ada@example.com  \r\n   \r\n\"Bob\", bob@example.org\r\n"
        )
        #expect(diagnostics.isEmpty)
        #expect(subscribers.map(\.address.address) == ["ada@example.com", "bob@example.org"])
        #expect(subscribers.map(\.name) == ["Ada", "Bob"])
        #expect(subscribers.map(\.line) == [4, 6])
    }

    @Test("escape sequences in addresses are shown escaped in the warning", arguments: ["\u{1B}]0;pwned\u{07}", "\u{9B}2J"])
    func escapes(_ sequence: String) {
        let (_, diagnostics) = Self.load("ada\(sequence)@example.com,Ada\nbob@example.org,Bob\(sequence)\n")
        #expect(diagnostics.count == 2)
        #expect(diagnostics.allSatisfy { !$0.unicodeScalars.contains { TerminalText.needsEscaping($0) } })
    }
}
