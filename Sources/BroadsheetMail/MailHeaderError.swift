/// A header value that cannot be written safely: it holds a line break or a control
/// character, it is not a well-formed address, Message-ID or URL, or a part of it cannot be
/// folded within 998 characters. Building such a message is an error, never a silent repair.
public struct MailHeaderError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The header's name (`Subject`, `List-Unsubscribe`…).
    public var header: String
    /// What is wrong with its value.
    public var reason: String

    /// Creates an error.
    public init(header: String, reason: String) {
        self.header = header
        self.reason = reason
    }

    public var description: String { "cannot write the \(header) header: \(reason)" }
}
