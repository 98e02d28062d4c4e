import Foundation
import Testing

@testable import BroadsheetMail

@Suite("Quoted-printable")
struct QuotedPrintableTests {
    @Test(
        "plain ASCII passes through; = and non-ASCII are escaped",
        arguments: [
            ("Hello, world", "Hello, world"),
            ("a=b", "a=3Db"),
            ("café", "caf=C3=A9"),
            ("微信", "=E5=BE=AE=E4=BF=A1"),
            ("tab\tinside", "tab\tinside"),
        ])
    func simple(_ input: String, _ expected: String) {
        #expect(QuotedPrintable.encode(input) == expected)
    }

    @Test("trailing spaces and tabs are encoded, line breaks become CRLF")
    func lineEnds() {
        #expect(QuotedPrintable.encode("end \nnext\t\r\nlast") == "end=20\r\nnext=09\r\nlast")
    }

    @Test("long lines get soft breaks and no line exceeds 76 characters")
    func softBreaks() {
        let text = String(repeating: "word ", count: 40) + String(repeating: "淘宝", count: 30)
        let encoded = QuotedPrintable.encode(text)
        let lines = encoded.components(separatedBy: "\r\n")
        #expect(lines.count > 3)
        #expect(lines.allSatisfy { $0.count <= 76 })
        #expect(lines.dropLast().allSatisfy { $0.hasSuffix("=") })
        // An escape is never split by a soft break.
        #expect(!lines.contains { $0.dropLast().hasSuffix("=") || $0.hasSuffix("==") })
        #expect(String(decoding: QuotedPrintable.decode(encoded), as: UTF8.self) == text)
    }

    @Test(
        "decoding undoes encoding for every kind of line",
        arguments: [
            "", "=", "a line ending in a space ", "“quotes” – dashes … and 中文", String(repeating: "=", count: 200),
            "first\nsecond\n\nfourth",
        ])
    func roundTrip(_ text: String) {
        let decoded = String(decoding: QuotedPrintable.decode(QuotedPrintable.encode(text)), as: UTF8.self)
        #expect(decoded == text.replacingOccurrences(of: "\n", with: "\r\n"))
    }
}

@Suite("RFC 2047 encoded words and header folding")
struct HeaderEncodingTests {
    @Test("plain ASCII subjects are left alone")
    func plain() {
        #expect(EncodedWord.encode("The opening, in brief") == "The opening, in brief")
        #expect(EncodedWord.encode("tricky =?x?=") != "tricky =?x?=")
    }

    @Test("a Chinese subject becomes UTF-8 B words of at most 75 characters that decode back")
    func chinese() throws {
        let subject = "WeChat Pay (微信支付) reaches Taobao (淘宝) — and much more than that, in a long subject line"
        let words = EncodedWord.words(subject)
        #expect(words.count > 1)
        var bytes = Data()
        for word in words {
            #expect(word.count <= 75)
            #expect(word.hasPrefix("=?UTF-8?B?") && word.hasSuffix("?="))
            let payload = try #require(Data(base64Encoded: String(word.dropFirst(10).dropLast(2))))
            // Each word is valid UTF-8 on its own: no character is split between words.
            #expect(String(data: payload, encoding: .utf8) != nil)
            bytes += payload
        }
        #expect(String(decoding: bytes, as: UTF8.self) == subject)
    }

    @Test("folded headers keep every line within 78 characters and continue with a space")
    func folding() throws {
        let value = EncodedWord.encode(String(repeating: "微信支付 ", count: 20))
        let folded = try HeaderFolding.fold(name: "Subject", value: value)
        let lines = folded.components(separatedBy: "\r\n")
        #expect(lines.count > 2)
        #expect(lines.allSatisfy { $0.count <= 78 })
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        #expect(lines[0].hasPrefix("Subject: =?UTF-8?B?"))
    }

    @Test("display names are quoted or encoded as needed")
    func mailboxes() throws {
        #expect(try #require(EmailAddress(parsing: "Ada <ada@example.com>")).headerValue == "Ada <ada@example.com>")
        #expect(
            try #require(EmailAddress(parsing: "Doe, Jane <jane@example.com>")).headerValue == "\"Doe, Jane\" <jane@example.com>")
        #expect(
            try #require(EmailAddress(parsing: "陈明 <chen@example.com>")).headerValue == "=?UTF-8?B?6ZmI5piO?= <chen@example.com>")
        #expect(try #require(EmailAddress(parsing: "plain@example.org")).headerValue == "plain@example.org")
    }
}

