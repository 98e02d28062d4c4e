/// How to reach and log in to an SMTP server.
public struct SMTPSettings: Sendable, Hashable {
    /// How the connection is protected.
    public enum Security: String, Sendable, Hashable, CaseIterable {
        /// Plain SMTP; AUTH is refused (loopback relays and tests).
        case none
        /// STARTTLS before anything else; the upgrade is required, never optional.
        case starttls
        /// TLS from the first byte.
        case tls
    }

    /// The server's host name or IP address.
    public var host: String
    /// The server's port.
    public var port: Int
    /// Connection security.
    public var security: Security
    /// The AUTH user name; nil sends without logging in.
    public var username: String?
    /// The AUTH password (from the environment, never from a file).
    public var password: String?
    /// The name given in EHLO.
    public var heloName: String
    /// Extra certificate authorities (PEM) to trust.
    public var caFile: String?
    /// Seconds to wait for the server before giving up on a connection.
    public var timeout: Int

    /// Creates settings.
    public init(
        host: String, port: Int, security: Security, username: String? = nil, password: String? = nil,
        heloName: String = "localhost", caFile: String? = nil, timeout: Int = 60
    ) {
        self.host = host
        self.port = port
        self.security = security
        self.username = username
        self.password = password
        self.heloName = heloName
        self.caFile = caFile
        self.timeout = timeout
    }

    /// The usual port for a kind of security: 465 for TLS, 587 for STARTTLS, 25 otherwise.
    public static func defaultPort(for security: Security) -> Int {
        switch security {
        case .none: 25
        case .starttls: 587
        case .tls: 465
        }
    }
}
