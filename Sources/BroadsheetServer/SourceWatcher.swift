import BroadsheetCore
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Watches `Content/` (site.yaml included) and `Templates/` with inotify and hands out batches of
/// changed paths, relative to the root.
///
/// Editors save in bursts (a temporary file, a rename, a metadata change), so events are
/// gathered until the folder has been quiet for a moment. Editor scratch files (`.x.swp`,
/// `x~`, `4913`, `#x#`) are ignored. Not thread-safe: it is created, then handed to the one
/// thread that uses it (hence the unchecked conformance).
final class SourceWatcher: @unchecked Sendable {
    /// The folders that hold a site's sources.
    static let watchedFolders = ["Content", "Templates"]

    private let root: URL
    private let descriptor: Int32
    private var folders: [Int32: String] = [:]
    /// How long the sources must stay quiet before a batch is handed out.
    private let quietPeriod: Int32 = 25
    /// A batch is handed out after this long even if events keep coming.
    private let longestBatch: Duration = .milliseconds(400)

    private static let folderMask: UInt32 =
        UInt32(IN_CLOSE_WRITE) | UInt32(IN_MOVED_TO) | UInt32(IN_MOVED_FROM) | UInt32(IN_CREATE) | UInt32(IN_DELETE)
        | UInt32(IN_MODIFY) | UInt32(IN_ATTRIB) | UInt32(IN_DELETE_SELF) | UInt32(IN_MOVE_SELF) | UInt32(IN_ONLYDIR)

    /// Starts watching; the error names the folder that could not be watched.
    init(root: URL) throws(DiagnosticsError) {
        self.root = root
        descriptor = inotify_init1(Int32(IN_CLOEXEC))
        guard descriptor >= 0 else {
            throw DiagnosticsError([
                .error(
                    at: SourceLocation(path: root.path), "cannot watch the site for changes: \(String(cString: strerror(errno)))",
                    hint: "raise fs.inotify.max_user_instances (sysctl), or close other programs that watch files")
            ])
        }
        try addWatch(relative: "")
        for folder in Self.watchedFolders { try addWatchRecursively(relative: folder) }
    }

    deinit { close(descriptor) }

    /// Blocks until something changed and the sources went quiet; nil when `shouldStop` says so
    /// (checked a few times a second).
    func nextChanges(shouldStop: () -> Bool) -> Set<String>? {
        var changed: Set<String> = []
        let clock = ContinuousClock()
        var firstEvent: ContinuousClock.Instant?
        while true {
            if shouldStop() { return nil }
            let timeout: Int32 = firstEvent == nil ? 200 : quietPeriod
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, timeout)
            if ready < 0 && errno == EINTR { continue }
            if ready > 0 {
                readEvents(into: &changed)
                if firstEvent == nil && !changed.isEmpty { firstEvent = clock.now }
            }
            if let firstEvent, !changed.isEmpty, ready == 0 || clock.now - firstEvent > longestBatch { return changed }
        }
    }

    private func readEvents(into changed: inout Set<String>) {
        let capacity = 64 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: MemoryLayout<inotify_event>.alignment)
        defer { buffer.deallocate() }
        let count = read(descriptor, buffer, capacity)
        guard count > 0 else { return }
        var offset = 0
        while offset + MemoryLayout<inotify_event>.size <= count {
            let event = buffer.load(fromByteOffset: offset, as: inotify_event.self)
            let nameStart = buffer.advanced(by: offset + MemoryLayout<inotify_event>.size)
            let name =
                event.len > 0 ? String(cString: nameStart.assumingMemoryBound(to: CChar.self)) : ""
            offset += MemoryLayout<inotify_event>.size + Int(event.len)
            handle(event, name: name, into: &changed)
        }
    }

    private func handle(_ event: inotify_event, name: String, into changed: inout Set<String>) {
        let mask = event.mask
        if mask & UInt32(IN_Q_OVERFLOW) != 0 {
            // Events were lost: treat the sources as changed, which rebuilds everything.
            changed.insert("Content")
            return
        }
        if mask & UInt32(IN_IGNORED) != 0 {
            folders.removeValue(forKey: event.wd)
            return
        }
        guard let folder = folders[event.wd] else { return }
        if name.isEmpty {
            // The watched folder itself was deleted or moved.
            if !folder.isEmpty { changed.insert(folder) }
            return
        }
        if folder.isEmpty {
            // In the root only Content/ and Templates/ matter (moved away, or back).
            guard Self.watchedFolders.contains(name), mask & UInt32(IN_ISDIR) != 0 else { return }
        }
        guard !Self.isScratchFile(name) else { return }
        let path = folder.isEmpty ? name : folder + "/" + name
        if mask & UInt32(IN_ISDIR) != 0 && mask & (UInt32(IN_CREATE) | UInt32(IN_MOVED_TO)) != 0 {
            // A new folder: watch it and everything already inside it (a folder can be moved in whole).
            do {
                try addWatchRecursively(relative: path)
            } catch {
                changed.insert("Content")
            }
        }
        changed.insert(path)
    }

    /// Swap, backup and lock files that editors write beside the real one.
    static func isScratchFile(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || name.hasPrefix("#") || name == "4913" || name.hasSuffix(".swp")
            || name.hasSuffix(".swx") || name.hasSuffix(".tmp")
    }

    private func addWatchRecursively(relative: String) throws(DiagnosticsError) {
        let url = relative.isEmpty ? root : root.appendingPathComponent(relative)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue else { return }
        try addWatch(relative: relative)
        let children: [String]
        do {
            children = try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
        } catch {
            throw DiagnosticsError([
                .error(at: SourceLocation(path: relative), "cannot list this folder to watch it: \(error.localizedDescription)")
            ])
        }
        for child in children where !child.hasPrefix(".") {
            // lstat, so links to folders are not followed: the site's sources live inside the root.
            var info = stat()
            guard lstat(url.appendingPathComponent(child).path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { continue }
            try addWatchRecursively(relative: relative + "/" + child)
        }
    }

    private func addWatch(relative: String) throws(DiagnosticsError) {
        let path = relative.isEmpty ? root.path : root.appendingPathComponent(relative).path
        let mask = relative.isEmpty ? Self.folderMask & ~UInt32(IN_DELETE_SELF | IN_MOVE_SELF) : Self.folderMask
        let watch = inotify_add_watch(descriptor, path, mask)
        guard watch >= 0 else {
            let reason = String(cString: strerror(errno))
            throw DiagnosticsError([
                .error(
                    at: SourceLocation(path: relative.isEmpty ? "." : relative),
                    "cannot watch this folder for changes: \(reason)",
                    hint: errno == ENOSPC
                        ? "raise the limit: sudo sysctl fs.inotify.max_user_watches=524288" : "check the folder's permissions")
            ])
        }
        folders[watch] = relative
    }
}
