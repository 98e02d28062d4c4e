/// BroadsheetMail: generic email plumbing with no knowledge of sites or editions.
///
/// - `EmailMessage` composes an RFC 5322 / MIME `multipart/alternative` message (`.eml`).
/// - `QuotedPrintable`, `EncodedWord` and `HeaderFolding` are the encodings it uses.
/// - `EmailAddress` parses and validates addresses.
/// - `SMTPClient` (STARTTLS, implicit TLS, AUTH PLAIN/LOGIN over OpenSSL) and
///   `SendmailTransport` deliver messages; both are `MailTransport`s.
public enum BroadsheetMail {
    /// The longest line a message may contain, without its CRLF (RFC 5322 §2.1.1).
    public static let maximumLineLength = 998
    /// The line length messages are kept to where the format allows (RFC 5322 §2.1.1).
    public static let recommendedLineLength = 78
}
