import BroadsheetMail

/// How messages leave the machine: an SMTP server or a sendmail-compatible command.
public enum MailRoute: Sendable, Hashable, CustomStringConvertible {
    /// SMTP with these settings.
    case smtp(SMTPSettings)
    /// This program and its arguments (the message on standard input).
    case sendmail([String])

    /// A transport for this route; it connects or looks for the command when opened.
    public func makeTransport() -> any MailTransport {
        switch self {
        case .smtp(let settings): SMTPClient(settings: settings)
        case .sendmail(let arguments): SendmailTransport(arguments: arguments)
        }
    }

    /// `SMTP host:port (starttls, login user)` or the command, for the plan.
    public var description: String {
        switch self {
        case .smtp(let smtp):
            "SMTP \(smtp.host):\(smtp.port) (\(smtp.security.rawValue)" + (smtp.username.map { ", login \($0)" } ?? ", no login")
                + ")"
        case .sendmail(let arguments):
            "the command `\(arguments.map(Self.quoted).joined(separator: " "))`"
        }
    }

    /// An argument as it would be typed: quoted when it holds spaces or quotes.
    private static func quoted(_ argument: String) -> String {
        guard argument.isEmpty || argument.contains(where: { " \t'\"\\".contains($0) }) else { return argument }
        return "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
