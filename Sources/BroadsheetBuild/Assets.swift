import BroadsheetCore
import Foundation

/// The files under `Templates/assets/`, copied to `assets/` in the output.
struct Assets: Sendable {
    var files: [OutputFile]
    /// `?v=…` from a hash of the stylesheet and script, so browsers pick up new versions.
    var versionSuffix: String

    static let folder = "Templates/assets"

    static func load(root: URL) -> (Assets, [Diagnostic]) {
        let base = root.appendingPathComponent(folder)
        let realRoot = root.resolvingSymlinksInPath().path + "/"
        var files: [OutputFile] = []
        var diagnostics: [Diagnostic] = []
        var hash = FNV1a()
        guard let enumerator = FileManager.default.enumerator(atPath: base.path) else {
            return (Assets(files: [], versionSuffix: ""), [])
        }
        var paths: [String] = []
        while let relative = enumerator.nextObject() as? String { paths.append(relative) }
        for relative in paths.sorted() {
            let url = base.appendingPathComponent(relative)
            let name = (relative as NSString).lastPathComponent
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            if name.hasPrefix(".") { continue }
            let resolved = url.resolvingSymlinksInPath().path
            guard resolved.hasPrefix(realRoot) else {
                diagnostics.append(
                    .error(
                        at: SourceLocation(path: "\(folder)/\(relative)"),
                        "this asset is a link to a file outside the site folder",
                        hint: "copy the file into Templates/assets/ instead of linking to it"))
                continue
            }
            if name == "style.css" || name == "broadsheet.js" || name == "search.js", let data = FileManager.default.contents(atPath: url.path) {
                hash.add(data)
            }
            files.append(OutputFile(path: "assets/" + relative, copying: url))
        }
        return (Assets(files: files, versionSuffix: files.isEmpty ? "" : "?v=" + String(hash.hex.prefix(10))), diagnostics)
    }
}
