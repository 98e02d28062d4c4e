import Foundation

/// Delivers through a sendmail-compatible command: the message on standard input, the
/// recipient as the last argument (`/usr/sbin/sendmail -i` becomes `sendmail -i -f SENDER -- RECIPIENT`).
///
/// Exit status 0 is success, 75 (EX_TEMPFAIL) a temporary failure, anything else permanent.
public struct SendmailTransport: MailTransport {
    private let arguments: [String]

    /// A transport running `command` (split at spaces; no shell is involved).
    public init(command: String) {
        arguments = command.split(separator: " ").map(String.init)
    }

    public mutating func deliver(
        _ message: String, from sender: String, to recipient: String, willCommit: () throws -> Void
    ) throws(MailDeliveryError) -> String {
        guard let executable = arguments.first else { throw MailDeliveryError(.configuration, "the sendmail command is empty") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = Array(arguments.dropFirst()) + ["-f", sender, "--", recipient]
        let input = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardError = errors
        do {
            try willCommit()
        } catch {
            throw MailDeliveryError(.temporary, "not sent: \(error)")
        }
        do {
            try process.run()
        } catch {
            throw MailDeliveryError(.configuration, "cannot run \(executable): \(error.localizedDescription)")
        }
        // From here the command may deliver: any failure to learn the outcome is uncertain.
        do {
            try input.fileHandleForWriting.write(contentsOf: Data(message.replacingOccurrences(of: "\r\n", with: "\n").utf8))
            try input.fileHandleForWriting.close()
        } catch {
            process.waitUntilExit()
            throw MailDeliveryError(.uncertain, "writing to \(executable) failed: \(error.localizedDescription)")
        }
        process.waitUntilExit()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        switch process.terminationStatus {
        case 0: return "accepted by \(executable)"
        case 75: throw MailDeliveryError(.temporary, code: 75, "\(executable) deferred the message: \(stderr)")
        default:
            throw MailDeliveryError(
                .permanent, code: Int(process.terminationStatus),
                "\(executable) exited with status \(process.terminationStatus): \(stderr)")
        }
    }

    public mutating func close() {}
}
