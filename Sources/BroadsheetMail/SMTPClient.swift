import Foundation

/// An SMTP session (RFC 5321) that delivers messages one at a time over one connection,
/// reconnecting when the connection was lost.
///
/// With `.starttls` the session refuses to continue unless the server offers STARTTLS and the
/// upgrade succeeds; AUTH (PLAIN, else LOGIN) is used only over TLS.
public struct SMTPClient: MailTransport {
    private let settings: SMTPSettings
    private var connection: SocketConnection?

    /// A client; it connects on the first delivery.
    public init(settings: SMTPSettings) {
        self.settings = settings
    }

    /// Connects and greets the server now, to fail early on wrong settings.
    public mutating func open() async throws(MailDeliveryError) {
        if connection == nil { connection = try Self.session(settings) }
    }

    public mutating func deliver(
        _ message: String, from sender: String, to recipient: String, willCommit: () throws -> Void
    ) async throws(MailDeliveryError) -> String {
        try await open()
        guard let connection else { throw MailDeliveryError(.temporary, "no connection") }
        do {
            try Self.expect(connection, "MAIL FROM:<\(sender)>", [250], step: "MAIL FROM")
            try Self.expect(connection, "RCPT TO:<\(recipient)>", [250, 251], step: "RCPT TO")
            try Self.expect(connection, "DATA", [354], step: "DATA")
            try connection.write(Self.dotStuffed(message))
        } catch {
            // A refused command leaves the session usable after RSET; a broken one is dropped.
            if error.code != nil {
                do {
                    try Self.expect(connection, "RSET", [250], step: "RSET")
                } catch {
                    self.connection = nil
                }
            } else {
                self.connection = nil
            }
            throw error
        }
        do {
            try willCommit()
        } catch {
            self.connection = nil
            throw MailDeliveryError(.temporary, "not sent: \(error)")
        }
        let reply: SMTPReply
        do {
            try connection.write(".\r\n")
            reply = try Self.readReply(connection)
        } catch {
            self.connection = nil
            throw MailDeliveryError(.uncertain, "the connection failed after the message was committed: \(error.message)")
        }
        guard reply.code == 250 else { throw MailDeliveryError(reply: reply, during: "end of DATA") }
        return reply.description
    }

    public mutating func close() async {
        if let connection {
            do {
                try Self.expect(connection, "QUIT", [221], step: "QUIT")
            } catch {
                // Every message's fate is already known; a server that hangs up early changes nothing.
            }
            connection.close()
        }
        connection = nil
    }

    // MARK: - Session

    private static func session(_ settings: SMTPSettings) throws(MailDeliveryError) -> SocketConnection {
        let connection = try SocketConnection(host: settings.host, port: settings.port, timeout: settings.timeout)
        if settings.security == .tls { try connection.startTLS(caFile: settings.caFile) }
        let greeting = try readReply(connection)
        guard greeting.code == 220 else { throw MailDeliveryError(reply: greeting, during: "greeting") }
        var extensions = try hello(connection, settings)
        if settings.security == .starttls {
            guard extensions.contains(where: { $0.uppercased() == "STARTTLS" }) else {
                throw MailDeliveryError(
                    .configuration, "\(settings.host) does not offer STARTTLS; refusing to send in the clear")
            }
            try expect(connection, "STARTTLS", [220], step: "STARTTLS")
            try connection.startTLS(caFile: settings.caFile)
            extensions = try hello(connection, settings)
        }
        if let username = settings.username {
            guard settings.security != .none else {
                throw MailDeliveryError(.configuration, "refusing to send the SMTP password without TLS")
            }
            try authenticate(connection, username: username, password: settings.password ?? "", extensions: extensions)
        }
        return connection
    }

    private static func hello(_ connection: SocketConnection, _ settings: SMTPSettings) throws(MailDeliveryError) -> [String] {
        try connection.write("EHLO \(settings.heloName)\r\n")
        let reply = try readReply(connection)
        guard reply.code == 250 else { throw MailDeliveryError(reply: reply, during: "EHLO") }
        return Array(reply.lines.dropFirst())
    }

    private static func authenticate(
        _ connection: SocketConnection, username: String, password: String, extensions: [String]
    ) throws(MailDeliveryError) {
        let mechanisms =
            extensions.first { $0.uppercased().hasPrefix("AUTH") }?.uppercased()
            .split(separator: " ").dropFirst().map(String.init) ?? []
        var reply: SMTPReply
        if mechanisms.contains("PLAIN") || !mechanisms.contains("LOGIN") {
            let token = Data(("\u{0}" + username + "\u{0}" + password).utf8).base64EncodedString()
            try connection.write("AUTH PLAIN \(token)\r\n")
            reply = try readReply(connection)
        } else {
            try expect(connection, "AUTH LOGIN", [334], step: "AUTH LOGIN")
            try expect(connection, Data(username.utf8).base64EncodedString(), [334], step: "AUTH LOGIN user name")
            try connection.write(Data(password.utf8).base64EncodedString() + "\r\n")
            reply = try readReply(connection)
        }
        guard reply.code == 235 else {
            throw MailDeliveryError(.configuration, code: reply.code, "login as \(username) failed: \(reply)")
        }
    }

    @discardableResult
    private static func expect(_ connection: SocketConnection, _ command: String, _ codes: Set<Int>, step: String)
        throws(MailDeliveryError) -> SMTPReply
    {
        // Addresses and names are checked long before; a line break here would inject a command.
        guard !command.contains(where: \.isNewline) else {
            throw MailDeliveryError(.configuration, "refusing to send an SMTP command with a line break (\(step))")
        }
        try connection.write(command + "\r\n")
        let reply = try readReply(connection)
        guard codes.contains(reply.code) else { throw MailDeliveryError(reply: reply, during: step) }
        return reply
    }

    private static func readReply(_ connection: SocketConnection) throws(MailDeliveryError) -> SMTPReply {
        var lines: [String] = []
        while true {
            let line = try connection.readLine()
            guard line.count >= 3, let code = Int(line.prefix(3)) else {
                throw MailDeliveryError(.temporary, "unexpected reply from the server: '\(line)'")
            }
            lines.append(String(line.dropFirst(4)))
            if line.count == 3 || line[line.index(line.startIndex, offsetBy: 3)] != "-" {
                return SMTPReply(code: code, lines: lines)
            }
        }
    }

    /// Lines starting with `.` get another `.` (RFC 5321 §4.5.2); ends in CRLF.
    static func dotStuffed(_ message: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(message.utf8.count + 64)
        var atLineStart = true
        for byte in message.utf8 {
            if atLineStart && byte == UInt8(ascii: ".") { bytes.append(byte) }
            bytes.append(byte)
            atLineStart = byte == UInt8(ascii: "\n")
        }
        if !(bytes.count >= 2 && bytes[bytes.count - 2] == 13 && bytes[bytes.count - 1] == 10) { bytes += [13, 10] }
        return String(decoding: bytes, as: UTF8.self)
    }
}
