import BroadsheetCore
import Foundation

/// The editions of a site by file name, read without loading them: `newsletter build` checks
/// the name it is given before it builds (and so loads and resolves) the site once.
public enum EditionNames {
    /// Throws "there is no edition called …" with a suggestion unless `Content/newsletters/NAME.md` exists under `root`.
    public static func check(_ name: String, root: URL) throws(DiagnosticsError) {
        let folder = root.appendingPathComponent("Content/newsletters")
        let files: [String]
        do {
            files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            files = []  // no folder: no editions, said below
        }
        let names = files.filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)).precomposedStringWithCanonicalMapping }
            .sorted()
        guard !names.contains(name.precomposedStringWithCanonicalMapping) else { return }
        throw DiagnosticsError([
            .error(
                at: SourceLocation(path: "Content/newsletters/\(name).md"), "there is no edition called '\(name)'",
                hint: Suggestion.hint(
                    for: name, in: names,
                    otherwise: names.isEmpty
                        ? "write one in Content/newsletters/ (see docs/newsletters.md)"
                        : "editions: \(names.joined(separator: ", "))"))
        ])
    }
}
