/// Why a message was not (or may not have been) delivered.
public struct MailDeliveryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is known about the message's fate.
    public enum Kind: String, Sendable, Hashable {
        /// Not delivered; trying again later may work (4xx replies, connection failures before the commit).
        case temporary
        /// Not delivered and never will be to this address (5xx replies, invalid recipients).
        case permanent
        /// The connection failed after the message was committed and before the server's
        /// reply: the server may or may not have accepted it.
        case uncertain
        /// Settings or login are wrong: nothing can be sent until they are fixed.
        case configuration
    }

    /// What is known.
    public var kind: Kind
    /// The server's reply code, when there was one.
    public var code: Int?
    /// What happened, for the report.
    public var message: String

    /// Creates an error.
    public init(_ kind: Kind, code: Int? = nil, _ message: String) {
        self.kind = kind
        self.code = code
        self.message = message
    }

    /// Classifies a negative reply.
    public init(reply: SMTPReply, during step: String) {
        self.init(reply.isTemporary ? .temporary : .permanent, code: reply.code, "\(step): \(reply)")
    }

    public var description: String { message }
}
