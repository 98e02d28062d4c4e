import BroadsheetCore

/// The `newsletter:` section of site.yaml: who sends editions, how readers unsubscribe,
/// and how mail leaves the machine. Secrets are never here: the SMTP password comes from
/// the environment variable named by `smtp.passwordEnvironment`.
public struct NewsletterConfig: Sendable, Hashable {
    /// How the SMTP connection is protected.
    public enum Security: String, Sendable, Hashable, CaseIterable {
        /// Plain SMTP (loopback relays and tests only).
        case none
        /// Plain connection upgraded with STARTTLS before anything else is sent (port 587).
        case starttls
        /// TLS from the first byte (port 465).
        case tls
    }

    /// SMTP settings; each can be overridden on the command line.
    public struct SMTP: Sendable, Hashable {
        /// The server's host name.
        public var host: String?
        /// The server's port (587 for STARTTLS, 465 for TLS, 25 otherwise by default).
        public var port: Int?
        /// How the connection is protected (default: STARTTLS).
        public var security: Security?
        /// The user name for AUTH, if the server needs one.
        public var username: String?
        /// The environment variable holding the password (default `BROADSHEET_SMTP_PASSWORD`).
        public var passwordEnvironment: String?
        /// The name this machine gives in EHLO (default `localhost`).
        public var heloName: String?
        /// A PEM file of certificate authorities to trust besides the system's (self-signed test servers).
        public var caFile: String?

        /// Creates settings; every field is optional.
        public init(
            host: String? = nil, port: Int? = nil, security: Security? = nil, username: String? = nil,
            passwordEnvironment: String? = nil, heloName: String? = nil, caFile: String? = nil
        ) {
            self.host = host
            self.port = port
            self.security = security
            self.username = username
            self.passwordEnvironment = passwordEnvironment
            self.heloName = heloName
            self.caFile = caFile
        }
    }

    /// The sender, as `Name <address>` or a bare address.
    public var from: String
    /// Where replies go, if not to the sender.
    public var replyTo: String?
    /// The unsubscribe link; `{email}` and `{edition}` are replaced (URL-encoded) per message.
    public var unsubscribeURL: String
    /// An address for `mailto:` unsubscribing, offered in List-Unsubscribe after the URL.
    public var unsubscribeMailto: String?
    /// SMTP settings.
    public var smtp: SMTP
    /// A sendmail-compatible command used instead of SMTP when set: the program and its
    /// arguments, as a list (`[/usr/sbin/sendmail, -i]`) or split from one line like a shell would.
    public var sendmail: [String]?
    /// Messages per second at most while sending.
    public var rate: Double?
    /// Where the section starts in site.yaml, for diagnostics.
    public var location: SourceLocation

    /// Creates a configuration.
    public init(
        from: String, replyTo: String? = nil, unsubscribeURL: String, unsubscribeMailto: String? = nil,
        smtp: SMTP = SMTP(), sendmail: [String]? = nil, rate: Double? = nil,
        location: SourceLocation = SourceLocation(path: "Content/site.yaml")
    ) {
        self.from = from
        self.replyTo = replyTo
        self.unsubscribeURL = unsubscribeURL
        self.unsubscribeMailto = unsubscribeMailto
        self.smtp = smtp
        self.sendmail = sendmail
        self.rate = rate
        self.location = location
    }
}
