import BroadsheetCore
import Foundation

/// The output folder, taken by one build from before it renders until its site is written.
///
/// Made by `OutputWriter.begin()`. The build offers files as they are rendered, which may be
/// written early into the folder the site is assembled in (never into the output itself),
/// then commits the complete list, or cancels: a session dropped without either is cancelled.
public final class OutputSession: @unchecked Sendable {
    private let writer: OutputWriter
    private let early: StagingWriter?
    /// Held until the session ends; nil once it has.
    private var lock: FolderLock?

    init(writer: OutputWriter, lock: FolderLock, early: StagingWriter?) {
        self.writer = writer
        self.lock = lock
        self.early = early
    }

    /// Hands finished files to the output early; safe from any thread. They must also be in
    /// the list given to `commit`, which alone decides what the output holds.
    public func offer(_ files: [OutputFile]) {
        early?.offer(files)
    }

    /// Writes `files` as the complete new content of the output folder, as
    /// `OutputWriter.write` does, and ends the session.
    @discardableResult
    public func commit(_ files: [OutputFile]) throws(DiagnosticsError) -> OutputWriter.Summary {
        guard let lock else { preconditionFailure("an output session is committed or cancelled only once") }
        self.lock = nil
        defer { lock.release() }
        return try writer.commit(files, early: early)
    }

    /// Ends the session without touching the output: what was written early is removed.
    public func cancel() {
        guard let lock else { return }
        self.lock = nil
        if let early {
            _ = early.finish()
            writer.removeOwnFolder(early.folder)
        }
        lock.release()
    }

    deinit { cancel() }
}
