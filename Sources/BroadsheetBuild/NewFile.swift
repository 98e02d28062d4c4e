import BroadsheetCore
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Creates a file that must not exist yet (`O_EXCL`), so `broadsheet new` and `broadsheet init`
/// never overwrite anything, not even a file created a moment earlier by someone else.
public enum NewFile {
    /// Creates `url` with `data`, and its folders; `displayPath` names it in diagnostics.
    public static func create(_ url: URL, data: Data, displayPath: String) throws(Diagnostic) {
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw .error(
                at: SourceLocation(path: displayPath), "cannot create the folder: \(error.localizedDescription)",
                hint: "check that the site folder is writable, or pass the right one with --root")
        }
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            let code = errno
            throw .error(
                at: SourceLocation(path: displayPath),
                code == EEXIST ? "this file already exists" : "cannot create this file: \(String(cString: strerror(code)))",
                hint: code == EEXIST ? "edit it, or choose another title or --slug" : "check the folder's permissions")
        }
        defer { close(descriptor) }
        let written = data.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == data.count else {
            throw .error(
                at: SourceLocation(path: displayPath), "cannot write this file: \(String(cString: strerror(errno)))",
                hint: "free some disk space; remove the empty file it left and run the command again")
        }
    }
}
