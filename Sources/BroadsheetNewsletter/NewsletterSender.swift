import BroadsheetCore
import BroadsheetMail
import Foundation

/// Sends one edition to every pending reader of a plan, one personalised message each,
/// journaling every delivery so an interrupted send can be run again without sending twice.
public struct NewsletterSender {
    /// Progress after each reader: position (1-based), total, the reader and the outcome.
    public typealias Progress = (Int, Int, Subscriber, SendReport.Outcome) -> Void

    private let journal: SendJournal
    private let options: SendOptions
    private let sleep: (Double) async -> Void
    private let now: () -> Date

    /// A sender writing to `journal`; `sleep` and `now` are injectable for tests.
    public init(
        journal: SendJournal, options: SendOptions, sleep: @escaping (Double) async -> Void = NewsletterSender.pause,
        now: @escaping () -> Date = { Date() }
    ) {
        self.journal = journal
        self.options = options
        self.sleep = sleep
        self.now = now
    }

    /// Sends to `plan.pending` through `transport`; `compose` builds a reader's message.
    ///
    /// The transport is opened first: settings that cannot work (no such sendmail command, a
    /// refused login, a certificate that does not verify) stop the send before anything is journalled.
    public func send(
        _ plan: SendPlan, envelopeSender: String, transport: inout some MailTransport,
        compose: (Subscriber) throws(Diagnostic) -> EmailMessage, progress: Progress
    ) async -> SendReport {
        var report = SendReport()
        guard !plan.pending.isEmpty else { return report }
        do {
            try await transport.open()
        } catch  where error.kind == .configuration {
            report.stopped = error.message
            await transport.close()
            return report
        } catch {
            // A server that cannot be reached yet: each delivery retries as usual.
        }
        report = await deliverAll(
            plan, envelopeSender: envelopeSender, transport: &transport, compose: compose, progress: progress)
        await transport.close()
        return report
    }

    private func deliverAll(
        _ plan: SendPlan, envelopeSender: String, transport: inout some MailTransport,
        compose: (Subscriber) throws(Diagnostic) -> EmailMessage, progress: Progress
    ) async -> SendReport {
        var report = SendReport()
        let interval = options.rate > 0 ? 1 / options.rate : 0
        var lastStart: Date?
        for (index, subscriber) in plan.pending.enumerated() {
            let message: EmailMessage
            let encoded: String
            do {
                message = try compose(subscriber)
            } catch {
                report.stopped = "cannot render the message for \(subscriber.address.address): \(error.message)"
                return report
            }
            do {
                encoded = try message.encoded()
            } catch {
                report.stopped = "cannot write the message for \(subscriber.address.address): \(error)"
                return report
            }
            let email = subscriber.address.normalized
            var attempt = 0
            var outcome: SendReport.Outcome
            while true {
                if let lastStart {
                    let wait = interval - now().timeIntervalSince(lastStart)
                    if wait > 0 { await sleep(wait) }
                }
                lastStart = now()
                var committed = false
                do {
                    let reply = try await transport.deliver(
                        encoded, from: envelopeSender, to: subscriber.address.address,
                        willCommit: {
                            try journal.record(.sending, email: email, messageID: message.messageID, at: now())
                            committed = true
                        })
                    outcome = .sent(reply)
                    break
                } catch {
                    // A 4xx reply to the final '.' means the message was refused: say so at once, so
                    // that a crash during the wait before the retry does not leave it looking uncertain.
                    if error.kind == .temporary && committed {
                        recordQuietly(.deferred, email: email, message: message, detail: error.message, report: &report)
                        if report.stopped != nil { return report }
                    }
                    switch error.kind {
                    case .temporary where attempt < options.retries:
                        attempt += 1
                        await sleep(options.retryDelay * pow(2, Double(attempt - 1)))
                        continue
                    case .temporary: outcome = .deferred(error.message)
                    case .permanent: outcome = .failed(error.message)
                    case .uncertain: outcome = .uncertain(error.message)
                    case .configuration:
                        // Nothing reached the server for this reader; the journal keeps what it knew before.
                        report.stopped = error.message
                        return report
                    }
                    break
                }
            }
            switch outcome {
            case .sent(let reply): recordQuietly(.sent, email: email, message: message, detail: reply, report: &report)
            case .deferred(let detail): recordQuietly(.deferred, email: email, message: message, detail: detail, report: &report)
            case .failed(let detail): recordQuietly(.failed, email: email, message: message, detail: detail, report: &report)
            case .uncertain: break  // the journal's `sending` entry is the record
            }
            report.outcomes.append((subscriber, outcome))
            progress(index + 1, plan.pending.count, subscriber, outcome)
            if report.stopped != nil { return report }
        }
        return report
    }

    /// Waits `seconds` (the rate limit, the delay before a retry).
    public static func pause(_ seconds: Double) async {
        do {
            try await Task.sleep(for: .milliseconds(Int((seconds * 1000).rounded(.up))))
        } catch {
            // Cancelled: the send goes on at once; the journal keeps every promise.
        }
    }

    /// Records an outcome; if the journal cannot be written the send stops, since it could no
    /// longer promise that nobody gets the edition twice.
    private func recordQuietly(
        _ state: SendJournal.State, email: String, message: EmailMessage, detail: String, report: inout SendReport
    ) {
        do {
            try journal.record(state, email: email, messageID: message.messageID, detail: detail, at: now())
        } catch {
            report.stopped = "\(error); stopping so that nobody gets this edition twice"
        }
    }
}
