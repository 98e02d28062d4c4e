import BroadsheetContent
import BroadsheetCore
import BroadsheetMail

/// The transport settings given on the command line, each overriding site.yaml's.
public struct TransportOptions: Sendable, Hashable {
    /// `--smtp-host`.
    public var smtpHost: String?
    /// `--smtp-port`.
    public var smtpPort: Int?
    /// `--smtp-security`: none, starttls or tls.
    public var smtpSecurity: String?
    /// `--smtp-username`; empty means no login.
    public var smtpUsername: String?
    /// `--smtp-password-env`: the variable holding the password.
    public var smtpPasswordEnvironment: String?
    /// `--smtp-helo`.
    public var smtpHelo: String?
    /// `--smtp-ca-file`.
    public var smtpCAFile: String?
    /// `--sendmail`: a command line, split into words without a shell (see `CommandWords`).
    public var sendmail: String?

    /// Creates options; nil keeps site.yaml's value.
    public init(
        smtpHost: String? = nil, smtpPort: Int? = nil, smtpSecurity: String? = nil, smtpUsername: String? = nil,
        smtpPasswordEnvironment: String? = nil, smtpHelo: String? = nil, smtpCAFile: String? = nil, sendmail: String? = nil
    ) {
        self.smtpHost = smtpHost
        self.smtpPort = smtpPort
        self.smtpSecurity = smtpSecurity
        self.smtpUsername = smtpUsername
        self.smtpPasswordEnvironment = smtpPasswordEnvironment
        self.smtpHelo = smtpHelo
        self.smtpCAFile = smtpCAFile
        self.sendmail = sendmail
    }

    /// The route these options and `config` give, with what stops it from ever working
    /// (`problems`) and what is missing only to send (`missingToSend`: the SMTP password,
    /// which a dry run does not need).
    public func route(for config: NewsletterConfig, environment: [String: String])
        -> (route: MailRoute?, problems: [String], missingToSend: [String])
    {
        if let command = sendmail {
            do {
                return (.sendmail(try CommandWords.split(command)), [], [])
            } catch {
                return (nil, ["--sendmail '\(command)' cannot be used: \(error.reason)"], [])
            }
        }
        if let arguments = config.sendmail { return (.sendmail(arguments), [], []) }
        guard let host = smtpHost ?? config.smtp.host else {
            return (nil, ["no SMTP server: set newsletter.smtp.host in site.yaml or pass --smtp-host (or use --sendmail)"], [])
        }
        var problems: [String] = []
        for (flag, name) in [("--smtp-host", smtpHost), ("--smtp-helo", smtpHelo)] {
            if let name, let problem = MailHeaderSyntax.problem(withHostName: name) {
                problems.append("\(flag) '\(TerminalText.escaped(name))' is not a host name: \(problem)")
            }
        }
        var security = SMTPSettings.Security(rawValue: config.smtp.security?.rawValue ?? "starttls") ?? .starttls
        if let text = smtpSecurity {
            if let value = SMTPSettings.Security(rawValue: text.lowercased()) {
                security = value
            } else {
                problems.append("--smtp-security must be none, starttls or tls, not '\(text)'")
            }
        }
        let username = (smtpUsername ?? config.smtp.username).flatMap { $0.isEmpty ? nil : $0 }
        let variable = smtpPasswordEnvironment ?? config.smtp.passwordEnvironment ?? "BROADSHEET_SMTP_PASSWORD"
        let password = environment[variable]
        var missing: [String] = []
        if username != nil && (password ?? "").isEmpty {
            missing.append("the SMTP password is not set: export \(variable)=… (it is never read from a file)")
        }
        let settings = SMTPSettings(
            host: host, port: smtpPort ?? config.smtp.port ?? SMTPSettings.defaultPort(for: security), security: security,
            username: username, password: password, heloName: smtpHelo ?? config.smtp.heloName ?? "localhost",
            caFile: smtpCAFile ?? config.smtp.caFile)
        return (.smtp(settings), problems, missing)
    }
}