@Suite("Email addresses")
struct EmailAddressTests {
    @Test(
        "valid addresses", arguments: ["a@example.com", "first.last+tag@sub.example.org", "o'hara@example.com", "x@example.co"])
    func valid(_ address: String) {
        #expect(EmailAddress.problem(with: address) == nil)
    }

    @Test(
        "invalid addresses say why",
        arguments: [
            ("", "the address is empty"),
            ("no-at.example.com", "it has no @"),
            ("a@b@example.com", "it has more than one @"),
            ("a b@example.com", "it contains spaces, control or non-ASCII characters"),
            (".a@example.com", "the part before @ has characters or dots an address cannot have"),
            ("a..b@example.com", "the part before @ has characters or dots an address cannot have"),
            ("a@localhost", "the domain 'localhost' has no dot"),
            ("a@-bad.example.com", "the domain '-bad.example.com' is not a valid host name"),
            ("a@example.1", "the domain 'example.1' does not end in a top-level domain"),
            ("陈@example.com", "it contains spaces, control or non-ASCII characters"),
        ])
    func invalid(_ address: String, _ reason: String) {
        #expect(EmailAddress.problem(with: address) == reason)
        #expect(EmailAddress(address: address) == nil)
    }
}

@Suite("MIME message")
struct EmailMessageTests {
    static let message = EmailMessage(
        from: EmailAddress(parsing: "The Desk – Opening <desk@example.org>")!,
        to: EmailAddress(parsing: "Ada Lovelace <ada@example.com>")!,
        replyTo: EmailAddress(parsing: "letters@example.org")!,
        subject: "微信支付 reaches 淘宝", date: Date(timeIntervalSince1970: 1_726_099_200), messageID: "first.2024@example.org",
        unsubscribe: ["https://example.org/unsubscribe?email=ada%40example.com", "mailto:unsubscribe@example.org"],
        text: "Hello.\n" + String(repeating: "A long line of text. ", count: 10) + "\n.leading dot\n",
        html: "<p>Hello.</p>")

    @Test("headers, the two parts in order, CRLF lines within limits")
    func structure() throws {
        let eml = try Self.message.encoded()
        #expect(!eml.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        let lines = eml.components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.count <= 78 })
        for header in [
            "Date: Thu, 12 Sep 2024 00:00:00 +0000", "To: Ada Lovelace <ada@example.com>", "Reply-To: letters@example.org",
            "Message-ID: <first.2024@example.org>", "List-Unsubscribe-Post: List-Unsubscribe=One-Click", "MIME-Version: 1.0",
        ] {
            #expect(lines.contains(header), "missing \(header)")
        }
        #expect(eml.contains("From: =?UTF-8?B?"))
        #expect(eml.contains("Subject: =?UTF-8?B?"))
        #expect(eml.contains("List-Unsubscribe: <https://example.org/unsubscribe?email=ada%40example.com>,\r\n <mailto:"))
        let text = eml.range(of: "Content-Type: text/plain; charset=utf-8")
        let html = eml.range(of: "Content-Type: text/html; charset=utf-8")
        #expect(text != nil && html != nil && text!.lowerBound < html!.lowerBound)
        #expect(eml.hasSuffix("--\(Self.message.boundary)--\r\n"))
        #expect(!QuotedPrintable.encode(Self.message.text + Self.message.html).contains(Self.message.boundary))
    }

    @Test("an archived copy goes to undisclosed recipients")
    func undisclosed() throws {
        var message = Self.message
        message.to = nil
        #expect(try message.encoded().contains("\r\nTo: undisclosed-recipients:;\r\n"))
    }

    @Test(
        "dates are formatted the RFC 5322 way in UTC",
        arguments: [
            (0.0, "Thu, 1 Jan 1970 00:00:00 +0000"), (951_782_400, "Tue, 29 Feb 2000 00:00:00 +0000"),
            (1_764_000_000, "Mon, 24 Nov 2025 16:00:00 +0000"),
        ])
    func dates(_ seconds: Double, _ expected: String) {
        #expect(MailDate.format(Date(timeIntervalSince1970: seconds)) == expected)
    }

    @Test("SMTP dot-stuffing doubles leading dots and ends in CRLF")
    func dotStuffing() {
        #expect(SMTPClient.dotStuffed(".a\r\nb\r\n.c") == "..a\r\nb\r\n..c\r\n")
    }
}
