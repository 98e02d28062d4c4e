import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Commits a finished site to the output folder in one step.
///
/// Files are written to a staging folder beside the destination and swapped in only
/// when every file was written, so a failed or killed build leaves the previous site
/// exactly as it was. A lock on the parent folder keeps two builds from interleaving.
public struct OutputWriter: Sendable {
    /// The output folder (e.g. `ROOT/Output`).
    public let destination: URL

    /// Creates a writer for `destination`.
    public init(destination: URL) {
        self.destination = destination.standardizedFileURL
    }

    /// Writes `files` as the complete new content of the output folder.
    ///
    /// Throws a `DiagnosticsError` naming the path that could not be written.
    public func write(_ files: [OutputFile]) throws(DiagnosticsError) {
        let fileManager = FileManager.default
        let parent = destination.deletingLastPathComponent()
        let location = SourceLocation(path: destination.path)
        do {
            try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw DiagnosticsError([
                .error(
                    at: location, "cannot create the folder that holds the output: \(describe(error))",
                    hint: "choose an --output folder in a writable location")
            ])
        }
        let lock = try FolderLock.acquire(parent, for: destination)
        defer { lock.release() }

        removeStaleStagingFolders(in: parent)
        let staging = parent.appendingPathComponent(
            ".\(destination.lastPathComponent).staging-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        do {
            try writeAll(files, into: staging)
            try swapIn(staging)
        } catch {
            try? fileManager.removeItem(at: staging)
            throw DiagnosticsError([
                .error(
                    at: location, "cannot write the site: \(describe(error)); the previous output was left untouched",
                    hint: "check free disk space and that the output folder is writable")
            ])
        }
    }

    private func writeAll(_ files: [OutputFile], into staging: URL) throws {
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false)
        var folders: Set<String> = []
        for file in files {
            var folder = Substring(file.path)
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                guard folders.insert(String(folder)).inserted else { break }
            }
        }
        // Sorted, so every parent is created before its children.
        for folder in folders.sorted() {
            let path = staging.path + "/" + folder
            guard mkdir(path, 0o755) == 0 || errno == EEXIST else { throw POSIXFileError(path: path, code: errno) }
        }
        // Plain POSIX calls: Foundation's Data.write and createDirectory cost more than the I/O here.
        let written = files.parallelMap { file -> POSIXFileError? in
            let target = staging.path + "/" + file.path
            switch file.contents {
            case .data(let data):
                return Self.writeFile(target, data)
            case .copy(let source):
                guard let data = FileManager.default.contents(atPath: source.path) else {
                    return POSIXFileError(path: source.path, code: ENOENT)
                }
                return Self.writeFile(target, data)
            }
        }
        if let failure = written.compactMap({ $0 }).first { throw failure }
    }

    private static func writeFile(_ path: String, _ data: Data) -> POSIXFileError? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return POSIXFileError(path: path, code: errno) }
        defer { close(descriptor) }
        return data.withUnsafeBytes { buffer -> POSIXFileError? in
            var offset = 0
            while offset < buffer.count {
                let result = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if result < 0 {
                    if errno == EINTR { continue }
                    return POSIXFileError(path: path, code: errno)
                }
                offset += result
            }
            return nil
        }
    }

    /// Exchanges the staging folder with the destination atomically where the kernel allows it.
    private func swapIn(_ staging: URL) throws {
        let fileManager = FileManager.default
        var isFolder: ObjCBool = false
        guard fileManager.fileExists(atPath: destination.path, isDirectory: &isFolder) else {
            try fileManager.moveItem(at: staging, to: destination)
            return
        }
        guard isFolder.boolValue else {
            throw OutputWriterError("\(destination.path) exists and is not a folder")
        }
        #if canImport(Glibc)
            // RENAME_EXCHANGE swaps both names in one step: no moment without an output folder.
            if let exchange = Self.renameExchange, exchange(AT_FDCWD, staging.path, AT_FDCWD, destination.path, 1 << 1) == 0 {
                try fileManager.removeItem(at: staging)
                return
            }
        #endif
        let previous = destination.deletingLastPathComponent().appendingPathComponent(
            ".\(destination.lastPathComponent).previous-\(getpid())")
        try fileManager.moveItem(at: destination, to: previous)
        do {
            try fileManager.moveItem(at: staging, to: destination)
        } catch {
            try? fileManager.moveItem(at: previous, to: destination)
            throw error
        }
        try fileManager.removeItem(at: previous)
    }

    #if canImport(Glibc)
        private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

        /// glibc's `renameat2`, looked up at run time because Swift's Glibc module does not import it.
        private static let renameExchange: RenameAt2? = {
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return nil }
            return unsafeBitCast(symbol, to: RenameAt2.self)
        }()
    #endif

    /// Staging folders left by killed builds; safe to remove while we hold the lock.
    private func removeStaleStagingFolders(in parent: URL) {
        let prefix = ".\(destination.lastPathComponent).staging-"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        for name in names where name.hasPrefix(prefix) {
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
        }
    }

    private func describe(_ error: any Error) -> String {
        if let error = error as? OutputWriterError { return error.message }
        if let error = error as? POSIXFileError { return error.description }
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain,
            let code = POSIXErrorCode(rawValue: Int32(underlying.code))
        {
            return String(cString: strerror(code.rawValue))
        }
        return nsError.localizedDescription
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

struct OutputWriterError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}

/// An exclusive, non-blocking `flock` on a folder, released when the process dies.
final class FolderLock {
    private let descriptor: Int32

    private init(descriptor: Int32) { self.descriptor = descriptor }

    static func acquire(_ folder: URL, for destination: URL) throws(DiagnosticsError) -> FolderLock {
        let descriptor = open(folder.path, O_RDONLY)
        guard descriptor >= 0 else {
            throw DiagnosticsError([
                .error(
                    at: SourceLocation(path: destination.path),
                    "cannot open \(folder.path) to lock it: \(String(cString: strerror(errno)))")
            ])
        }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            close(descriptor)
            throw DiagnosticsError([
                .error(
                    at: SourceLocation(path: destination.path),
                    "another Broadsheet build is writing to this output folder right now",
                    hint: "wait for it to finish, or build into another folder with --output")
            ])
        }
        return FolderLock(descriptor: descriptor)
    }

    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
