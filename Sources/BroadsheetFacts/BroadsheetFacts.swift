import BroadsheetCore
import Foundation

/// Loads and checks `Content/facts/`: sources, entities, events, comparisons and series.
public enum FactBookLoader {
    /// The files read, in order; each is optional.
    public static let fileNames = ["sources.yaml", "entities.yaml", "events.yaml", "comparisons.yaml", "series.yaml"]

    /// Reads the facts folder under `root` (e.g. `Content/facts`) and validates every reference.
    ///
    /// Returns the book (when there are no errors) and every diagnostic, warnings included.
    public static func load(root: URL, folder: String = "Content/facts") -> (FactBook?, [Diagnostic]) {
        var files: [String: SourceFile] = [:]
        var diagnostics: [Diagnostic] = []
        let siteRoot = SourceRoot(root)
        for name in fileNames {
            let path = folder + "/" + name
            let url = root.appendingPathComponent(path)
            guard FileManager.default.fileExists(atPath: url.path) else { continue }
            switch siteRoot.read(path) {
            case .success(let file): files[name] = file
            case .failure(let diagnostic): diagnostics.append(diagnostic)
            }
        }
        // A file that cannot be read would make every reference to its ids look unknown:
        // report the file alone, and check the others without cross-references.
        let (book, more) = load(files: files, validatesReferences: diagnostics.isEmpty)
        diagnostics += more
        return (diagnostics.containsErrors ? nil : book, diagnostics)
    }

    /// Parses already-read files keyed by file name (`sources.yaml`, …) and validates them.
    ///
    /// With `validatesReferences` false (some file was unreadable), ids are not checked across files.
    public static func load(files: [String: SourceFile], validatesReferences: Bool = true) -> (FactBook, [Diagnostic]) {
        var parser = FactFileParser()
        if let file = files["sources.yaml"] { parser.parseSources(file) }
        if let file = files["entities.yaml"] { parser.parseEntities(file) }
        if let file = files["events.yaml"] { parser.parseEvents(file) }
        if let file = files["comparisons.yaml"] { parser.parseComparisons(file) }
        if let file = files["series.yaml"] { parser.parseSeries(file) }
        let book = FactBook(
            sources: parser.sources, entities: parser.entities, events: parser.events,
            comparisons: parser.comparisons, series: parser.series)
        var diagnostics = parser.diagnostics
        // A file that could not be parsed at all (YAML syntax, not a list) would make every
        // reference to its ids look unknown: check references only when every file was usable.
        if validatesReferences && parser.unusableFiles.isEmpty { diagnostics += FactBookValidator.validate(book) }
        return (book, diagnostics)
    }
}
