/// Something that delivers one message at a time: an SMTP connection or a sendmail command.
public protocol MailTransport {
    /// Delivers `message` (CRLF lines) from `sender` to `recipient`.
    ///
    /// `willCommit` runs just before the step after which the message may have been
    /// delivered (the final `.` of SMTP DATA, or starting sendmail); if it throws, nothing is
    /// committed. Returns the server's acceptance text.
    mutating func deliver(
        _ message: String, from sender: String, to recipient: String, willCommit: () throws -> Void
    ) throws(MailDeliveryError) -> String

    /// Ends the session politely (SMTP QUIT).
    mutating func close()
}
