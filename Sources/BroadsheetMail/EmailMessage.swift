import BroadsheetCore
import Foundation

/// A complete email with a plain-text and an HTML part, written as an RFC 5322 / MIME
/// `multipart/alternative` message: text first, then HTML (the preferred part last).
public struct EmailMessage: Sendable, Hashable {
    /// The sender.
    public var from: EmailAddress
    /// The recipient; nil writes `To: undisclosed-recipients:;` (an archived copy).
    public var to: EmailAddress?
    /// Where replies go.
    public var replyTo: EmailAddress?
    /// The subject, any Unicode.
    public var subject: String
    /// The `Date:` header.
    public var date: Date
    /// The `Message-ID:` value without angle brackets (`id@host`).
    public var messageID: String
    /// `List-Unsubscribe` targets in order (an https URL, then optionally a mailto: URL).
    public var unsubscribe: [String]
    /// Whether the https unsubscribe URL accepts RFC 8058 one-click POSTs.
    public var oneClickUnsubscribe: Bool
    /// The plain-text part.
    public var text: String
    /// The HTML part.
    public var html: String

    /// Creates a message.
    public init(
        from: EmailAddress, to: EmailAddress?, replyTo: EmailAddress? = nil, subject: String, date: Date,
        messageID: String, unsubscribe: [String] = [], oneClickUnsubscribe: Bool = true, text: String, html: String
    ) {
        self.from = from
        self.to = to
        self.replyTo = replyTo
        self.subject = subject
        self.date = date
        self.messageID = messageID
        self.unsubscribe = unsubscribe
        self.oneClickUnsubscribe = oneClickUnsubscribe
        self.text = text
        self.html = html
    }

    /// The boundary between the parts: `=_` cannot occur in quoted-printable bodies.
    public var boundary: String {
        "=_broadsheet_" + String(FNV1a.hash((text + "\u{0}" + html + "\u{0}" + messageID).utf8), radix: 16)
    }

    /// The whole message with CRLF line endings, every line within 78 characters except
    /// unbreakable header tokens (such as a long URL), which stay within 998.
    ///
    /// Every header value is checked as it is written, whatever was checked before: a subject
    /// or name with a line break or control character, an invalid address or Message-ID, an
    /// unsubscribe target that could close its `<…>`, or a token longer than a line can hold
    /// is an error, never repaired in silence.
    public func encoded() throws(MailHeaderError) -> String {
        var headers: [String] = []
        func add(_ name: String, _ value: String) throws(MailHeaderError) {
            headers.append(try HeaderFolding.fold(name: name, value: value))
        }
        if let problem = MailHeaderSyntax.problem(withHeaderText: subject) {
            throw MailHeaderError(header: "Subject", reason: "the subject \(problem)")
        }
        try add("Date", MailDate.format(date))
        try add("From", try Self.mailbox(from, header: "From"))
        if let to { try add("To", try Self.mailbox(to, header: "To")) } else { try add("To", "undisclosed-recipients:;") }
        if let replyTo { try add("Reply-To", try Self.mailbox(replyTo, header: "Reply-To")) }
        try add("Subject", EncodedWord.encode(subject))
        try add("Message-ID", "<\(try Self.checkedMessageID(messageID))>")
        if !unsubscribe.isEmpty {
            for target in unsubscribe {
                if let problem = MailHeaderSyntax.problem(withUnsubscribeURL: target) {
                    throw MailHeaderError(header: "List-Unsubscribe", reason: "'\(TerminalText.escaped(target))': \(problem)")
                }
            }
            try add("List-Unsubscribe", unsubscribe.map { "<\($0)>" }.joined(separator: ", "))
            if oneClickUnsubscribe && unsubscribe.contains(where: { $0.hasPrefix("https:") }) {
                try add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")
            }
        }
        try add("MIME-Version", "1.0")
        try add("Content-Type", "multipart/alternative; boundary=\"\(boundary)\"")
        var message = headers.joined(separator: "\r\n") + "\r\n\r\n"
        message += "This is a multipart message in MIME format.\r\n"
        for (type, body) in [("text/plain", text), ("text/html", html)] {
            message += "\r\n--\(boundary)\r\n"
            message += "Content-Type: \(type); charset=utf-8\r\n"
            message += "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
            message += QuotedPrintable.encode(body)
            if !message.hasSuffix("\r\n") { message += "\r\n" }
        }
        message += "\r\n--\(boundary)--\r\n"
        return message
    }

    // MARK: - Checks

    private static func mailbox(_ mailbox: EmailAddress, header: String) throws(MailHeaderError) -> String {
        if let problem = MailHeaderSyntax.problem(withAddress: mailbox.address) {
            throw MailHeaderError(header: header, reason: "the address '\(TerminalText.escaped(mailbox.address))': \(problem)")
        }
        if let name = mailbox.displayName, let problem = MailHeaderSyntax.problem(withHeaderText: name) {
            throw MailHeaderError(header: header, reason: "the name of \(mailbox.address): \(problem)")
        }
        return mailbox.headerValue
    }

    private static func checkedMessageID(_ id: String) throws(MailHeaderError) -> String {
        let parts = id.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, MailHeaderSyntax.isDotAtom(parts[0]), MailHeaderSyntax.isDotAtom(parts[1]) else {
            throw MailHeaderError(
                header: "Message-ID",
                reason: "'\(TerminalText.escaped(id))' is not of the form left@right with letters, digits, dots and -_+ only")
        }
        return id
    }
}
