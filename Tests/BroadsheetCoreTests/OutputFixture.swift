import Foundation

@testable import BroadsheetCore

/// What the output writer's tests share: a temporary folder to build into, sites as
/// path → text, and the files a folder ends up holding.
enum OutputFixture {
    /// A new, empty temporary folder; tests write `Output` inside it.
    static func parentFolder(_ prefix: String) throws -> URL {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        return parent
    }

    /// A site's files from path → text, sorted by path.
    static func site(_ pages: [String: String]) -> [OutputFile] {
        pages.sorted { $0.key < $1.key }.map { OutputFile(path: $0.key, text: $0.value) }
    }

    /// Every file under `folder` (path → text), the manifest included.
    static func tree(_ folder: URL) throws -> [String: String] {
        var result: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let relative = enumerator?.nextObject() as? String {
            if enumerator?.fileAttributes?[.type] as? FileAttributeType != .typeDirectory {
                result[relative] = try String(contentsOf: folder.appendingPathComponent(relative), encoding: .utf8)
            }
        }
        return result
    }
}
