/// What a send did, for the summary at the end.
public struct SendReport: Sendable {
    /// One reader's outcome.
    public enum Outcome: Sendable, Hashable {
        /// Accepted by the server.
        case sent(String)
        /// Not delivered after every retry; the next run tries again.
        case deferred(String)
        /// Not delivered, permanently.
        case failed(String)
        /// May or may not have been delivered; not retried.
        case uncertain(String)
    }

    /// Each attempted reader and what happened, in order.
    public var outcomes: [(subscriber: Subscriber, outcome: Outcome)] = []
    /// Why the send stopped early (wrong settings, login refused), if it did.
    public var stopped: String?

    /// Readers the server accepted.
    public var sentCount: Int { outcomes.filter { if case .sent = $0.outcome { true } else { false } }.count }
}
