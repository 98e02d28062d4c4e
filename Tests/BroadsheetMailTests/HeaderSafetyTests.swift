import BroadsheetCore
import Foundation
import Testing

@testable import BroadsheetMail

/// Issue 13: no header value can carry a line break, every line stays within 998 characters
/// (78 where it can be folded), and a subject comes back exactly as it was written.
@Suite("Header safety at write time")
struct HeaderSafetyTests {
    static func message(
        subject: String = "S", fromName: String? = "Desk", toName: String? = "Ada", messageID: String = "first.2024@example.org",
        unsubscribe: [String] = ["https://example.org/u?e=ada%40example.com", "mailto:unsubscribe@example.org"]
    ) -> EmailMessage {
        EmailMessage(
            from: EmailAddress(address: "desk@example.org", displayName: fromName)!,
            to: EmailAddress(address: "ada@example.com", displayName: toName)!, subject: subject,
            date: Date(timeIntervalSince1970: 0), messageID: messageID, unsubscribe: unsubscribe, text: "t", html: "<p>h</p>")
    }

    /// The headers of `eml`, unfolded (CRLF before a space removed), by name.
    static func headers(_ eml: String) -> [String: String] {
        let head = eml.components(separatedBy: "\r\n\r\n")[0].replacingOccurrences(of: "\r\n ", with: " ")
        var result: [String: String] = [:]
        for line in head.components(separatedBy: "\r\n") {
            let colon = line.firstIndex(of: ":")!
            result[String(line[..<colon])] = String(line[line.index(colon, offsetBy: 2)...])
        }
        return result
    }

    /// An unstructured header value decoded as RFC 2047 says: the space between two encoded words is dropped.
    static func decoded(_ value: String) -> String {
        let words = value.components(separatedBy: " ")
        guard words.allSatisfy({ $0.hasPrefix("=?UTF-8?B?") && $0.hasSuffix("?=") }) else { return value }
        var bytes = Data()
        for word in words { bytes += Data(base64Encoded: String(word.dropFirst(10).dropLast(2)))! }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func checkLines(_ eml: String) {
        let head = eml.components(separatedBy: "\r\n\r\n")[0]
        for line in head.components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= BroadsheetMail.recommendedLineLength, "\(line.prefix(60))…")
            #expect(!line.trimmingCharacters(in: .whitespaces).isEmpty)
            for word in line.split(separator: " ") where word.hasPrefix("=?") { #expect(word.count <= 75) }
        }
        #expect(!eml.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(!eml.replacingOccurrences(of: "\r\n", with: "").contains("\r"))
    }

    @Test(
        "a subject's own spacing and text come back exactly",
        arguments: [
            "Hello  world", "trailing space ", " leading space", "   ", "", "tab\there", "The opening, in brief",
            "微信支付  and   淘宝 ", "a =?UTF-8?B?eA==?= trick", "x" + String(repeating: " ", count: 100) + "y",
        ])
    func spacing(_ subject: String) throws {
        let eml = try Self.message(subject: subject).encoded()
        Self.checkLines(eml)
        #expect(Self.decoded(Self.headers(eml)["Subject"]!) == subject)
    }

    @Test(
        "long subjects and names fold into valid lines of at most 78 characters",
        arguments: [
            String(repeating: "word ", count: 400), String(repeating: "x", count: 2000), String(repeating: "微", count: 2000),
            String(repeating: "ab ", count: 700) + String(repeating: "y", count: 300), String(repeating: "😀", count: 700),
        ])
    func long(_ text: String) throws {
        let eml = try Self.message(subject: text, toName: text + text + text).encoded()
        Self.checkLines(eml)
        let headers = Self.headers(eml)
        #expect(Self.decoded(headers["Subject"]!) == text)
        let to = headers["To"]!
        #expect(to.hasSuffix(" <ada@example.com>"))
        #expect(
            Self.decoded(String(to.dropLast(" <ada@example.com>".count)))
                == (text + text + text).trimmingCharacters(in: .whitespaces))
    }

    @Test("a 5,000-character subscriber name folds; so does a quoted one")
    func longName() throws {
        for name in [String(repeating: "n", count: 5000), String(repeating: "Doe, Jane ", count: 500)] {
            let eml = try Self.message(toName: name).encoded()
            Self.checkLines(eml)
        }
    }

    @Test(
        "a line break or control character in a subject is an error, not a silent strip",
        arguments: ["a\r\nBcc: x@y.org", "a\nb", "a\rb", "a\u{85}b", "a\u{2028}b", "a\u{1B}[2J", "a\u{0}"])
    func subjectBreaks(_ subject: String) {
        #expect(throws: MailHeaderError.self) { try Self.message(subject: subject).encoded() }
        #expect(throws: MailHeaderError.self) { try Self.message(toName: subject).encoded() }
        #expect(throws: MailHeaderError.self) { try Self.message(fromName: subject).encoded() }
    }

    @Test(
        "an address changed after it was checked is checked again", arguments: ["ada@example.com\r\nBcc: x@y.org", "a b@c.org"])
    func changedAddress(_ address: String) {
        var message = Self.message()
        message.to?.address = address
        #expect(throws: MailHeaderError.self) { try message.encoded() }
    }

    @Test(
        "a Message-ID must be left@right of atext and dots",
        arguments: ["x\r\nBcc: y@z.org@host", "a b@host", "<a@b>", "微信.2024@example.org", "a@b@c", "noat", ".a@b", "a..b@c"])
    func messageID(_ id: String) {
        #expect(throws: MailHeaderError.self) { try Self.message(messageID: id).encoded() }
    }

    @Test(
        "unsubscribe targets cannot end their <…> or add a target",
        arguments: [
            "https://example.org/u>, <https://evil.example/", "https://example.org/u\r\nBcc: v@example.com",
            "https://example.org/u?a=1,2", "http://example.org/u", "javascript:alert(1)", "https://example.org/a b",
            "https://example.org/\"", "https://example.org/é", "mailto:x@y.org>,<mailto:z@evil.example",
        ])
    func unsubscribe(_ target: String) {
        #expect(throws: MailHeaderError.self) { try Self.message(unsubscribe: [target]).encoded() }
    }

    @Test("a header token that cannot fit in 998 characters is an error")
    func unfoldable() throws {
        let url = "https://example.org/" + String(repeating: "a", count: 1000)
        #expect(throws: MailHeaderError.self) { try Self.message(unsubscribe: [url]).encoded() }
        #expect(throws: MailHeaderError.self) { try HeaderFolding.fold(name: "X", value: "a\r\nb") }
        #expect(throws: MailHeaderError.self) { try HeaderFolding.fold(name: "X", value: "é") }
        let long = "https://example.org/" + String(repeating: "a", count: 900)
        #expect(try Self.message(unsubscribe: [long]).encoded().contains("<\(long)>"))
    }

    @Test("folding keeps runs of spaces and never starts a line with only spaces")
    func folding() throws {
        let value = (0..<40).map { "w\($0)" + String(repeating: " ", count: $0 % 4 + 1) }.joined()
        let folded = try HeaderFolding.fold(name: "X-Test", value: value)
        #expect(folded.replacingOccurrences(of: "\r\n", with: "") == "X-Test: " + value)
        for line in folded.components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 78)
            #expect(!line.trimmingCharacters(in: .whitespaces).isEmpty)
        }
    }
}
