import BroadsheetCore
import BroadsheetTheme
import Foundation

/// The files under `Templates/assets/` laid over the built-in theme's assets, copied to
/// `assets/` in the output: a site's file replaces the theme's file of the same path.
struct Assets: Sendable {
    var files: [OutputFile]
    /// `?v=…` from a hash of the stylesheet and script, so browsers pick up new versions.
    var versionSuffix: String

    static let folder = "Templates/assets"

    /// The site's own assets (copied from `Templates/assets/`), as source paths.
    var ownFiles: [String] {
        files.compactMap { file in
            guard case .copy = file.contents else { return nil }
            return "Templates/" + file.path
        }
    }

    static func load(root: URL) -> (Assets, [Diagnostic]) {
        let base = root.appendingPathComponent(folder)
        let realRoot = root.resolvingSymlinksInPath().path + "/"
        var files: [String: OutputFile] = [:]
        var diagnostics: [Diagnostic] = []
        for file in BuiltInTheme.files where file.isAsset {
            files[file.path] = OutputFile(path: file.path, data: file.data)
        }
        var paths: [String] = []
        if let enumerator = FileManager.default.enumerator(atPath: base.path) {
            while let relative = enumerator.nextObject() as? String { paths.append(relative) }
        }
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
            files["assets/" + relative] = OutputFile(path: "assets/" + relative, copying: url)
        }
        let sorted = files.values.sorted { $0.path < $1.path }
        var hash = FNV1a()
        for file in sorted {
            let name = (file.path as NSString).lastPathComponent
            guard name == "style.css" || name == "broadsheet.js" || name == "search.js" else { continue }
            switch file.contents {
            case .data(let data): hash.add(data)
            case .copy(let url): if let data = FileManager.default.contents(atPath: url.path) { hash.add(data) }
            }
        }
        return (Assets(files: sorted, versionSuffix: sorted.isEmpty ? "" : "?v=" + String(hash.hex.prefix(10))), diagnostics)
    }
}
