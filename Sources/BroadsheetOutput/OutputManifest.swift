import BroadsheetCore
import Foundation

/// The list of files Broadsheet wrote into an output folder, kept in the folder itself.
///
/// It is what makes a folder Broadsheet's own: a build replaces and removes only the files
/// the manifest names (and folders holding nothing else), so a `.git`, a `CNAME` or anything
/// else put into the output by hand is never touched. A non-empty folder without one is not
/// Broadsheet's, and a build refuses to write into it unless told to adopt it.
struct OutputManifest: Equatable {
    /// The manifest's file name, at the top of the output folder.
    static let fileName = ".broadsheet-manifest"

    /// Temporary files end with this while they are written; they are Broadsheet's own.
    static let temporarySuffix = ".broadsheet-tmp"

    /// True for the names Broadsheet keeps for its own bookkeeping, which no page may take.
    static func isReserved(_ path: String) -> Bool { path == fileName || path.hasSuffix(temporarySuffix) }

    /// The first line: how a manifest is recognised.
    private static let signature = "# broadsheet-manifest 1"

    /// Paths relative to the output folder, `/`-separated.
    var paths: Set<String>

    init(paths: Set<String>) { self.paths = paths }

    /// The manifest's bytes: a short explanation, then one path a line, sorted (deterministic).
    var data: Data {
        var text = Self.signature + "\n"
        text += "# Written by Broadsheet: the files below are the ones its last build wrote into this folder.\n"
        text += "# A build replaces and removes only these; every other file here is left alone.\n"
        for path in paths.sorted() {
            text += path + "\n"
        }
        return Data(text.utf8)
    }

    /// Reads the manifest of `folder`; nil when there is none (the folder is not Broadsheet's).
    ///
    /// Throws when a manifest exists but cannot be read or is not one: guessing ownership
    /// from a damaged file could delete someone's work.
    static func read(in folder: URL) throws -> OutputManifest? {
        let url = folder.appendingPathComponent(fileName)
        var info = stat()
        guard lstat(url.path, &info) == 0 else {
            if errno == ENOENT { return nil }
            throw POSIXFileError(path: url.path, code: errno)
        }
        guard (info.st_mode & S_IFMT) == S_IFREG, let data = FileManager.default.contents(atPath: url.path) else {
            throw OutputWriterError("\(url.path) is not a readable Broadsheet manifest")
        }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
        guard lines.first == Substring(signature) else {
            throw OutputWriterError("\(url.path) is not a Broadsheet manifest (its first line is not '\(signature)')")
        }
        return OutputManifest(paths: Set(lines.dropFirst().filter { !$0.hasPrefix("#") }.map(String.init)))
    }

    /// Replaces the manifest of `folder` in one step (written beside it, then renamed).
    func write(in folder: URL) throws {
        let path = folder.appendingPathComponent(Self.fileName).path
        if let failure = FolderSync.replaceFile(path, data) { throw failure }
    }
}
