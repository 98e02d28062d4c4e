/// What the end of a send reports: counts, and every reader who did not get the edition, by reason.
public struct SendSummary: Sendable, Hashable {
    /// Messages the server accepted in this run.
    public var sent: Int
    /// Readers who had the edition before this run.
    public var alreadySent: Int
    /// `address: reason` for each permanent failure, this run's and earlier ones.
    public var failed: [String]
    /// `address: reason` for each reader deferred after every retry (the next run tries again).
    public var deferred: [String]
    /// `address: reason` for each reader who may or may not have the edition.
    public var uncertain: [String]
    /// Why the send stopped early, if it did.
    public var stopped: String?

    /// True when every reader on the plan has the edition and nothing stopped the send.
    public var succeeded: Bool { stopped == nil && failed.isEmpty && deferred.isEmpty && uncertain.isEmpty }

    /// Sums up `report` with what `plan` and `journal` knew before the run.
    public init(_ report: SendReport, plan: SendPlan, journal: SendJournal, resendUncertain: Bool) {
        sent = report.sentCount
        alreadySent = plan.alreadySent.count
        failed = []
        deferred = []
        uncertain = []
        stopped = report.stopped
        for (reader, outcome) in report.outcomes {
            switch outcome {
            case .sent: break
            case .deferred(let detail): deferred.append("\(reader.address.address): \(detail)")
            case .failed(let detail): failed.append("\(reader.address.address): \(detail)")
            case .uncertain(let detail): uncertain.append("\(reader.address.address): \(detail)")
            }
        }
        for reader in plan.uncertain where !resendUncertain {
            uncertain.append(
                "\(reader.address.address): an earlier run stopped between committing and the server's reply; not resent")
        }
        for reader in plan.failedBefore {
            failed.append(
                "\(reader.address.address): \(journal.details[reader.address.normalized] ?? "failed in an earlier run")")
        }
    }
}
