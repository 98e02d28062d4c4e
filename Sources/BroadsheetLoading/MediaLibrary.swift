import BroadsheetCore
import Foundation

/// One file of `Content/media/`, published under a name that holds a hash of its bytes.
public struct MediaFile: Sendable, Hashable {
    /// The path inside `Content/media/` (`photo.jpg`, `maps/china.png`).
    public var name: String
    /// Where it is published in the output: `media/photo.3f2a9c1b.jpg`.
    public var outputPath: String
    /// Width and height, for images.
    public var size: ImageSize?
    /// The source file, copied when the output is written.
    public var source: URL
}

/// The files of `Content/media/`: images and other files that articles and pages link to.
///
/// Each is published as `media/NAME.HASH.EXT`, so a changed image gets a new address and a
/// browser or CDN never shows a stale copy; images are sized from their headers here, once.
public struct MediaLibrary: Sendable, Hashable {
    /// Files by their path inside `Content/media/`.
    public var files: [String: MediaFile] = [:]

    /// The folder, relative to the site root.
    public static let folder = "Content/media"

    /// An empty library.
    public init() {}

    /// The file a Markdown destination names: `media/photo.jpg` or `/media/photo.jpg` (a query
    /// or fragment is ignored); nil for other destinations and unknown files.
    public func file(for destination: String) -> MediaFile? {
        guard let name = Self.name(in: destination) else { return nil }
        return files[name]
    }

    /// The path inside `Content/media/` that a destination means, when it is in the media folder.
    public static func name(in destination: String) -> String? {
        var path = Substring(destination)
        if let end = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<end] }
        for prefix in ["/media/", "media/"] where path.hasPrefix(prefix) {
            let name = String(path.dropFirst(prefix.count))
            return name.isEmpty ? nil : (name.removingPercentEncoding ?? name)
        }
        return nil
    }

    /// Reads every file under `root/Content/media/` (hidden files left out), hashing and sizing each.
    public static func load(root: URL) -> (MediaLibrary, [Diagnostic]) {
        var library = MediaLibrary()
        var diagnostics: [Diagnostic] = []
        let base = root.appendingPathComponent(folder)
        guard let enumerator = FileManager.default.enumerator(atPath: base.path) else { return (library, []) }
        let realRoot = root.resolvingSymlinksInPath().path + "/"
        var names: [String] = []
        while let relative = enumerator.nextObject() as? String { names.append(relative) }
        for name in names.sorted() {
            let url = base.appendingPathComponent(name)
            let location = SourceLocation(path: folder + "/" + name)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue,
                !name.split(separator: "/").contains(where: { $0.hasPrefix(".") })
            else { continue }
            guard url.resolvingSymlinksInPath().path.hasPrefix(realRoot) else {
                diagnostics.append(
                    .error(
                        at: location, "this asset is a link to a file outside the site folder",
                        hint: "copy the file into Content/media/ instead of linking to it"))
                continue
            }
            let data: Data
            do {
                data = try Data(contentsOf: url)
            } catch {
                diagnostics.append(
                    .error(
                        at: location, "cannot read the file: \(error.localizedDescription)",
                        hint: "check that the file exists and is readable"))
                continue
            }
            let fileExtension = (name as NSString).pathExtension.lowercased()
            var size: ImageSize?
            if ImageHeader.extensions.contains(fileExtension) {
                switch ImageHeader.size(of: data, fileExtension: fileExtension) {
                case .success(let found): size = found
                case .failure(let failure):
                    diagnostics.append(
                        .error(
                            at: location, "cannot read the image's size: \(failure.reason)",
                            hint: "save it again as a PNG, JPEG, GIF or WebP, or an SVG with width and height or a viewBox"))
                    continue
                }
            }
            library.files[name] = MediaFile(
                name: name, outputPath: "media/" + hashedName(name, data: data), size: size, source: url)
        }
        return (library, diagnostics)
    }

    /// `maps/china.png` with its bytes → `maps/china.3f2a9c1b.png`: the first 8 hex digits of
    /// the FNV-1a hash of the contents before the extension.
    public static func hashedName(_ name: String, data: Data) -> String {
        let hex = String(FNV1a.hash(data), radix: 16)
        let digits = String(repeating: "0", count: max(0, 16 - hex.count)) + hex
        let nsName = name as NSString
        let stem = nsName.deletingPathExtension
        let fileExtension = nsName.pathExtension
        return stem + "." + digits.prefix(8) + (fileExtension.isEmpty ? "" : "." + fileExtension)
    }
}
