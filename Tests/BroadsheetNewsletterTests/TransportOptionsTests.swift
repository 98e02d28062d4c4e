import BroadsheetContent
import BroadsheetMail
import Testing

@testable import BroadsheetNewsletter

@Suite("Transport options")
struct TransportOptionsTests {
    static let config = NewsletterConfig(
        from: "desk@example.org", unsubscribeURL: "https://example.org/u?e={email}",
        smtp: .init(host: "smtp.example.org", security: .starttls, username: "desk@example.org"))

    @Test("a missing password is needed only to send; the route is still shown")
    func password() throws {
        let (route, problems, missing) = TransportOptions().route(for: Self.config, environment: [:])
        #expect(problems.isEmpty)
        #expect(missing == ["the SMTP password is not set: export BROADSHEET_SMTP_PASSWORD=… (it is never read from a file)"])
        #expect(route?.description == "SMTP smtp.example.org:587 (starttls, login desk@example.org)")
        let (_, _, none) = TransportOptions().route(for: Self.config, environment: ["BROADSHEET_SMTP_PASSWORD": "x"])
        #expect(none.isEmpty)
        let (_, _, noLogin) = TransportOptions(smtpUsername: "").route(for: Self.config, environment: [:])
        #expect(noLogin.isEmpty)
    }

    @Test(
        "--sendmail is split into words without a shell and wins over SMTP",
        arguments: [
            ("/usr/sbin/sendmail -i", ["/usr/sbin/sendmail", "-i"]),
            ("'/opt/my mail/sendmail' -i -o 'a b'", ["/opt/my mail/sendmail", "-i", "-o", "a b"]),
        ])
    func sendmail(_ command: String, _ arguments: [String]) {
        let (route, problems, _) = TransportOptions(sendmail: command).route(for: Self.config, environment: [:])
        #expect(problems.isEmpty)
        #expect(route == .sendmail(arguments))
    }

    @Test(
        "options that cannot work are problems even for a dry run",
        arguments: [
            (
                TransportOptions(sendmail: "'/usr/sbin/sendmail"),
                "--sendmail ''/usr/sbin/sendmail' cannot be used: a ' quote is never closed"
            ),
            (TransportOptions(smtpSecurity: "ssl"), "--smtp-security must be none, starttls or tls, not 'ssl'"),
            (
                TransportOptions(smtpHelo: "x\r\nRCPT TO:<a@b.org>"),
                "--smtp-helo 'x\\u{D}\\u{A}RCPT TO:<a@b.org>' is not a host name"
            ),
            (TransportOptions(smtpHost: "smtp example"), "--smtp-host 'smtp example' is not a host name"),
        ])
    func problems(_ options: TransportOptions, _ problem: String) {
        let (_, problems, _) = options.route(for: Self.config, environment: [:])
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix(problem) == true, "\(problems)")
    }

    @Test("site.yaml's sendmail list is used as it is")
    func configSendmail() {
        var config = Self.config
        config.sendmail = ["/opt/my mail/sendmail", "-i"]
        let (route, problems, missing) = TransportOptions().route(for: config, environment: [:])
        #expect(route == .sendmail(["/opt/my mail/sendmail", "-i"]))
        #expect(problems.isEmpty && missing.isEmpty)
        #expect(route?.description == "the command `'/opt/my mail/sendmail' -i`")
    }
}
