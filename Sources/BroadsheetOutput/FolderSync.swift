import BroadsheetCore
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Makes a folder hold exactly a set of files, touching only what differs.
///
/// Files already there with the same bytes are left alone; others are written to a
/// temporary name and renamed into place (never rewritten in place: the spare may share
/// inodes with the live output through hard links). Files and folders that are no longer
/// needed are removed, except `foreign` ones, which Broadsheet did not write and never
/// touches. In a new, empty folder, files identical to ones in `linkSource` are
/// hard-linked from there instead of written.
///
/// In a folder that already exists, every changed file is written under its temporary
/// name first; only when all were written are they renamed into place, so a write that
/// fails (a full disk) leaves the folder as it was.
struct FolderSync {
    let folder: URL
    let linkSource: URL?
    /// The folder was just created by this build and is empty: nothing in it can share an
    /// inode with the live output, so files are created directly instead of renamed into place.
    var isNew = false
    /// Paths of files and folders Broadsheet did not write: kept as they are. The caller has
    /// checked that no file of the new site lands on one of them.
    var foreign: Set<String> = []
    /// What a `StagingWriter` already put into the new folder while the site rendered: trusted
    /// to be there, and removed like any stale entry if the finished site no longer has it.
    var writtenEarly = StagingWriter.Written()

    func sync(_ files: [OutputFile]) throws {
        let root = folder.path
        let existing = isNew ? (files: writtenEarly.files, folders: writtenEarly.folders) : Self.entries(of: folder)
        var neededFolders: Set<String> = []
        for file in files {
            var parent = Substring(file.path)
            while let slash = parent.lastIndex(of: "/") {
                parent = parent[..<slash]
                guard neededFolders.insert(String(parent)).inserted else { break }
            }
        }
        var createdFolders: [String] = []
        for folder in neededFolders.sorted() where !existing.folders.contains(folder) {
            let path = root + "/" + folder
            // A stale file of ours where a folder is now needed goes first.
            if existing.files.contains(folder) && !foreign.contains(folder) { unlink(path) }
            if mkdir(path, 0o755) == 0 {
                createdFolders.append(path)
            } else if errno != EEXIST {
                let failure = POSIXFileError(path: path, code: errno)
                Self.removeFolders(createdFolders)
                throw failure
            }
        }
        let linkRoot = linkSource?.path
        let outcomes = files.parallelMap { file -> Result<String?, POSIXFileError> in
            if isNew && existing.files.contains(file.path) { return .success(nil) }
            let data: Data
            switch Self.contents(of: file) {
            case .success(let bytes): data = bytes
            case .failure(let error): return .failure(error)
            }
            if isNew { return Self.createInNewFolder(file.path, data, root: root, linkRoot: linkRoot).map { .failure($0) } ?? .success(nil) }
            let target = root + "/" + file.path
            if existing.files.contains(file.path) && Self.fileEquals(target, data) { return .success(nil) }
            return Self.writeTemporary(for: target, data).map { .failure($0) } ?? .success(file.path)
        }
        var pending: [String] = []
        var failure: POSIXFileError?
        for outcome in outcomes {
            switch outcome {
            case .success(let path?): pending.append(path)
            case .success(nil): break
            case .failure(let error): failure = failure ?? error
            }
        }
        if let failure {
            for path in pending { unlink(root + "/" + path + OutputManifest.temporarySuffix) }
            Self.removeFolders(createdFolders)
            throw failure
        }
        // Everything is on disk: put the new files in place.
        for path in pending {
            let target = root + "/" + path
            // A folder of ours where a file is now needed (the caller refused it if it held anything foreign).
            if existing.folders.contains(path) { try FileManager.default.removeItem(atPath: target) }
            guard rename(target + OutputManifest.temporarySuffix, target) == 0 else {
                throw POSIXFileError(path: target, code: errno)
            }
        }

        let wanted = Set(files.map(\.path))
        for path in existing.files where !wanted.contains(path) && !neededFolders.contains(path) && !foreign.contains(path) {
            unlink(root + "/" + path)
        }
        // Deepest first, so a folder is empty when its turn comes; one that still holds
        // something foreign is not empty, and rmdir leaves it.
        for folder in existing.folders.sorted(by: >)
        where !neededFolders.contains(folder) && !wanted.contains(folder) && !foreign.contains(folder) {
            rmdir(root + "/" + folder)
        }
    }

    /// The bytes `file` will hold.
    static func contents(of file: OutputFile) -> Result<Data, POSIXFileError> {
        switch file.contents {
        case .data(let bytes):
            return .success(bytes)
        case .copy(let source):
            guard let bytes = FileManager.default.contents(atPath: source.path) else {
                return .failure(POSIXFileError(path: source.path, code: ENOENT))
            }
            return .success(bytes)
        }
    }

