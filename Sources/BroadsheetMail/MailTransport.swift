/// Something that delivers one message at a time: an SMTP connection or a sendmail command.
public protocol MailTransport {
    /// Checks the settings and opens what can be opened before the first message (connects
    /// and logs in, or finds the command), so that wrong settings stop a send before anything
    /// is journalled.
    mutating func open() async throws(MailDeliveryError)

    /// Delivers `message` (CRLF lines) from `sender` to `recipient`.
    ///
    /// `willCommit` runs once the message has been handed over except for the step after which
    /// it may be delivered (the final `.` of SMTP DATA; the end of a sendmail command's input),
    /// and never before the transport really started (connected, or the command is running):
    /// a journal written there never marks as possibly sent a message that could not have been.
    /// If it throws, nothing is committed. Returns the server's acceptance text.
    mutating func deliver(
        _ message: String, from sender: String, to recipient: String, willCommit: () throws -> Void
    ) async throws(MailDeliveryError) -> String

    /// Ends the session politely (SMTP QUIT).
    mutating func close() async
}
