import BroadsheetCore
import Foundation
import Subprocess

#if canImport(System)
    import System
#else
    import SystemPackage
#endif

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Delivers through a sendmail-compatible command: the message on standard input, the sender
/// and recipient appended (`/usr/sbin/sendmail -i` runs as `sendmail -i -f SENDER -- RECIPIENT`).
///
/// The arguments are a list, passed as they are (no shell, never split at spaces). The message
/// is written to the command's input, then `willCommit` runs, and only then is the input closed:
/// end of input is what commits the message, as SMTP's final `.` does. The command's output and
/// errors are read while it runs, so a talkative command cannot fill a pipe and hang the send.
/// Exit status 0 is success, 75 (EX_TEMPFAIL) a temporary failure, anything else permanent.
public struct SendmailTransport: MailTransport {
    /// The program and its arguments.
    public let arguments: [String]
    /// How much of the command's output is kept for the report.
    static let keptOutput = 2000

    /// A transport running `arguments` (the program first).
    public init(arguments: [String]) {
        self.arguments = arguments
    }

    /// Finds the program: a missing or non-executable file stops the send before anything is journalled.
    public mutating func open() async throws(MailDeliveryError) {
        guard let program = arguments.first, !program.isEmpty else {
            throw MailDeliveryError(.configuration, "the sendmail command is empty")
        }
        guard program.contains("/") else {
            throw MailDeliveryError(
                .configuration, "the sendmail command '\(program)' is not a path (write it in full, e.g. /usr/sbin/sendmail)")
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: program, isDirectory: &isFolder) else {
            throw MailDeliveryError(.configuration, "cannot run the sendmail command \(program): there is no such file")
        }
        guard !isFolder.boolValue, FileManager.default.isExecutableFile(atPath: program) else {
            throw MailDeliveryError(.configuration, "cannot run the sendmail command \(program): it is not an executable file")
        }
        // A command that exits before reading the whole message must not end Broadsheet with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
    }

    public mutating func deliver(
        _ message: String, from sender: String, to recipient: String, willCommit: () throws -> Void
    ) async throws(MailDeliveryError) -> String {
        try await open()
        let program = arguments[0]
        let input = Array(message.replacingOccurrences(of: "\r\n", with: "\n").utf8)
        let run: ExecutionResult<Handover, SequenceOutput, SequenceOutput>
        do {
            run = try await Subprocess.run(
                .path(FilePath(program)), arguments: Arguments(Array(arguments.dropFirst()) + ["-f", sender, "--", recipient]),
                input: .inputWriter, output: .sequence, error: .sequence
            ) { execution in
                async let output = Self.drain(execution.standardOutput)
                async let errors = Self.drain(execution.standardError)
                let handover = await Self.handOver(input, to: execution, willCommit: willCommit)
                return Handover(stage: handover.stage, problem: handover.problem, output: await output + (await errors))
            }
        } catch {
            // The command never ran: nothing can have been delivered.
            throw MailDeliveryError(.configuration, "cannot run the sendmail command \(program): \(error)")
        }
        let handover = run.closureResult
        let said = TerminalText.escaped(handover.output.trimmingCharacters(in: .whitespacesAndNewlines))
        let status: Int32
        switch run.terminationStatus {
        case .exited(let code): status = code
        case .signaled(let signal):
            let kind: MailDeliveryError.Kind = handover.stage == .committed ? .uncertain : .temporary
            throw MailDeliveryError(kind, "\(program) was stopped by signal \(signal)\(said.isEmpty ? "" : ": \(said)")")
        }
        switch handover.stage {
        case .notCommitted:
            // Killed before the end of its input, the command cannot have accepted the message.
            throw MailDeliveryError(.temporary, "not sent: \(handover.problem ?? "stopped before the commit")")
        case .inputFailed:
            let kind: MailDeliveryError.Kind = status == 75 ? .temporary : .permanent
            throw MailDeliveryError(
                kind, code: Int(status),
                "\(program) exited with status \(status) before reading the whole message\(said.isEmpty ? "" : ": \(said)")")
        case .committed:
            switch status {
            case 0: return "accepted by \(program)"
            case 75: throw MailDeliveryError(.temporary, code: 75, "\(program) deferred the message: \(said)")
            default:
                throw MailDeliveryError(.permanent, code: Int(status), "\(program) exited with status \(status): \(said)")
            }
        }
    }

    public mutating func close() async {}

    // MARK: - Running the command

    /// How far the message got.
    struct Handover: Sendable {
        enum Stage: Sendable {
            /// Written and its input closed: the command may deliver it.
            case committed
            /// `willCommit` failed: the command was killed before the end of its input.
            case notCommitted
            /// The command stopped reading before the whole message was written.
            case inputFailed
        }
        var stage: Stage
        var problem: String?
        var output: String = ""
    }

    /// Runs in the caller's isolation (`nonisolated(nonsending)`), as the body of `run` does,
    /// so `willCommit` (the journal) never leaves the task that owns it.
    private nonisolated(nonsending) static func handOver(
        _ input: [UInt8], to execution: Execution<CustomWriteInput, SequenceOutput, SequenceOutput>,
        willCommit: () throws -> Void
    ) async -> Handover {
        let writer = execution.standardInputWriter
        do {
            _ = try await writer.write(input)
        } catch {
            await finish(writer)
            return Handover(stage: .inputFailed, problem: "\(error)")
        }
        do {
            try willCommit()
        } catch {
            do {
                try execution.send(signal: .kill)
            } catch {
                // It has already exited; with its input still open it cannot have committed.
            }
            await finish(writer)
            return Handover(stage: .notCommitted, problem: "\(error)")
        }
        do {
            try await writer.finish()
        } catch {
            return Handover(stage: .committed, problem: "\(error)")
        }
        return Handover(stage: .committed)
    }

    /// Closes the command's input after a failure that already decided the outcome.
    private static func finish(_ writer: StandardInputWriter) async {
        do {
            try await writer.finish()
        } catch {
            // The command is gone or killed; its exit status tells the rest.
        }
    }

    /// Reads `sequence` to its end, keeping the first `keptOutput` bytes.
    private static func drain(_ sequence: SubprocessOutputSequence) async -> String {
        var kept: [UInt8] = []
        do {
            for try await buffer in sequence where kept.count < keptOutput {
                buffer.withUnsafeBytes { raw in kept += raw.prefix(keptOutput - kept.count) }
            }
        } catch {
            kept += Array(" (its output could not be read: \(error))".utf8)
        }
        return String(decoding: kept, as: UTF8.self)
    }
}
