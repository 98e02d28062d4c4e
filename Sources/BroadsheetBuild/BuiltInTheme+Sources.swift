import BroadsheetCore
import BroadsheetTheme

// MARK: - The built-in theme as the build reads it

extension BuiltInTheme {
    /// The theme's templates by name (`partials/card`), each named `<built-in theme>/….mustache`
    /// in diagnostics. Made anew for each load (a few dozen small files) rather than kept in a
    /// global, where LeakSanitizer cannot follow Swift strings and reports them as leaked.
    static var templateSources: [String: SourceFile] {
        var sources: [String: SourceFile] = [:]
        for file in files where file.isTemplate {
            sources[String(file.path.dropLast(".mustache".count))] = SourceFile(path: "\(folder)/\(file.path)", text: file.text)
        }
        return sources
    }

    /// The theme's files as `path → text` under the names diagnostics give them, so a report can
    /// quote the line of a theme template it points at.
    public static var diagnosticSources: [String: String] {
        Dictionary(uniqueKeysWithValues: files.map { ("\(folder)/\($0.path)", $0.text) })
    }
}
