/// How fast and how persistently a send runs.
public struct SendOptions: Sendable, Hashable {
    /// At most this many messages a second.
    public var rate: Double
    /// Retries after a temporary failure (4xx, lost connection before the commit).
    public var retries: Int
    /// Seconds before the first retry; each further retry waits twice as long.
    public var retryDelay: Double
    /// Send again to readers whose previous delivery is uncertain (may deliver twice).
    public var resendUncertain: Bool

    /// Creates options.
    public init(rate: Double = 5, retries: Int = 3, retryDelay: Double = 2, resendUncertain: Bool = false) {
        self.rate = rate
        self.retries = retries
        self.retryDelay = retryDelay
        self.resendUncertain = resendUncertain
    }
}
