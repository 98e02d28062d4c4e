/// Who a send will write to, given the subscriber list and the journal.
public struct SendPlan: Sendable {
    /// Readers to send to now, in list order.
    public var pending: [Subscriber]
    /// Readers the journal says already have the edition.
    public var alreadySent: [Subscriber]
    /// Readers whose earlier delivery may or may not have happened (skipped unless resending them).
    public var uncertain: [Subscriber]
    /// Readers whose earlier delivery failed permanently (skipped).
    public var failedBefore: [Subscriber]

    /// Sorts `subscribers` by what `journal` says about them.
    public init(subscribers: [Subscriber], journal: SendJournal, resendUncertain: Bool) {
        pending = []
        alreadySent = []
        uncertain = []
        failedBefore = []
        for subscriber in subscribers {
            switch journal.states[subscriber.address.normalized] {
            case .sent: alreadySent.append(subscriber)
            case .sending:
                uncertain.append(subscriber)
                if resendUncertain { pending.append(subscriber) }
            case .failed: failedBefore.append(subscriber)
            case .deferred, nil: pending.append(subscriber)
            }
        }
    }
}
