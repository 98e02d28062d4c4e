import BroadsheetCore
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Commits a finished site to the output folder, never touching what Broadsheet did not write.
///
/// Every build leaves a manifest (`.broadsheet-manifest`) listing the files it wrote; a
/// folder with one is Broadsheet's, and only the files it names are ever replaced or
/// removed. A non-empty folder without one is refused unless `adoptsFolder` is set.
///
/// When the output holds only Broadsheet's files, the new site is assembled in a folder
/// beside it and exchanged with it only when every file was written, so a failed or killed
/// build leaves the previous site exactly as it was. The previous site is kept as a hidden
/// spare (`.NAME.broadsheet-spare`), which the next build brings up to date in place:
/// unchanged files and folders are neither rewritten nor deleted, which is most of the cost
/// of writing thousands of pages. When the output also holds files someone else put there
/// (a `.git`, a `CNAME`), or is a mount point, the folder cannot be exchanged without
/// moving them: it is updated in place instead, every changed file written first and then
/// renamed over the old one. A lock on the parent folder keeps two builds from interleaving.
public struct OutputWriter: Sendable {
    /// The output folder (e.g. `ROOT/Output`).
    public let destination: URL
    /// Write into a non-empty folder that Broadsheet did not create, keeping everything in it.
    public var adoptsFolder: Bool

    /// Creates a writer for `destination`.
    public init(destination: URL, adoptsFolder: Bool = false) {
        self.destination = destination.standardizedFileURL
        self.adoptsFolder = adoptsFolder
    }

    /// The hidden folder beside the output that holds the previous build between builds.
    public var spare: URL {
        destination.deletingLastPathComponent().appendingPathComponent(".\(destination.lastPathComponent).broadsheet-spare")
    }

    /// What a write found in the output folder.
    public struct Summary: Sendable, Equatable {
        /// The top-most entries of the output that Broadsheet did not write and kept as they
        /// were (folders end with `/`), sorted.
        public var keptEntries: [String]
    }

    /// Writes `files` as the complete new content of the output folder (apart from foreign files, which stay).
    ///
    /// Throws a `DiagnosticsError` naming the path that could not be written, the foreign
    /// files in the way, or the reason the folder is not Broadsheet's to write.
    @discardableResult
    public func write(_ files: [OutputFile]) throws(DiagnosticsError) -> Summary {
        try begin(writesEarly: false).commit(files)
    }

    /// Takes the output folder for a build that is about to render: locks it against other
    /// builds and checks that it is Broadsheet's to write, throwing what `write` would.
    ///
    /// When the site will be assembled in a new folder beside the output (a first build, or
    /// one without a spare), files offered to the session are written there at once, while
    /// the rest of the site renders (`StagingWriter`); the output itself changes only in
    /// `OutputSession.commit`, as with `write`.
    public func begin() throws(DiagnosticsError) -> OutputSession {
        try begin(writesEarly: true)
    }

