import Foundation
import Testing

@testable import BroadsheetMail

/// Issue 14, defects 1 and 6: the sendmail command runs through swift-subprocess with its
/// arguments as a list, its output drained while it runs, and a message is journalled as
/// possibly sent only once the command is running and has the whole message.
@Suite("Sendmail transport", .timeLimit(.minutes(1)))
struct SendmailTransportTests {
    /// A folder with an executable shell script `sendmail` whose body is `script`.
    static func command(_ script: String) throws -> (folder: URL, program: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("broadsheet-sendmail-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let program = folder.appendingPathComponent("send mail")  // a space in the path: never split
        try Data("#!/bin/sh\n\(script)\n".utf8).write(to: program)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: program.path)
        return (folder, program.path)
    }

    /// Deletes the folder `command` made for `program`, so test runs leave nothing in /tmp.
    static func remove(_ program: String) {
        try? FileManager.default.removeItem(at: URL(fileURLWithPath: program).deletingLastPathComponent())
    }

    final class Commits {
        var count = 0
    }

    static func deliver(_ arguments: [String], message: String = "Subject: x\r\n\r\nbody\r\n", failCommit: Bool = false)
        async -> (Result<String, MailDeliveryError>, commits: Int)
    {
        var transport = SendmailTransport(arguments: arguments)
        let commits = Commits()
        do {
            let reply = try await transport.deliver(
                message, from: "desk@example.org", to: "ada@example.com",
                willCommit: {
                    commits.count += 1
                    if failCommit { throw JournalFailure() }
                })
            return (.success(reply), commits.count)
        } catch {
            return (.failure(error), commits.count)
        }
    }

    struct JournalFailure: Error {}

    @Test("a missing, folder or non-executable command is a configuration error and nothing is committed")
    func missing() async throws {
        let (folder, program) = try Self.command("exit 0")
        defer { Self.remove(program) }
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: program)
        for path in ["/no/such/file", folder.path, program, "sendmail"] {
            var transport = SendmailTransport(arguments: [path, "-i"])
            await #expect(throws: MailDeliveryError.self) { try await transport.open() }
            let (result, commits) = await Self.deliver([path, "-i"])
            guard case .failure(let error) = result else {
                Issue.record("delivered through \(path)")
                continue
            }
            #expect(error.kind == .configuration)
            #expect(error.message.contains(path))
            #expect(commits == 0)
        }
    }

    @Test("the arguments reach the command as a list; the message arrives whole, with LF line ends")
    func arguments() async throws {
        let (folder, program) = try Self.command(
            "for a in \"$@\"; do printf '%s\\n' \"$a\"; done > \"$(dirname \"$0\")/args\"; cat > \"$(dirname \"$0\")/message\"")
        defer { Self.remove(program) }
        let (result, commits) = await Self.deliver([program, "-o", "two words", "it's \"quoted\""])
        #expect(try result.get() == "accepted by \(program)")
        #expect(commits == 1)
        let args = try String(contentsOf: folder.appendingPathComponent("args"), encoding: .utf8)
        #expect(args == "-o\ntwo words\nit's \"quoted\"\n-f\ndesk@example.org\n--\nada@example.com\n")
        #expect(try String(contentsOf: folder.appendingPathComponent("message"), encoding: .utf8) == "Subject: x\n\nbody\n")
    }

    @Test("a command that writes megabytes to its output and errors before reading does not hang the send")
    func chatty() async throws {
        let (folder, program) = try Self.command(
            "head -c 3000000 /dev/zero | tr '\\0' 'o'; head -c 3000000 /dev/zero | tr '\\0' 'e' >&2; cat > \"$(dirname \"$0\")/message\""
        )
        defer { Self.remove(program) }
        let message = "Subject: big\r\n\r\n" + String(repeating: "0123456789\r\n", count: 100_000)
        let (result, commits) = await Self.deliver([program], message: message)
        #expect(try result.get().hasPrefix("accepted"))
        #expect(commits == 1)
        let received = try Data(contentsOf: folder.appendingPathComponent("message"))
        #expect(received.count == message.utf8.count - 100_002)
    }

    @Test("exit status 75 is temporary, any other failure permanent, with the command's errors (escaped)")
    func statuses() async throws {
        let (_, deferring) = try Self.command("cat > /dev/null; echo 'queue full' >&2; exit 75")
        defer { Self.remove(deferring) }
        let (result, commits) = await Self.deliver([deferring])
        #expect(commits == 1)
        guard case .failure(let temporary) = result else { throw JournalFailure() }
        #expect(temporary.kind == .temporary)
        #expect(temporary.code == 75)
        #expect(temporary.message.contains("queue full"))

        let (_, failing) = try Self.command("cat > /dev/null; printf 'no such user \\033]0;x\\007' >&2; exit 67")
        defer { Self.remove(failing) }
        let (failed, _) = await Self.deliver([failing])
        guard case .failure(let permanent) = failed else { throw JournalFailure() }
        #expect(permanent.kind == .permanent)
        #expect(permanent.message.contains("no such user \\u{1B}]0;x\\u{7}"))
    }

    @Test("if the journal cannot be written the command is killed before the end of its input")
    func journalFails() async throws {
        let (folder, program) = try Self.command("cat > /dev/null; touch \"$(dirname \"$0\")/committed\"")
        defer { Self.remove(program) }
        let (result, commits) = await Self.deliver([program], failCommit: true)
        #expect(commits == 1)
        guard case .failure(let error) = result else { throw JournalFailure() }
        #expect(error.kind == .temporary)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("committed").path))
    }

    @Test("a command that exits before reading the message is not committed")
    func exitsEarly() async throws {
        let (_, program) = try Self.command("echo 'bad option' >&2; exit 64")
        defer { Self.remove(program) }
        let message = "Subject: big\r\n\r\n" + String(repeating: "x", count: 2_000_000)
        let (result, commits) = await Self.deliver([program], message: message)
        #expect(commits == 0)
        guard case .failure(let error) = result else { throw JournalFailure() }
        #expect(error.kind == .permanent)
        #expect(error.message.contains("before reading the whole message"))
    }
}
