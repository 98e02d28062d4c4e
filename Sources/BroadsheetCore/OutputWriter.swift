import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Commits a finished site to the output folder in one step.
///
/// The new site is assembled in a folder beside the destination and exchanged with it
/// only when every file was written, so a failed or killed build leaves the previous site
/// exactly as it was. The previous site is then kept as a hidden spare
/// (`.NAME.broadsheet-spare`), which the next build brings up to date in place: unchanged
/// files and folders are neither rewritten nor deleted, which is most of the cost of
/// writing thousands of pages. A lock on the parent folder keeps two builds from interleaving.
public struct OutputWriter: Sendable {
    /// The output folder (e.g. `ROOT/Output`).
    public let destination: URL

    /// Creates a writer for `destination`.
    public init(destination: URL) {
        self.destination = destination.standardizedFileURL
    }

    /// The hidden folder beside the output that holds the previous build between builds.
    public var spare: URL {
        destination.deletingLastPathComponent().appendingPathComponent(".\(destination.lastPathComponent).broadsheet-spare")
    }

    /// Writes `files` as the complete new content of the output folder.
    ///
    /// Throws a `DiagnosticsError` naming the path that could not be written.
    public func write(_ files: [OutputFile]) throws(DiagnosticsError) {
        // Paths come from slugs and ids that are checked earlier; this is the last line of
        // defence, so that no input can make a build write outside the output folder.
        let escaping = files.filter { !Self.staysInside($0.path) }.map(\.path)
        guard escaping.isEmpty else {
            throw DiagnosticsError(
                escaping.sorted().map { path in
                    .error(
                        at: SourceLocation(path: destination.path),
                        "refusing to write '\(path)': it would land outside the output folder",
                        hint: "this is a bug in Broadsheet (slugs and ids are checked before rendering); please report it")
                })
        }
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

        let hasOutput = isFolder(destination)
        let reusesSpare = hasOutput && isFolder(spare)
        let staging =
            reusesSpare
            ? spare
            : parent.appendingPathComponent(
                ".\(destination.lastPathComponent).staging-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        do {
            if !reusesSpare {
                if fileManager.fileExists(atPath: spare.path) { try fileManager.removeItem(at: spare) }
                // mkdir directly: Foundation's error for this is vague ("The operation could not be completed").
                guard mkdir(staging.path, 0o755) == 0 else { throw POSIXFileError(path: destination.path, code: errno) }
            }
            try FolderSync(folder: staging, linkSource: reusesSpare ? nil : destination, isNew: !reusesSpare).sync(files)
            try swapIn(staging, hasOutput: hasOutput)
        } catch {
            // A spare left half-updated is harmless: the next build brings it up to date again.
            // Best effort: the error being reported is the one that matters, and a staging
            // folder that cannot be removed now is removed by the next build.
            if !reusesSpare { try? fileManager.removeItem(at: staging) }
            throw DiagnosticsError([
                .error(
                    at: location, "cannot write the site: \(describe(error)); the previous output was left untouched",
                    hint: "check free disk space and that the output folder is writable")
            ])
        }
    }

    /// True for a relative path of plain segments: no empty, `.` or `..` segment, no leading `/`, no NUL.
    static func staysInside(_ path: String) -> Bool {
        guard !path.isEmpty, !path.utf8.contains(0) else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { segment in
            !segment.isEmpty && segment != "." && segment != ".."
        }
    }

    /// Exchanges `staging` with the destination; the previous output ends up as the spare.
    private func swapIn(_ staging: URL, hasOutput: Bool) throws {
        let fileManager = FileManager.default
        guard hasOutput else {
            if fileManager.fileExists(atPath: destination.path) {
                throw OutputWriterError("\(destination.path) exists and is not a folder")
            }
            try fileManager.moveItem(at: staging, to: destination)
            return
        }
        #if canImport(Glibc)
            // RENAME_EXCHANGE swaps both names in one step: there is no moment without an output folder.
            if let exchange = Self.renameExchange, exchange(AT_FDCWD, staging.path, AT_FDCWD, destination.path, 1 << 1) == 0 {
                if staging != spare { try fileManager.moveItem(at: staging, to: spare) }
                return
            }
        #endif
        let previous = destination.deletingLastPathComponent().appendingPathComponent(
            ".\(destination.lastPathComponent).previous-\(getpid())")
        try fileManager.moveItem(at: destination, to: previous)
        do {
            try fileManager.moveItem(at: staging, to: destination)
        } catch {
            // Put the previous output back; the error to report is the original one.
            try? fileManager.moveItem(at: previous, to: destination)
            throw error
        }
        try fileManager.moveItem(at: previous, to: spare)
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
        let prefixes = [".\(destination.lastPathComponent).staging-", ".\(destination.lastPathComponent).previous-"]
        // Cleanup of leftovers is best effort: failing to remove one must not fail the build.
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        for name in names where prefixes.contains(where: name.hasPrefix) {
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
        }
    }

    private func isFolder(_ url: URL) -> Bool {
        var info = stat()
        return lstat(url.path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
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

struct OutputWriterError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
