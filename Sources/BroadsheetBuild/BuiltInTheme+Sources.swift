import BroadsheetCore
import BroadsheetTheme

// MARK: - The built-in theme as the build reads it

extension BuiltInTheme {
    /// The theme's templates by name (`partials/card`), each named `<built-in theme>/….mustache`
    /// in diagnostics.
    static let templateSources: [String: SourceFile] = {
        var sources: [String: SourceFile] = [:]
        for file in files where file.isTemplate {
            sources[String(file.path.dropLast(".mustache".count))] = SourceFile(path: "\(folder)/\(file.path)", text: file.text)
        }
        return sources
    }()

    /// The theme's files as `path → text` under the names diagnostics give them, so a report can
    /// quote the line of a theme template it points at.
    public static var diagnosticSources: [String: String] {
        Dictionary(uniqueKeysWithValues: files.map { ("\(folder)/\($0.path)", $0.text) })
    }
}
