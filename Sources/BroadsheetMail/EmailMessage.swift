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
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in (text + "\u{0}" + html + "\u{0}" + messageID).utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return "=_broadsheet_" + String(hash, radix: 16)
    }

    /// The whole message with CRLF line endings, every line within 78 characters except
    /// unbreakable header tokens (such as a long URL), which stay within 998.
    public func encoded() -> String {
        var headers: [String] = []
        func add(_ name: String, _ value: String) { headers.append(HeaderFolding.fold(name: name, value: value)) }
        add("Date", MailDate.format(date))
        add("From", from.headerValue)
        add("To", to?.headerValue ?? "undisclosed-recipients:;")
        if let replyTo { add("Reply-To", replyTo.headerValue) }
        add("Subject", EncodedWord.encode(subject))
        add("Message-ID", "<\(messageID)>")
        if !unsubscribe.isEmpty {
            add("List-Unsubscribe", unsubscribe.map { "<\($0)>" }.joined(separator: ", "))
            if oneClickUnsubscribe && unsubscribe.contains(where: { $0.hasPrefix("https:") }) {
                add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")
            }
        }
        add("MIME-Version", "1.0")
        add("Content-Type", "multipart/alternative; boundary=\"\(boundary)\"")
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
}
