import BroadsheetMail

/// One reader on the subscriber list.
public struct Subscriber: Sendable, Hashable {
    /// The address (with the name as its display name).
    public var address: EmailAddress
    /// The reader's name, for the greeting.
    public var name: String?
    /// The CSV line it came from.
    public var line: Int

    /// Creates a subscriber.
    public init(address: EmailAddress, name: String?, line: Int) {
        self.address = address
        self.name = name
        self.line = line
    }
}
