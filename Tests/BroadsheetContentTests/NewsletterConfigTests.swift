import BroadsheetContent
import BroadsheetCore
import Foundation
import Testing

/// Issue 13: every value of site.yaml's newsletter section that reaches a header or an SMTP
/// command is checked at load, at its own line and column.
@Suite("Newsletter settings that reach a header")
struct NewsletterConfigTests {
    /// site.yaml with the newsletter section's lines (indented by two) after line 7.
    static func load(_ lines: [String]) -> (NewsletterConfig?, [String]) {
        let text =
            "title: T\ndescription: D\nbaseURL: https://example.org/\nlanguage: en\nauthor: A\npublisher: P\nnewsletter:\n"
            + lines.map { "  " + $0 }.joined(separator: "\n") + "\n"
        let (config, diagnostics) = SiteConfigLoader.load(SourceFile(path: "Content/site.yaml", text: text))
        return (config?.newsletter, diagnostics.map { $0.description.components(separatedBy: "\n")[0] })
    }

    static let base = ["from: \"Desk <desk@example.org>\"", "unsubscribeURL: https://example.org/u?e={email}"]

    @Test("good settings load, with the sendmail command as a list of arguments")
    func good() throws {
        let (config, diagnostics) = Self.load(
            Self.base + [
                "replyTo: letters@example.org", "unsubscribeMailto: unsubscribe@example.org",
                "sendmail: \"'/opt/my mail/sendmail' -i\"",
            ])
        #expect(diagnostics.isEmpty)
        #expect(try #require(config).sendmail == ["/opt/my mail/sendmail", "-i"])
        let (list, none) = Self.load(Self.base + ["sendmail: [/usr/sbin/sendmail, -i, -o, x y]"])
        #expect(none.isEmpty)
        #expect(list?.sendmail == ["/usr/sbin/sendmail", "-i", "-o", "x y"])
    }

    @Test(
        "a bad replyTo is reported at its own line, not at from's",
        arguments: [
            "letters", "letters@", "a@b.org, c@d.org", "Letters <letters@example.org>, Bcc <x@y.org>", "x\\r\\nBcc: y@z.org",
        ])
    func replyTo(_ value: String) {
        let (config, diagnostics) = Self.load(Self.base + ["replyTo: \"\(value)\""])
        #expect(config == nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.hasPrefix("Content/site.yaml:10:12: error: '") == true)
    }

    @Test(
        "from: a name or address with a line break or control character is refused at from's line",
        arguments: [
            (
                "Desk\\r\\nBcc: x@y.org <desk@example.org>",
                "the name in `from:` cannot go into an email header: it contains a line break"
            ),
            (
                "Desk\\u001B]0;pwned\\u0007 <desk@example.org>",
                "the name in `from:` cannot go into an email header: it contains the control character"
            ),
            (
                "Desk <desk@example.org\\nBcc: x@y.org>",
                "is not an email address: it contains spaces, control or non-ASCII characters"
            ),
            ("desk@example.org\\r", "is not an email address"),
        ])
    func from(_ value: String, _ message: String) {
        let (config, diagnostics) = Self.load(["from: \"\(value)\"", Self.base[1]])
        #expect(config == nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.hasPrefix("Content/site.yaml:8:9: error: ") == true)
        #expect(diagnostics.first?.contains(message) == true, "\(diagnostics)")
    }

    @Test(
        "unsubscribeMailto must be a bare address: no line breaks, names, brackets or extra targets",
        arguments: [
            "unsubscribe@example.org\\r\\nBcc: victim@example.com", "unsubscribe@example.org>, <https://evil.example/",
            "Unsub <unsubscribe@example.org>", "mailto:unsubscribe@example.org", "unsubscribe@example.org?subject=x",
            "unsubscribe@example.org\\n", "a@example.org,b@example.org",
        ])
    func mailto(_ value: String) {
        let (config, diagnostics) = Self.load(Self.base + ["unsubscribeMailto: \"\(value)\""])
        #expect(config == nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.hasPrefix("Content/site.yaml:10:22: error: unsubscribeMailto '") == true, "\(diagnostics)")
        #expect(diagnostics.first?.contains("is not a bare email address") == true)
        #expect(diagnostics.first?.contains("\r") == false && diagnostics.first?.contains("\n") == false)
    }