    /// Puts `data` at `path` under `root`, a folder this build created: hard-linked from the
    /// same path under `linkRoot` when that file holds the same bytes, otherwise created there.
    static func createInNewFolder(_ path: String, _ data: Data, root: String, linkRoot: String?) -> POSIXFileError? {
        let target = root + "/" + path
        if let linkRoot, fileEquals(linkRoot + "/" + path, data), link(linkRoot + "/" + path, target) == 0 { return nil }
        // Creating the file where it belongs saves a rename per file, a fifth of the
        // cost of each file on a slow disk.
        return createFile(target, data)
    }

    /// Removes folders this sync created, deepest first (after a failure).
    private static func removeFolders(_ paths: [String]) {
        for path in paths.sorted(by: >) { rmdir(path) }
    }

    /// Every file (anything not a folder) and folder under `folder`, relative to it.
    ///
    /// A plain `readdir` walk: Foundation's enumerator stats and bridges every entry, which
    /// was most of the write stage on a rebuild of ten thousand pages.
    static func entries(of folder: URL) -> (files: Set<String>, folders: Set<String>) {
        var files: Set<String> = []
        var folders: Set<String> = []
        var pending: [String] = [""]
        while let relative = pending.popLast() {
            guard let directory = opendir(relative.isEmpty ? folder.path : folder.path + "/" + relative) else { continue }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { buffer in
                    String(decoding: buffer.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name == "." || name == ".." { continue }
                let path = relative.isEmpty ? name : relative + "/" + name
                var isFolder = Int32(entry.pointee.d_type) == Int32(DT_DIR)
                if Int32(entry.pointee.d_type) == Int32(DT_UNKNOWN) {
                    var info = stat()
                    isFolder = lstat(folder.path + "/" + path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
                }
                if isFolder {
                    folders.insert(path)
                    pending.append(path)
                } else {
                    files.insert(path)
                }
            }
        }
        return (files, folders)
    }

    /// True when the regular file at `path` holds exactly `data`.
    static func fileEquals(_ path: String, _ data: Data) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == data.count else {
            return false
        }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        guard !data.isEmpty else { return true }
        let existing = UnsafeMutableRawBufferPointer.allocate(byteCount: data.count, alignment: 16)
        defer { existing.deallocate() }
        var offset = 0
        while offset < data.count {
            let count = read(descriptor, existing.baseAddress! + offset, data.count - offset)
            if count <= 0 { return false }
            offset += count
        }
        return data.withUnsafeBytes { memcmp($0.baseAddress!, existing.baseAddress!, data.count) == 0 }
    }

    /// Writes `data` under a temporary name beside `path` and renames it over `path`.
    static func replaceFile(_ path: String, _ data: Data) -> POSIXFileError? {
        if let failure = writeTemporary(for: path, data) { return failure }
        let temporary = path + OutputManifest.temporarySuffix
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            return POSIXFileError(path: path, code: code)
        }
        return nil
    }

    /// Writes `data` to `path` plus the temporary suffix, ready to be renamed over `path`.
    static func writeTemporary(for path: String, _ data: Data) -> POSIXFileError? {
        let temporary = path + OutputManifest.temporarySuffix
        // O_NOFOLLOW: a link planted under the temporary name must not redirect the write.
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else { return POSIXFileError(path: path, code: errno) }
        if let failure = writeAll(descriptor, data, path: path) {
            unlink(temporary)
            return failure
        }
        return nil
    }

    /// Creates the file at `path` holding `data`, in a folder no other build can see yet.
    static func createFile(_ path: String, _ data: Data) -> POSIXFileError? {
        // O_EXCL | O_NOFOLLOW: the folder is new, so anything already at this path (a planted link) is refused.
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else { return POSIXFileError(path: path, code: errno) }
        if let failure = writeAll(descriptor, data, path: path) {
            unlink(path)
            return failure
        }
        return nil
    }

    /// Writes all of `data` to `descriptor` and closes it.
    private static func writeAll(_ descriptor: Int32, _ data: Data, path: String) -> POSIXFileError? {
        defer { close(descriptor) }
        let written = data.withUnsafeBytes { writeAll(descriptor, $0) }
        return written ? nil : POSIXFileError(path: path, code: errno)
    }

    /// Writes all of `bytes` to `descriptor`; false (with `errno` set) when a write fails.
    static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let result = systemWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if result < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += result
        }
        return true
    }
}

/// The C library's `write`, named so it does not collide with instance methods.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
        Glibc.write(descriptor, bytes, count)
    #else
        Darwin.write(descriptor, bytes, count)
    #endif
}

/// A failed system call on a file, with the file and the system's reason.
struct POSIXFileError: Error, CustomStringConvertible {
    var path: String
    var code: Int32
    var description: String { "\(String(cString: strerror(code))) (\((path as NSString).lastPathComponent))" }
}
