import BroadsheetCore
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The append-only record of one edition's deliveries, one JSON object a line, each line
/// flushed to disk (`fsync`) before the send goes on.
///
/// For every reader the send writes `sending` just before the step that commits the message
/// (SMTP's final `.`), then `sent` when the server accepted it, `deferred` after a temporary
/// failure (retried by the next run) or `failed` after a permanent one. A reader whose last
/// entry is `sending` may or may not have the message (the crash window): reruns skip them and
/// report them as uncertain. The journal is locked while a send runs, so two sends of the same
/// edition cannot interleave.
public final class SendJournal {
    /// What the journal says about one reader.
    public enum State: String, Sendable, Hashable, Codable {
        /// About to commit; the outcome was never recorded.
        case sending
        /// Accepted by the server.
        case sent
        /// Not delivered after a temporary failure; the next run tries again.
        case deferred
        /// Not delivered: permanent failure.
        case failed
    }

    /// One line of the journal.
    public struct Entry: Sendable, Hashable, Codable {
        /// When it was written (UTC, ISO 8601).
        public var at: String
        /// The reader's state from this line on.
        public var state: State
        /// The address, in lower case.
        public var email: String
        /// The message's Message-ID.
        public var messageID: String?
        /// The server's reply or the error.
        public var detail: String?
    }

    /// The journal file.
    public let url: URL
    /// The latest state of each address (lower case).
    public private(set) var states: [String: State] = [:]
    /// The latest detail of each address.
    public private(set) var details: [String: String] = [:]
    /// Problems found reading the file (an incomplete last line after a crash).
    public private(set) var warnings: [Diagnostic] = []
    private let descriptor: Int32

    /// Opens and locks the journal at `url` and reads its entries; with `create` (a real send)
    /// a missing journal and its folder are created, without it (a dry run) nothing is written.
    public init(url: URL, displayPath: String, create: Bool = true) throws(DiagnosticsError) {
        self.url = url
        let location = SourceLocation(path: displayPath)
        if !create && !FileManager.default.fileExists(atPath: url.path) {
            descriptor = -1
            return
        }
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw DiagnosticsError([
                .error(
                    at: location, "cannot create the journal's folder: \(error.localizedDescription)",
                    hint: "check that the site folder is writable: the journal lives in .broadsheet/sends/")
            ])
        }
        let fd = open(url.path, (create ? O_RDWR | O_CREAT : O_RDONLY) | O_APPEND | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw DiagnosticsError([
                .error(
                    at: location, "cannot open the send journal: \(String(cString: strerror(errno)))",
                    hint: "check the permissions of .broadsheet/sends/ and the free disk space")
            ])
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            throw DiagnosticsError([
                .error(
                    at: location, "another send of this edition is running (the journal is locked)",
                    hint: "wait for it to finish; two sends at once could deliver twice")
            ])
        }
        descriptor = fd
        // Make the new file's directory entry durable too, so a crash cannot lose the whole journal.
        let folder = open(url.deletingLastPathComponent().path, O_RDONLY | O_CLOEXEC)
        if folder >= 0 {
            fsync(folder)
            close(folder)
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw DiagnosticsError([
                .error(
                    at: location, "cannot read the send journal: \(error.localizedDescription)",
                    hint: "check the file's permissions; never delete it while an edition is being sent")
            ])
        }
        let decoder = JSONDecoder()
        let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() where !line.isEmpty {
            do {
                let entry = try decoder.decode(Entry.self, from: Data(line))
                states[entry.email] = entry.state
                details[entry.email] = entry.detail
            } catch {
                let isLast = index == lines.count - 1
                let diagnostic = Diagnostic(
                    isLast ? .warning : .error, at: SourceLocation(path: displayPath, line: index + 1),
                    isLast
                        ? "the journal's last line is incomplete (the previous send stopped while writing it); it is ignored"
                        : "line \(index + 1) of the send journal cannot be read: \(error)",
                    hint: isLast ? nil : "repair or move the journal; without it Broadsheet cannot tell who has this edition")
                if isLast { warnings.append(diagnostic) } else { throw DiagnosticsError([diagnostic]) }
            }
        }
        if create, let last = data.last, last != UInt8(ascii: "\n") {
            do {
                try append(Data("\n".utf8))
            } catch {
                throw DiagnosticsError([
                    .error(
                        at: location, "cannot write to the send journal: \(error)",
                        hint: "free some disk space, then run the send again: it continues where it stopped")
                ])
            }
        }
    }

    deinit {
        guard descriptor >= 0 else { return }
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    /// Appends one entry and waits until it is on disk.
    public func record(_ state: State, email: String, messageID: String? = nil, detail: String? = nil, at date: Date) throws {
        let entry = Entry(
            at: ISO8601DateFormatter().string(from: date), state: state, email: email.lowercased(), messageID: messageID,
            detail: detail)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var line = try encoder.encode(entry)
        line.append(UInt8(ascii: "\n"))
        try append(line)
        states[entry.email] = state
        details[entry.email] = detail
    }

    private func append(_ data: Data) throws {
        guard descriptor >= 0 else { throw JournalWriteError(reason: "the journal was opened for a dry run") }
        try data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(descriptor, raw.baseAddress!.advanced(by: offset), raw.count - offset)
                guard written > 0 else { throw JournalWriteError(reason: String(cString: strerror(errno))) }
                offset += written
            }
        }
        guard fsync(descriptor) == 0 else { throw JournalWriteError(reason: String(cString: strerror(errno))) }
    }
}