    private func begin(writesEarly: Bool) throws(DiagnosticsError) -> OutputSession {
        let parent = destination.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw DiagnosticsError([
                .error(
                    at: SourceLocation(path: destination.path), "cannot create the folder that holds the output: \(describe(error))",
                    hint: "choose an --output folder in a writable location")
            ])
        }
        let lock = try FolderLock.acquire(parent, for: destination)
        removeStaleStagingFolders(in: parent)
        let state: FolderState
        do {
            state = try inspect(destination)
        } catch {
            lock.release()
            throw error
        }
        // Early writing only where `commit` will most likely make a new staging folder; anything
        // else (a spare to bring up to date, an output written in place) waits for the whole site.
        var early: StagingWriter?
        if writesEarly, assemblesBeside(state), !spareExists {
            early = try? StagingWriter(folder: newStagingFolder(), linkSource: destination)
        }
        return OutputSession(writer: self, lock: lock, early: early)
    }

    /// Writes `files` into the output folder, which the caller has locked, using what `early` wrote.
    func commit(_ files: [OutputFile], early: StagingWriter?) throws(DiagnosticsError) -> Summary {
        let written = early?.finish()
        var committed = false
        // Once committed, the early folder is the output (or was removed as unneeded); on any
        // failure it goes, as a staging folder does.
        defer {
            if let early, !committed { removeOwnFolder(early.folder) }
        }
        let newManifest = OutputManifest(paths: try checkedPaths(files))
        let state = try inspect(destination)
        let location = SourceLocation(path: destination.path)
        let earlyFolder = early.flatMap { early in written.map { (folder: early.folder, written: $0) } }
        // A folder whose early writing failed is not used: the site is written the usual way.
        if let early, written == nil { removeOwnFolder(early.folder) }
        do {
            if case .owned(let manifest, let inventory) = state, !assemblesBeside(state) {
                if let early { removeOwnFolder(early.folder) }
                try writeInPlace(files, manifest: newManifest, previous: manifest, inventory: inventory)
                committed = true
                return Summary(keptEntries: inventory.foreignSummary)
            }
            try writeBeside(files, manifest: newManifest, hasOutput: state.exists, early: earlyFolder)
            committed = true
            return Summary(keptEntries: [])
        } catch let error as DiagnosticsError {
            throw error
        } catch {
            throw DiagnosticsError([
                .error(
                    at: location, "cannot write the site: \(describe(error)); the previous output was left untouched",
                    hint: "check free disk space and that the output folder is writable")
            ])
        }
    }

    /// The paths of `files`; refuses files that would land outside the output, take a name
    /// Broadsheet keeps for itself, or share a path with another file.
    private func checkedPaths(_ files: [OutputFile]) throws(DiagnosticsError) -> Set<String> {
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
        if let reserved = files.first(where: { OutputManifest.isReserved($0.path) }) {
            throw DiagnosticsError([
                .error(
                    at: SourceLocation(path: destination.path),
                    "refusing to write '\(reserved.path)': Broadsheet keeps that name for its own bookkeeping",
                    hint: "rename the file or page that produces it")
            ])
        }
        var paths = Set<String>(minimumCapacity: files.count)
        if let twice = files.first(where: { !paths.insert($0.path).inserted }) {
            throw DiagnosticsError([
                .error(
                    at: SourceLocation(path: destination.path),
                    "refusing to write '\(twice.path)' twice: two outputs of the site have the same path",
                    hint: "this is a bug in Broadsheet (pages, aliases and files are checked for clashes before this); please report it")
            ])
        }
        return paths
    }

    /// True when the site is assembled in a folder beside the output and exchanged with it:
    /// the output is absent, or holds only Broadsheet's files and is not a mount point.
    private func assemblesBeside(_ state: FolderState) -> Bool {
        switch state {
        case .absent: true
        case .owned(.some, let inventory): !inventory.hasForeignEntries && !isMountPoint(destination)
        case .owned(.none, _): false
        }
    }

    // MARK: - Ownership

    /// The output folder as found before writing.
    private enum FolderState {
        /// Nothing there yet.
        case absent
        /// A folder Broadsheet may write into: its manifest (nil for an empty or adopted
        /// folder, which is written in place so the folder itself stays where it is) and what
        /// else it holds.
        case owned(OutputManifest?, OutputInventory)

        var exists: Bool {
            if case .absent = self { false } else { true }
        }
    }

    private func inspect(_ folder: URL) throws(DiagnosticsError) -> FolderState {
        let location = SourceLocation(path: folder.path)
        var info = stat()
        guard lstat(folder.path, &info) == 0 else {
            if errno == ENOENT { return .absent }
            throw DiagnosticsError([
                .error(
                    at: location, "cannot read the output folder: \(String(cString: strerror(errno)))",
                    hint: "check that it is readable, or choose another --output")
            ])
        }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            throw DiagnosticsError([
                .error(
                    at: location, "the output path exists and is not a folder",
                    hint: "choose an --output folder that does not exist yet or that Broadsheet wrote before")
            ])
        }
        let manifest: OutputManifest?
        do {
            manifest = try OutputManifest.read(in: folder)
        } catch {
            throw DiagnosticsError([
                .error(
                    at: SourceLocation(path: folder.appendingPathComponent(OutputManifest.fileName).path),
                    "cannot tell which files of the output Broadsheet wrote: \(describe(error))",
                    hint:
                        "if Broadsheet wrote this folder, delete the damaged manifest and the folder's generated files; otherwise choose another --output"
                )
            ])
        }
        let inventory = OutputInventory(of: folder, manifest: manifest)
        if manifest == nil && inventory.hasForeignEntries && !adoptsFolder {
            throw DiagnosticsError([
                .error(
                    at: location,
                    "refusing to build into a folder Broadsheet did not create: it already holds \(Self.list(inventory.foreignSummary))",
                    hint:
                        "build into a new or empty folder with --output; or pass --adopt-output to write the site into this one and keep every file already there untouched (docs/output.md)"
                )
            ])
        }
        return .owned(manifest, inventory)
    }

    /// Up to five names, then how many more: enough to recognise the folder.
    static func list(_ names: [String]) -> String {
        let shown = names.prefix(5).map { "'\($0)'" }.joined(separator: ", ")
        return names.count > 5 ? "\(shown) and \(names.count - 5) more" : shown
    }

    // MARK: - Writing

    /// Assembles the site beside the output (in the spare, or a new folder) and exchanges the two.
    private func writeBeside(
        _ files: [OutputFile], manifest: OutputManifest, hasOutput: Bool, early: (folder: URL, written: StagingWriter.Written)?
    ) throws {
        let fileManager = FileManager.default
        let spareState = try inspectSpare()
        let reusesSpare = hasOutput && spareState.isReusable
        if !reusesSpare, spareState.exists {
            guard spareState.isReusable else {
                throw OutputWriterError(
                    "\(spare.lastPathComponent) beside the output holds files Broadsheet did not write (\(Self.list(spareState.foreign))); move them out or delete that folder"
                )
            }
            try fileManager.removeItem(at: spare)
        }
        // What was written early is used only in place of a new staging folder.
        let early = reusesSpare ? nil : early
        if reusesSpare, let folder = early?.folder { removeOwnFolder(folder) }
        let staging = reusesSpare ? spare : early?.folder ?? newStagingFolder()
        do {
            if reusesSpare {
                // Until the sync ends the spare holds files of both builds: the manifest names both.
                let previous = try OutputManifest.read(in: spare) ?? OutputManifest(paths: [])
                try OutputManifest(paths: previous.paths.union(manifest.paths)).write(in: spare)
            } else if let early {
                // Files written early that the finished site lacks stay named until the sync removes them.
                try OutputManifest(paths: manifest.paths.union(early.written.files)).write(in: staging)
            } else {
                // mkdir directly: Foundation's error for this is vague ("The operation could not be completed").
                guard mkdir(staging.path, 0o755) == 0 else { throw POSIXFileError(path: destination.path, code: errno) }
                // First, so a staging folder left by a killed build is recognisably Broadsheet's.
                try manifest.write(in: staging)
            }
            var sync = FolderSync(folder: staging, linkSource: reusesSpare ? nil : destination, isNew: !reusesSpare)
            sync.writtenEarly = early?.written ?? .init()
            try sync.sync(files)
            if reusesSpare || early != nil { try manifest.write(in: staging) }
            try swapIn(staging, hasOutput: hasOutput)
        } catch {
            // A spare left half-updated is harmless: its manifest names every file in it, and
            // the next build brings it up to date again. Best effort: the error being reported
            // is the one that matters, and a staging folder that cannot be removed now is
            // removed by the next build.
            if !reusesSpare { try? fileManager.removeItem(at: staging) }
            throw error
        }
    }

    /// A name for a new staging folder beside the output, unique to this build.
    private func newStagingFolder() -> URL {
        destination.deletingLastPathComponent().appendingPathComponent(
            ".\(destination.lastPathComponent).staging-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
    }

    /// Updates the output where it stands, leaving every foreign entry as it is.
    private func writeInPlace(
        _ files: [OutputFile], manifest: OutputManifest, previous: OutputManifest?, inventory: OutputInventory
    ) throws {
        let conflicts = inventory.conflicts(with: files)
        guard conflicts.isEmpty else {
            throw DiagnosticsError([
                .error(
                    at: SourceLocation(path: destination.path),
                    "the site would replace \(Self.list(conflicts)) in the output folder, which Broadsheet did not write",
                    hint:
                        "move or rename \(conflicts.count == 1 ? "it" : "them") (Broadsheet never replaces files it did not write), or build into another folder with --output"
                )
            ])
        }
        // Until the update ends the folder holds files of both builds: the manifest names both,
        // so a build killed half-way leaves nothing that would later look foreign.
        try OutputManifest(paths: (previous?.paths ?? []).union(manifest.paths)).write(in: destination)
        do {
            try FolderSync(folder: destination, linkSource: nil, isNew: false, foreign: inventory.foreignPaths).sync(files)
        } catch {
            // Nothing was put in place: the previous manifest (or none) describes the folder again.
            if let previous {
                try previous.write(in: destination)
            } else {
                unlink(destination.appendingPathComponent(OutputManifest.fileName).path)
            }
            throw error
        }
        try manifest.write(in: destination)
    }

    /// Whether anything stands at the spare's path (without reading it, unlike `inspectSpare`).
    private var spareExists: Bool {
        var info = stat()
        return lstat(spare.path, &info) == 0
    }

    /// Whether the spare exists, and whether it holds only Broadsheet's files.
    private func inspectSpare() throws -> (exists: Bool, isReusable: Bool, foreign: [String]) {
        var info = stat()
        guard lstat(spare.path, &info) == 0 else { return (false, false, []) }
        guard (info.st_mode & S_IFMT) == S_IFDIR, let manifest = try OutputManifest.read(in: spare) else {
            return (true, false, [spare.lastPathComponent])
        }
        let inventory = OutputInventory(of: spare, manifest: manifest)
        return (true, !inventory.hasForeignEntries, inventory.foreignSummary)
    }

    /// A folder on another file system than its parent cannot be exchanged by a rename.
    private func isMountPoint(_ folder: URL) -> Bool {
        var own = stat()
        var parent = stat()
        guard lstat(folder.path, &own) == 0, lstat(folder.deletingLastPathComponent().path, &parent) == 0 else { return false }
        return own.st_dev != parent.st_dev
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
    ///
    /// Only folders that carry Broadsheet's manifest (written first into every staging
    /// folder) or are empty are removed: a folder that merely has a similar name is not ours.
    private func removeStaleStagingFolders(in parent: URL) {
        let prefixes = [".\(destination.lastPathComponent).staging-", ".\(destination.lastPathComponent).previous-"]
        // Cleanup of leftovers is best effort: failing to remove one must not fail the build.
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        for name in names where prefixes.contains(where: name.hasPrefix) {
            removeOwnFolder(parent.appendingPathComponent(name))
        }
    }

    /// Removes `folder` if it is empty or holds only files its manifest names; best effort.
    func removeOwnFolder(_ folder: URL) {
        if rmdir(folder.path) == 0 { return }
        guard let manifest = try? OutputManifest.read(in: folder),
            !OutputInventory(of: folder, manifest: manifest).hasForeignEntries
        else { return }
        try? FileManager.default.removeItem(at: folder)
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
