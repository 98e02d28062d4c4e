import BroadsheetCore
import Foundation

/// What an existing output folder holds, split into Broadsheet's own entries and everyone else's.
///
/// A file is Broadsheet's when its manifest names it (or it is the manifest, or one of
/// Broadsheet's temporary files); a folder is Broadsheet's when it holds one of those files.
/// Everything else is foreign: a build keeps it exactly as it is.
struct OutputInventory {
    /// Files (anything that is not a folder) that Broadsheet did not write.
    var foreignFiles: Set<String>
    /// Folders that hold no file Broadsheet wrote.
    var foreignFolders: Set<String>
    /// Every folder, Broadsheet's or not.
    var folders: Set<String>

    /// Lists `folder` and sorts its entries by owner.
    init(of folder: URL, manifest: OutputManifest?) {
        let entries = FolderSync.entries(of: folder)
        let owned = manifest?.paths ?? []
        var ownedFolders: Set<String> = []
        for path in owned {
            var parent = Substring(path)
            while let slash = parent.lastIndex(of: "/") {
                parent = parent[..<slash]
                guard ownedFolders.insert(String(parent)).inserted else { break }
            }
        }
        foreignFiles = entries.files.filter { path in
            !owned.contains(path) && path != OutputManifest.fileName && !path.hasSuffix(OutputManifest.temporarySuffix)
        }
        foreignFolders = entries.folders.subtracting(ownedFolders)
        folders = entries.folders
    }

    /// True when the folder holds anything Broadsheet did not write.
    var hasForeignEntries: Bool { !foreignFiles.isEmpty || !foreignFolders.isEmpty }

    /// Every foreign path, files and folders.
    var foreignPaths: Set<String> { foreignFiles.union(foreignFolders) }

    /// The top-most foreign entries, folders marked with a trailing `/`, sorted: what a message names.
    var foreignSummary: [String] {
        foreignPaths.filter { path in
            guard let slash = path.lastIndex(of: "/") else { return true }
            return !foreignFolders.contains(String(path[..<slash]))
        }
        .map { foreignFolders.contains($0) ? $0 + "/" : $0 }
        .sorted()
    }

    /// Paths where the new site would have to replace or remove something foreign: a
    /// foreign file where the site writes a file or needs a folder, or a folder holding
    /// foreign entries where the site writes a file.
    func conflicts(with files: [OutputFile]) -> [String] {
        var conflicts: Set<String> = []
        var neededFolders: Set<String> = []
        for file in files {
            if foreignFiles.contains(file.path) { conflicts.insert(file.path) }
            if folders.contains(file.path) && foreignPaths.contains(where: { $0 == file.path || $0.hasPrefix(file.path + "/") }) {
                conflicts.insert(file.path + "/")
            }
            var parent = Substring(file.path)
            while let slash = parent.lastIndex(of: "/") {
                parent = parent[..<slash]
                guard neededFolders.insert(String(parent)).inserted else { break }
            }
        }
        for folder in neededFolders where foreignFiles.contains(folder) {
            conflicts.insert(folder)
        }
        return conflicts.sorted()
    }
}
