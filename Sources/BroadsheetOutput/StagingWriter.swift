import BroadsheetCore
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes files into a build's new staging folder on a thread of its own, while the rest of
/// the site is still rendering.
///
/// Creating the folders and files of a large site is mostly waiting on the file system: on
/// ext4 a `mkdir` costs about 0.2 ms, and a site of ten thousand articles has a folder per
/// page. Done while pages render, that wait hides behind their work instead of adding a
/// stage after it. The staging folder is not the output: a build that fails later removes it,
/// and the output is only exchanged with it once every file is there (`OutputWriter`).
///
/// Every path is added to the staging folder's manifest before its file is created, so a
/// build killed half-way leaves a folder that the next build recognises as Broadsheet's and
/// removes. Nothing here reports an error: the first failure stops the writer, and `finish()`
/// returns nil, so the caller discards the folder and writes the site the usual way, which
/// reports the problem as it always has.
final class StagingWriter: @unchecked Sendable {
    /// What the writer put into the folder: paths relative to it.
    struct Written: Sendable {
        var files: Set<String> = []
        var folders: Set<String> = []
    }

    /// The staging folder (created by `init`).
    let folder: URL
    private let linkRoot: String?
    private let manifest: Int32

    // Shared between the callers of `offer` and the writing thread, under `condition`.
    private let condition = NSCondition()
    private var queue: [OutputFile] = []
    private var closed = false

    // Only the writing thread touches these until `finished` is signalled.
    private var written = Written()
    private var failed = false
    private let finished = DispatchSemaphore(value: 0)

    /// Creates `folder` with a manifest that names nothing yet, and starts the writing thread.
    /// Files identical to the same path under `linkSource` (the live output) are hard-linked.
    init(folder: URL, linkSource: URL?) throws {
        guard mkdir(folder.path, 0o755) == 0 else { throw POSIXFileError(path: folder.path, code: errno) }
        self.folder = folder
        linkRoot = linkSource?.path
        do {
            try OutputManifest(paths: []).write(in: folder)
        } catch {
            rmdir(folder.path)
            throw error
        }
        let path = folder.appendingPathComponent(OutputManifest.fileName).path
        manifest = open(path, O_WRONLY | O_APPEND | O_CLOEXEC | O_NOFOLLOW)
        guard manifest >= 0 else {
            let failure = POSIXFileError(path: path, code: errno)
            unlink(path)
            rmdir(folder.path)
            throw failure
        }
        let thread = Thread { [self] in run() }
        thread.stackSize = 1 << 20
        thread.start()
    }

    /// Queues `files` to be written; safe from any thread. Files offered after `finish()` are ignored.
    func offer(_ files: [OutputFile]) {
        guard !files.isEmpty else { return }
        condition.lock()
        if !closed {
            queue += files
            condition.signal()
        }
        condition.unlock()
    }

    /// Stops taking files, waits until every file offered is written, and returns what was
    /// written, or nil when something could not be (the folder then holds a partial site).
    func finish() -> Written? {
        condition.lock()
        let wasClosed = closed
        closed = true
        condition.signal()
        condition.unlock()
        if !wasClosed { finished.wait() }
        return failed ? nil : written
    }

    private func run() {
        while true {
            condition.lock()
            while queue.isEmpty && !closed { condition.wait() }
            let batch = queue
            queue = []
            condition.unlock()
            if batch.isEmpty { break }
            if !failed { failed = !write(batch) }
        }
        close(manifest)
        finished.signal()
    }

    /// Claims `batch` in the manifest, then creates its folders and files; false on the first failure.
    private func write(_ batch: [OutputFile]) -> Bool {
        // Paths are checked by OutputWriter only when the site is complete: anything odd is
        // left to it, where the user gets the usual message.
        guard batch.allSatisfy({ OutputWriter.staysInside($0.path) && !OutputManifest.isReserved($0.path) }) else {
            return false
        }
        var claim = batch.map(\.path).joined(separator: "\n") + "\n"
        let claimed = claim.withUTF8 { FolderSync.writeAll(manifest, UnsafeRawBufferPointer($0)) }
        guard claimed else { return false }
        let root = folder.path
        for file in batch {
            var parents: [Substring] = []
            var parent = Substring(file.path)
            while let slash = parent.lastIndex(of: "/") {
                parent = parent[..<slash]
                if written.folders.contains(String(parent)) { break }
                parents.append(parent)
            }
            for folder in parents.reversed() {
                guard mkdir(root + "/" + folder, 0o755) == 0 else { return false }
                written.folders.insert(String(folder))
            }
            guard case .success(let data) = FolderSync.contents(of: file),
                FolderSync.createInNewFolder(file.path, data, root: root, linkRoot: linkRoot) == nil
            else { return false }
            written.files.insert(file.path)
        }
        return true
    }
}
