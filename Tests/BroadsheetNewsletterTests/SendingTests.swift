import BroadsheetCore
import BroadsheetMail
import Foundation
import Testing

@testable import BroadsheetNewsletter

/// A transport that follows a script of outcomes per recipient and records what it delivered.
struct ScriptedTransport: MailTransport {
    /// Errors to throw, in order, for each recipient; then success.
    var script: [String: [MailDeliveryError]]
    var delivered: [String] = []
    var commits: [String] = []

    /// Thrown by `open`, when set.
    var openError: MailDeliveryError?
    var opened = 0

    mutating func open() async throws(MailDeliveryError) {
        opened += 1
        if let openError { throw openError }
    }

    mutating func deliver(_ message: String, from sender: String, to recipient: String, willCommit: () throws -> Void)
        async throws(MailDeliveryError) -> String
    {
        if var errors = script[recipient], !errors.isEmpty {
            let error = errors.removeFirst()
            script[recipient] = errors
            if error.kind == .uncertain || error.code != nil {
                do { try willCommit() } catch { throw MailDeliveryError(.temporary, "journal") }
                commits.append(recipient)
            }
            throw error
        }
        do { try willCommit() } catch { throw MailDeliveryError(.temporary, "journal") }
        commits.append(recipient)
        delivered.append(recipient)
        return "250 OK"
    }

    mutating func close() async {}
}

@Suite("Sending with a journal")
struct SendingTests {
    static func temporaryJournal() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("broadsheet-journal-\(UUID().uuidString)/first.jsonl")
    }

    static func subscribers(_ addresses: [String]) -> [Subscriber] {
        addresses.enumerated().map { Subscriber(address: EmailAddress(address: $1)!, name: nil, line: $0 + 1) }
    }

    static func message(_ subscriber: Subscriber) -> EmailMessage {
        EmailMessage(
            from: EmailAddress(address: "desk@example.org")!, to: subscriber.address, subject: "S",
            date: Date(timeIntervalSince1970: 0),
            messageID: "m@example.org", text: "t", html: "<p>h</p>")
    }

    func send(
        _ journalURL: URL, _ readers: [Subscriber], _ transport: inout ScriptedTransport, resendUncertain: Bool = false,
        sleeps: inout [Double]
    ) async throws -> (SendReport, SendPlan) {
        let journal = try SendJournal(url: journalURL, displayPath: "journal")
        let plan = SendPlan(subscribers: readers, journal: journal, resendUncertain: resendUncertain)
        var recorded: [Double] = []
        let sender = NewsletterSender(
            journal: journal, options: SendOptions(rate: 0, retries: 2, retryDelay: 1), sleep: { recorded.append($0) })
        let report = await sender.send(
            plan, envelopeSender: "desk@example.org", transport: &transport, compose: { Self.message($0) },
            progress: { _, _, _, _ in })
        sleeps += recorded
        return (report, plan)
    }

    @Test("temporary failures are retried with doubling delays; permanent ones are not")
    func retries() async throws {
        let url = Self.temporaryJournal()
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let readers = Self.subscribers(["a@example.com", "b@example.com", "c@example.com"])
        var transport = ScriptedTransport(script: [
            "a@example.com": [
                MailDeliveryError(.temporary, code: 451, "busy"), MailDeliveryError(.temporary, code: 421, "busy"),
            ],
            "b@example.com": [MailDeliveryError(.permanent, code: 550, "no such user")],
        ])
        var sleeps: [Double] = []
        let (report, _) = try await send(url, readers, &transport, sleeps: &sleeps)
        #expect(transport.delivered == ["a@example.com", "c@example.com"])
        #expect(sleeps == [1, 2])
        #expect(report.sentCount == 2)
        #expect(report.outcomes[1].outcome == .failed("no such user"))
    }

    @Test("a rerun skips everyone sent, failed or uncertain, and reports the uncertain")
    func rerun() async throws {
        let url = Self.temporaryJournal()
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let readers = Self.subscribers(["a@example.com", "b@example.com", "c@example.com", "d@example.com"])
        var first = ScriptedTransport(script: [
            "b@example.com": [MailDeliveryError(.uncertain, "connection lost after the final dot")],
            "c@example.com": [MailDeliveryError(.permanent, code: 550, "no such user")],
            "d@example.com": Array(repeating: MailDeliveryError(.temporary, "connection refused"), count: 3),
        ])
        var sleeps: [Double] = []
        _ = try await send(url, readers, &first, sleeps: &sleeps)
        #expect(first.delivered == ["a@example.com"])

        var second = ScriptedTransport(script: [:])
        let (report, plan) = try await send(url, readers, &second, sleeps: &sleeps)
        #expect(plan.alreadySent.map(\.address.address) == ["a@example.com"])
        #expect(plan.uncertain.map(\.address.address) == ["b@example.com"])
        #expect(plan.failedBefore.map(\.address.address) == ["c@example.com"])
        #expect(second.delivered == ["d@example.com"])
        #expect(report.sentCount == 1)

        var third = ScriptedTransport(script: [:])
        _ = try await send(url, readers, &third, resendUncertain: true, sleeps: &sleeps)
        #expect(third.delivered == ["b@example.com"])
    }

    @Test("an incomplete last line (a crash while writing) is ignored with a warning; the journal is locked")
    func crashTail() throws {
        let url = Self.temporaryJournal()
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        do {
            let journal = try SendJournal(url: url, displayPath: "journal")
            try journal.record(.sending, email: "a@example.com", at: Date(timeIntervalSince1970: 0))
            #expect(throws: DiagnosticsError.self) { try SendJournal(url: url, displayPath: "journal") }
        }
        let handle = try FileHandle(forWritingTo: url)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"email\":\"a@exa".utf8))
        try handle.close()
        let journal = try SendJournal(url: url, displayPath: "journal")
        #expect(journal.states == ["a@example.com": .sending])
        #expect(
            journal.warnings.map(\.message) == [
                "the journal's last line is incomplete (the previous send stopped while writing it); it is ignored"
            ])
        try journal.record(.sent, email: "a@example.com", at: Date(timeIntervalSince1970: 1))
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines.last?.contains("\"state\":\"sent\"") == true)
    }
}

@Suite("Subscriber lists")
struct SubscriberListTests {
    @Test("a header, quoted names, invalid and repeated addresses")
    func csv() {
        let text =
            "Email,Name\nada@example.com,Ada\n\"bob@example.org\",\"Doe, Bob\"\nnot-an-address,X\nADA@example.com,Again\n\n# comment\nchen@example.com\n"
        let (subscribers, diagnostics) = SubscriberListLoader.load(SourceFile(path: "readers.csv", text: text))
        #expect(subscribers.map(\.address.address) == ["ada@example.com", "bob@example.org", "chen@example.com"])
        #expect(subscribers.map(\.name) == ["Ada", "Doe, Bob", nil])
        #expect(subscribers.map(\.line) == [2, 3, 8])
        #expect(
            diagnostics.map(\.description).map { $0.components(separatedBy: "\n")[0] } == [
                "readers.csv:4:1: warning: invalid address 'not-an-address': it has no @; not sent to",
                "readers.csv:5:1: warning: 'ADA@example.com' is already on line 2; it gets one copy",
            ])
    }
}