    @Test(
        "unsubscribeURL must be https and unable to end its <…>",
        arguments: [
            ("http://example.org/u?e={email}", "is not an absolute https URL"),
            ("HTTP://example.org/u", "is not an absolute https URL"),
            ("ftp://example.org/u", "is not an absolute https URL"),
            ("javascript:alert(1)", "is not an absolute https URL"),
            ("https://example.org/u>, <https://evil.example/x", "cannot go into the List-Unsubscribe header"),
            ("https://example.org/u?e={email}\\r\\nBcc: v@example.com", "cannot go into the List-Unsubscribe header"),
            ("https://example.org/u?lists=a,b", "cannot go into the List-Unsubscribe header"),
            ("https://example.org/u u", "cannot go into the List-Unsubscribe header"),
            ("https://example.org/\\u00e9", "cannot go into the List-Unsubscribe header"),
            ("https://example.org/\\u0022", "cannot go into the List-Unsubscribe header"),
            ("https://example.org/" + String(repeating: "a", count: 200), "at most 200 fit in the header"),
        ])
    func unsubscribeURL(_ value: String, _ message: String) {
        let (config, diagnostics) = Self.load([Self.base[0], "unsubscribeURL: \"\(value)\""])
        #expect(config == nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.hasPrefix("Content/site.yaml:9:19: error: unsubscribeURL ") == true, "\(diagnostics)")
        #expect(diagnostics.first?.contains(message) == true, "\(diagnostics)")
    }

    @Test(
        "sendmail commands that cannot be split, are not a full path, or hold line breaks are refused",
        arguments: [
            ("\"'/usr/sbin/sendmail -i\"", "the sendmail command cannot be split into words: a ' quote is never closed"),
            ("sendmail -i", "the sendmail program must be given by its full path"),
            ("\"/usr/sbin/sendmail\\n-i\"", "the sendmail command cannot be split into words: it contains a line break"),
            ("[/usr/sbin/sendmail, \"-i\\r\\n\"]", "an argument of the sendmail command contains a line break or NUL"),
            ("[[/usr/sbin/sendmail]]", "each item of 'sendmail' must be a single value"),
            ("{program: /usr/sbin/sendmail}", "sendmail must be a command or a list of arguments"),
        ])
    func sendmail(_ value: String, _ message: String) {
        let (config, diagnostics) = Self.load(Self.base + ["sendmail: \(value)"])
        #expect(config == nil)
        #expect(diagnostics.first?.hasPrefix("Content/site.yaml:10:") == true, "\(diagnostics)")
        #expect(diagnostics.first?.contains(message) == true, "\(diagnostics)")
    }

    @Test("an SMTP host or EHLO name that could inject a command is refused", arguments: ["host", "heloName"])
    func hostNames(_ key: String) {
        for value in ["mail.example.org\\r\\nRCPT TO:<x@y.org>", "mail example.org", "mail.example.org\\u001B"] {
            let (config, diagnostics) = Self.load(Self.base + ["smtp:", "  \(key): \"\(value)\""])
            #expect(config == nil)
            #expect(diagnostics.first?.hasPrefix("Content/site.yaml:11:") == true, "\(diagnostics)")
            #expect(diagnostics.first?.contains("is not a host name") == true, "\(diagnostics)")
        }
    }

    @Test(
        "an edition's subject with a line break or control character is refused at its line",
        arguments: ["Hello\\r\\nBcc: x@y.org", "Hello\\nworld", "Hello\\rworld", "Bell\\u0007", "NEL\\u0085", "Sep\\u2028"])
    func subject(_ value: String) {
        let text = "---\nsubject: \"\(value)\"\ndate: 2024-09-30\narticles: [a]\n---\nHi.\n"
        let (edition, diagnostics) = EditionLoader.load(SourceFile(path: "Content/newsletters/first.md", text: text))
        #expect(edition == nil)
        #expect(
            diagnostics.map(\.description).first?.hasPrefix(
                "Content/newsletters/first.md:2:10: error: the subject cannot go into an email header: it contains") == true)
    }

    @Test("a subject's own spacing is kept", arguments: ["  two  spaces  ", "trailing ", " leading", "tab\tinside"])
    func subjectSpacing(_ value: String) throws {
        let text = "---\nsubject: \"\(value)\"\ndate: 2024-09-30\narticles: [a]\n---\nHi.\n"
        let (edition, diagnostics) = EditionLoader.load(SourceFile(path: "Content/newsletters/first.md", text: text))
        #expect(diagnostics.isEmpty)
        #expect(try #require(edition).subject == value.replacingOccurrences(of: "\\t", with: "\t"))
    }

    @Test("an edition whose file name cannot be in a Message-ID is refused", arguments: ["微信", "a<b", "a..b", "a@b"])
    func messageIDName(_ name: String) {
        let text = "---\nsubject: S\ndate: 2024-09-30\narticles: [a]\n---\nHi.\n"
        let (edition, diagnostics) = EditionLoader.load(SourceFile(path: "Content/newsletters/\(name).md", text: text))
        #expect(edition == nil)
        #expect(diagnostics.map(\.message) == ["the file name '\(name)' cannot be used in a Message-ID"])
    }
}
