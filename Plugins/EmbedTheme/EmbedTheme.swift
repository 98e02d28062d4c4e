import Foundation
import PackagePlugin

/// Embeds the repository's `Templates/` in `BroadsheetTheme` as Swift source at build time, so
/// the `broadsheet` binary carries its built-in theme wherever it is copied.
///
/// Every file under `Templates/` is an input: editing, adding or removing one regenerates the
/// source on the next build (the list of inputs is taken again each time the build is planned).
@main
struct EmbedTheme: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) async throws -> [Command] {
        let templates = context.package.directoryURL.appending(path: "Templates")
        let output = context.pluginWorkDirectoryURL.appending(path: "BuiltInThemeFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding the built-in theme from Templates/",
                executable: try context.tool(named: "ThemeEmbedder").url,
                arguments: [templates.path, output.path],
                inputFiles: [templates] + files(under: templates),
                outputFiles: [output])
        ]
    }

    /// Every regular, non-hidden file under `folder`, sorted.
    private func files(under folder: URL) -> [URL] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var result: [URL] = []
        while let relative = enumerator.nextObject() as? String {
            let url = folder.appending(path: relative)
            var isFolder: ObjCBool = false
            if (relative as NSString).lastPathComponent.hasPrefix(".") { continue }
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
                result.append(url)
            }
        }
        return result.sorted { $0.path < $1.path }
    }
}
