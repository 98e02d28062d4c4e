import BroadsheetCore
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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
                    "cannot open \(folder.path) to lock it: \(String(cString: strerror(errno)))",
                    hint: "check that the folder holding the output exists and is readable, or choose another --output")
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
