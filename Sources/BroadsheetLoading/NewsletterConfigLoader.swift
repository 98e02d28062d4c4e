import BroadsheetCore
import BroadsheetYAML

/// Reads the `newsletter:` section of site.yaml.
enum NewsletterConfigLoader {
    static let keys = ["from", "replyTo", "unsubscribeURL", "unsubscribeMailto", "smtp", "sendmail", "rate"]
    static let smtpKeys = ["host", "port", "security", "username", "passwordEnvironment", "heloName", "caFile"]

    /// The longest `unsubscribeURL` accepted, so that with a reader's address in it the
    /// List-Unsubscribe header still fits in one 998-character line.
    static let longestUnsubscribeURL = 200

    static func read(_ node: YAMLNode, path: String, diagnostics: inout [Diagnostic]) -> NewsletterConfig? {
        guard var fields = YAMLFields(node, path: path, subject: "the newsletter section", diagnostics: &diagnostics)
        else { return nil }
        let from = fields.string("from", required: true)
        if let from {
            checkMailbox(
                from, key: "from", hint: "write `from: \"The Opening <newsletter@example.org>\"`", fields: &fields)
        }
        let replyTo = fields.string("replyTo")
        if let replyTo {
            checkMailbox(
                replyTo, key: "replyTo", hint: "write `replyTo: letters@example.org`, or remove it to take replies at `from:`",
                fields: &fields)
        }
        let unsubscribeURL = fields.string("unsubscribeURL", required: true)
        if let url = unsubscribeURL {
            checkUnsubscribeURL(url, fields: &fields)
        }
        let mailto = fields.string("unsubscribeMailto")
        if let mailto, let problem = MailHeaderSyntax.problem(withAddress: mailto) {
            fields.report(
                .error(
                    at: fields.location(ofKey: "unsubscribeMailto"),
                    "unsubscribeMailto '\(TerminalText.escaped(mailto))' is not a bare email address: \(problem)",
                    hint: "write only the address, e.g. `unsubscribeMailto: unsubscribe@example.org` (no name, no mailto:)"))
        }
        let sendmail = readSendmail(&fields)
        var rate: Double?
        if let value = fields.number("rate") {
            if value > 0 && value <= 1000 {
                rate = value
            } else {
                fields.report(
                    .error(
                        at: fields.location(ofKey: "rate"), "rate must be between 0 and 1000 messages a second",
                        hint: "write e.g. `rate: 5`, or ask the mail provider for its limit"))
            }
        }
        var smtp = NewsletterConfig.SMTP()
        let before = diagnostics.count
        if let smtpNode = fields.node("smtp") {
            smtp = readSMTP(smtpNode, path: path, diagnostics: &diagnostics)
        }
        let smtpHasErrors = diagnostics[before...].contains { $0.severity == .error }
        fields.reportUnknownKeys(known: keys)
        diagnostics += fields.diagnostics
        guard let from, let unsubscribeURL, !fields.diagnostics.containsErrors, !smtpHasErrors else { return nil }
        return NewsletterConfig(
            from: from, replyTo: replyTo, unsubscribeURL: unsubscribeURL, unsubscribeMailto: mailto, smtp: smtp,
            sendmail: sendmail, rate: rate, location: fields.location(of: node))
    }

    private static func readSMTP(_ node: YAMLNode, path: String, diagnostics: inout [Diagnostic]) -> NewsletterConfig.SMTP {
        var smtp = NewsletterConfig.SMTP()
        guard var fields = YAMLFields(node, path: path, subject: "the smtp section", diagnostics: &diagnostics) else {
            return smtp
        }
        if fields.contains("password") {
            fields.report(
                .error(
                    at: fields.location(ofKeyName: "password"), "the SMTP password must not be stored in site.yaml",
                    hint:
                        "remove it and set the environment variable BROADSHEET_SMTP_PASSWORD (or the one named by passwordEnvironment)"
                ))
            _ = fields.node("password")
        }
        smtp.host = fields.string("host")
        for key in ["host", "heloName"] {
            if let name = fields.string(key), let problem = MailHeaderSyntax.problem(withHostName: name) {
                fields.report(
                    .error(
                        at: fields.location(ofKey: key),
                        "the SMTP \(key) '\(TerminalText.escaped(name))' is not a host name: \(problem)",
                        hint: "write a name such as smtp.example.org or mail.example.org"))
            }
        }
        if let port = fields.number("port") {
            if port >= 1 && port <= 65535 && port == port.rounded() {
                smtp.port = Int(port)
            } else {
                fields.report(
                    .error(
                        at: fields.location(ofKey: "port"), "port must be a whole number from 1 to 65535",
                        hint: "write e.g. `port: 587` (STARTTLS) or `port: 465` (TLS)"))
            }
        }
        if let text = fields.string("security") {
            smtp.security = NewsletterConfig.Security(rawValue: text.lowercased())
            if smtp.security == nil {
                fields.report(
                    .error(
                        at: fields.location(ofKey: "security"), "unknown SMTP security '\(text)'",
                        hint: "write one of: none, starttls, tls"))
            }
        }
        smtp.username = fields.string("username")
        smtp.passwordEnvironment = fields.string("passwordEnvironment")
        smtp.heloName = fields.string("heloName")
        smtp.caFile = fields.string("caFile")
        fields.reportUnknownKeys(known: smtpKeys + ["password"])
        diagnostics += fields.diagnostics
        return smtp
    }

