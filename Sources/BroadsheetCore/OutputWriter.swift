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
        let fileManager = FileManager.default
        try fileManager.createDirectory(at: staging, withIntermediateDirectories: false)
        var folders: Set<String> = []
        for file in files {
            let folder = (file.path as NSString).deletingLastPathComponent
            if !folder.isEmpty { folders.insert(folder) }
        }
        for folder in folders.sorted() {
            try fileManager.createDirectory(
                at: staging.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        for file in files {
            let target = staging.appendingPathComponent(file.path)
            switch file.contents {
            case .data(let data):
                try data.write(to: target)
            case .copy(let source):
                try fileManager.copyItem(at: source, to: target)
            }
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
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain,
            let code = POSIXErrorCode(rawValue: Int32(underlying.code))
        {
            return String(cString: strerror(code.rawValue))
        }
        return nsError.localizedDescription
    }
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
