import BroadsheetBuild
import BroadsheetCore
import BroadsheetMail
import BroadsheetNewsletter
import Foundation
import Testing

/// A transport that records every message it was given; `failures` are thrown in order first.
struct RecordingTransport: MailTransport {
    var openError: MailDeliveryError?
    var failures: [MailDeliveryError] = []
    var delivered: [(recipient: String, message: String)] = []
    var opened = 0

    mutating func open() async throws(MailDeliveryError) {
        opened += 1
        if let openError { throw openError }
    }

    mutating func deliver(_ message: String, from sender: String, to recipient: String, willCommit: () throws -> Void)
        async throws(MailDeliveryError) -> String
    {
        if !failures.isEmpty { throw failures.removeFirst() }
        do { try willCommit() } catch { throw MailDeliveryError(.temporary, "journal: \(error)") }
        delivered.append((recipient, message))
        return "250 OK"
    }

    mutating func close() async {}
}

/// Issue 14 defect 3: `newsletter send` as a library, tested with a scripted transport and with
/// the real sendmail transport; defect 1: a transport that cannot start journals nothing.
@Suite("Newsletter delivery", .serialized)
struct NewsletterDeliveryTests {
    static let readers = "email,name\nada@example.com,Ada Lovelace\nbob@example.org,\"Doe, Bob\"\nchen@example.com,陈明\n"

    /// A resolved copy of the everything fixture and a delivery of its edition `first`.
    static func delivery(_ site: FixtureSite, resendUncertain: Bool = false) throws -> NewsletterDelivery {
        let resolved = try SiteBuilder.resolve(SiteBuilder.Options(root: site.root, write: false))
        let (subscribers, problems) = SubscriberListLoader.load(SourceFile(path: "readers.csv", text: readers))
        #expect(problems.isEmpty)
        let journal = try SendJournal(
            url: site.root.appendingPathComponent(".broadsheet/sends/first.jsonl"), displayPath: "journal")
        return try NewsletterDelivery(
            site: resolved.site, templates: resolved.templates, editionName: "first", subscribers: subscribers,
            journal: journal, options: SendOptions(rate: 0, retries: 1, retryDelay: 0, resendUncertain: resendUncertain))
    }

    /// Sends through `transport` with a fresh delivery, released (and its journal unlocked) on return.
    static func run(_ site: FixtureSite, _ transport: inout some MailTransport) async throws
        -> (report: SendReport, summary: SendSummary, plan: SendPlan, messages: Int)
    {
        let delivery = try Self.delivery(site)
        let report = await delivery.send(through: &transport, sleep: { _ in }, progress: { _, _, _, _ in })
        return (report, delivery.summary(of: report), delivery.plan, report.outcomes.count)
    }

    static func journalLines(_ site: FixtureSite) -> [String] {
        let url = site.root.appendingPathComponent(".broadsheet/sends/first.jsonl")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").map(String.init)
    }

    @Test("every reader gets one personalised message; a rerun sends nothing")
    func sendsOnce() async throws {
        let site = try FixtureSite(EverythingSite.files)
        defer { site.delete() }
        var transport = RecordingTransport()
        let first = try await Self.run(site, &transport)
        #expect(transport.delivered.map(\.recipient) == ["ada@example.com", "bob@example.org", "chen@example.com"])
        #expect(first.summary.succeeded)
        let ada = transport.delivered[0].message
        #expect(ada.contains("\r\nTo: Ada Lovelace <ada@example.com>\r\n"))
        #expect(ada.contains("<https://example.org/unsubscribe?email=ada%40example.com&edition=first>"))
        #expect(transport.delivered[1].message.contains("\r\nTo: \"Doe, Bob\" <bob@example.org>\r\n"))
        #expect(Self.journalLines(site).filter { $0.contains("\"state\":\"sent\"") }.count == 3)

        var again = RecordingTransport()
        let rerun = try await Self.run(site, &again)
        #expect(rerun.plan.pending.isEmpty)
        #expect(rerun.plan.alreadySent.count == 3)
        #expect(again.delivered.isEmpty)
        #expect(again.opened == 0)
    }

    @Test("a transport that cannot start journals nothing; the next run delivers to everyone once")
    func configurationFailure() async throws {
        let site = try FixtureSite(EverythingSite.files)
        defer { site.delete() }
        var broken = RecordingTransport(
            openError: MailDeliveryError(.configuration, "cannot run the sendmail command /no/such/file"))
        let first = try await Self.run(site, &broken)
        #expect(first.report.stopped == "cannot run the sendmail command /no/such/file")
        #expect(!first.summary.succeeded)
        #expect(Self.journalLines(site).isEmpty)

        var working = RecordingTransport()
        let second = try await Self.run(site, &working)
        #expect(second.plan.uncertain.isEmpty)
        #expect(second.plan.pending.count == 3)
        #expect(working.delivered.map(\.recipient) == ["ada@example.com", "bob@example.org", "chen@example.com"])
    }

    @Test("with the real sendmail transport: a missing command, then a working one, delivers exactly once")
    func sendmail() async throws {
        let site = try FixtureSite(EverythingSite.files)
        defer { site.delete() }
        var missing = MailRoute.sendmail(["/no/such/file", "-i"]).makeTransport()
        let first = try await Self.run(site, &missing)
        #expect(first.report.stopped?.contains("/no/such/file") == true)
        #expect(first.report.outcomes.isEmpty)
        #expect(Self.journalLines(site).isEmpty)

        let log = site.root.appendingPathComponent("delivered.log")
        let script = site.root.appendingPathComponent("fake sendmail")
        try Data("#!/bin/sh\nfor last; do :; done\ncat > /dev/null\necho \"$last\" >> '\(log.path)'\n".utf8).write(to: script)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        var working = MailRoute.sendmail([script.path, "-i"]).makeTransport()
        let second = try await Self.run(site, &working)
        #expect(second.plan.uncertain.isEmpty)
        #expect(second.report.sentCount == 3)
        #expect(
            try String(contentsOf: log, encoding: .utf8) == "ada@example.com\nbob@example.org\nchen@example.com\n")
    }

    @Test("failures are summed up by kind, with earlier runs' failures")
    func summary() async throws {
        let site = try FixtureSite(EverythingSite.files)
        defer { site.delete() }
        var transport = RecordingTransport(failures: [
            MailDeliveryError(.permanent, code: 550, "no such user"), MailDeliveryError(.temporary, code: 451, "busy"),
            MailDeliveryError(.temporary, code: 451, "busy"),
        ])
        let summary = try await Self.run(site, &transport).summary
        #expect(summary.sent == 1)
        #expect(summary.failed == ["ada@example.com: no such user"])
        #expect(summary.deferred == ["bob@example.org: busy"])
        #expect(!summary.succeeded)
        var none = RecordingTransport(failures: Array(repeating: MailDeliveryError(.temporary, "busy"), count: 2))
        let rerun = try await Self.run(site, &none)
        #expect(rerun.plan.failedBefore.map(\.address.address) == ["ada@example.com"])
        #expect(rerun.plan.pending.map(\.address.address) == ["bob@example.org"])
    }
}