    // MARK: - Values that reach a header or a command

    private static func checkMailbox(_ text: String, key: String, hint: String, fields: inout YAMLFields) {
        let (name, address) = MailHeaderSyntax.split(text)
        if let problem = MailHeaderSyntax.problem(withAddress: address)
            ?? (name.map { $0.contains("<") || $0.contains(">") } == true ? "it looks like more than one address" : nil)
        {
            fields.report(
                .error(
                    at: fields.location(ofKey: key), "'\(TerminalText.escaped(text))' is not an email address: \(problem)",
                    hint: hint))
        } else if let name, let problem = MailHeaderSyntax.problem(withHeaderText: name) {
            fields.report(
                .error(
                    at: fields.location(ofKey: key), "the name in `\(key):` cannot go into an email header: \(problem)",
                    hint: "write the name on one line, without control characters"))
        }
    }

    private static func checkUnsubscribeURL(_ url: String, fields: inout YAMLFields) {
        let location = fields.location(ofKey: "unsubscribeURL")
        let filled = url.replacingOccurrences(of: "{email}", with: "x").replacingOccurrences(of: "{edition}", with: "x")
        guard filled.lowercased().hasPrefix("https://"), SiteConfigLoader.isAbsoluteHTTP(filled) else {
            fields.report(
                .error(
                    at: location, "unsubscribeURL '\(TerminalText.escaped(url))' is not an absolute https URL",
                    hint: "write e.g. https://example.org/unsubscribe?email={email}"))
            return
        }
        if let problem = MailHeaderSyntax.problem(withUnsubscribeURL: filled) {
            fields.report(
                .error(
                    at: location,
                    "unsubscribeURL '\(TerminalText.escaped(url))' cannot go into the List-Unsubscribe header: \(problem)",
                    hint: "percent-encode the character (a comma is %2C, a space %20)"))
        } else if url.count > longestUnsubscribeURL {
            fields.report(
                .error(
                    at: location,
                    "unsubscribeURL is \(url.count) characters long; at most \(longestUnsubscribeURL) fit in the header",
                    hint: "use a shorter address for the unsubscribe page; {email} adds the reader's address"))
        }
    }

    /// `sendmail:` as a list of arguments, or one line split into words without a shell.
    private static func readSendmail(_ fields: inout YAMLFields) -> [String]? {
        guard let node = fields.node("sendmail") else { return nil }
        let location = fields.location(of: node)
        var arguments: [String]
        switch node.content {
        case .scalar(let text, _):
            do {
                arguments = try CommandWords.split(text)
            } catch {
                fields.report(
                    .error(
                        at: location, "the sendmail command cannot be split into words: \(error.reason)",
                        hint: "close the quote, or write the command as a list: `sendmail: [/usr/sbin/sendmail, -i]`"))
                return nil
            }
        case .sequence(let items):
            arguments = []
            for item in items {
                guard case .scalar(let text, _) = item.content else {
                    fields.report(
                        .error(
                            at: fields.location(of: item),
                            "each item of 'sendmail' must be a single value, found \(item.kindDescription)",
                            hint: "write the items as plain values: `sendmail: [/usr/sbin/sendmail, -i]`"))
                    return nil
                }
                arguments.append(text)
            }
        default:
            fields.report(
                .error(
                    at: location, "sendmail must be a command or a list of arguments, found \(node.kindDescription)",
                    hint: "write `sendmail: /usr/sbin/sendmail -i` or `sendmail: [/usr/sbin/sendmail, -i]`"))
            return nil
        }
        guard let program = arguments.first, program.hasPrefix("/") else {
            fields.report(
                .error(
                    at: location, "the sendmail program must be given by its full path",
                    hint: "write e.g. `sendmail: /usr/sbin/sendmail -i`"))
            return nil
        }
        if arguments.contains(where: { $0.contains(where: { $0.isNewline || $0 == "\u{0}" }) }) {
            fields.report(
                .error(
                    at: location, "an argument of the sendmail command contains a line break or NUL",
                    hint: "write each argument on its own, without control characters"))
            return nil
        }
        return arguments
    }
}
