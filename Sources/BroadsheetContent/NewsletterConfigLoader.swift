import BroadsheetCore
import BroadsheetYAML

/// Reads the `newsletter:` section of site.yaml.
enum NewsletterConfigLoader {
    static let keys = ["from", "replyTo", "unsubscribeURL", "unsubscribeMailto", "smtp", "sendmail", "rate"]
    static let smtpKeys = ["host", "port", "security", "username", "passwordEnvironment", "heloName", "caFile"]

    static func read(_ node: YAMLNode, path: String, diagnostics: inout [Diagnostic]) -> NewsletterConfig? {
        guard var fields = YAMLFields(node, path: path, subject: "the newsletter section", diagnostics: &diagnostics)
        else { return nil }
        let from = fields.string("from", required: true)
        if let from, !from.contains("@") {
            fields.report(
                .error(
                    at: fields.location(ofKey: "from"), "'\(from)' is not an email address",
                    hint: "write `from: \"The Opening <newsletter@example.org>\"`"))
        }
        let replyTo = fields.string("replyTo")
        let unsubscribeURL = fields.string("unsubscribeURL", required: true)
        if let url = unsubscribeURL,
            !SiteConfigLoader.isAbsoluteHTTP(
                url.replacingOccurrences(of: "{email}", with: "x")
                    .replacingOccurrences(of: "{edition}", with: "x"))
        {
            fields.report(
                .error(
                    at: fields.location(ofKey: "unsubscribeURL"), "unsubscribeURL '\(url)' is not an absolute https URL",
                    hint: "write e.g. https://example.org/unsubscribe?email={email}"))
        }
        let mailto = fields.string("unsubscribeMailto")
        let sendmail = fields.string("sendmail")
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
}
