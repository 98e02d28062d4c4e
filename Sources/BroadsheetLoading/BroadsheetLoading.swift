import BroadsheetCore
import BroadsheetFacts
import Foundation

/// Everything read from `Content/` before resolution.
public struct LoadedContent: Sendable {
    /// site.yaml.
    public var config: SiteConfig
    /// Articles and pages, in path order.
    public var documents: [LoadedDocument]
    /// Newsletter editions, in path order.
    public var editions: [LoadedEdition]
    /// The files of `Content/media/`.
    public var media = MediaLibrary()
    /// Articles and pages whose front matter has errors, read as far as they could be: never
    /// published, but checked against so that links to them are not reported as unknown.
    public var brokenDocuments: [LoadedDocument] = []

    /// Creates loaded content (tests and generated sites build it in memory).
    public init(config: SiteConfig, documents: [LoadedDocument], editions: [LoadedEdition] = []) {
        self.config = config
        self.documents = documents
        self.editions = editions
    }
}

/// Reads `Content/site.yaml`, `Content/articles/*.md`, `Content/pages/*.md` and `Content/newsletters/*.md`.
public enum ContentLoader {
    /// Loads every file, collecting all problems; returns nil content when site.yaml is unusable.
    public static func load(root: URL, baseURLOverride: String? = nil) -> (LoadedContent?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let configURL = root.appendingPathComponent(SiteConfigLoader.path)
        guard FileManager.default.fileExists(atPath: configURL.path) else {
            let hasContent = FileManager.default.fileExists(atPath: root.appendingPathComponent("Content").path)
            return (
                nil,
                [
                    .error(
                        at: SourceLocation(path: SiteConfigLoader.path),
                        hasContent ? "Content/site.yaml is missing" : "no Content/ folder in \(root.path)",
                        hint: hasContent
                            ? "create Content/site.yaml with title, description, baseURL, language, author and publisher"
                            : "run broadsheet in the site's folder or pass --root DIR; start a new site with broadsheet init DIR")
                ]
            )
        }
        var config: SiteConfig?
        switch SourceFile.read(SiteConfigLoader.path, in: root) {
        case .success(let file):
            let (loaded, problems) = SiteConfigLoader.load(file, baseURLOverride: baseURLOverride)
            config = loaded
            diagnostics += problems
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
        }
        let author = config?.author ?? ""
        var files: [(String, LoadedDocument.Kind)] = []
        for (folder, kind) in [("Content/articles", LoadedDocument.Kind.article), ("Content/pages", .page)] {
            for path in markdownFiles(root: root, folder: folder, diagnostics: &diagnostics) { files.append((path, kind)) }
        }
        let sources = SourceRoot(root)
        let results: [(LoadedDocument?, [Diagnostic])] = files.parallelMap { path, kind in
            switch sources.read(path) {
            case .success(let file): return DocumentLoader.read(file, kind: kind, defaultAuthor: author)
            case .failure(let diagnostic): return (nil, [diagnostic])
            }
        }
        var documents: [LoadedDocument] = []
        var broken: [LoadedDocument] = []
        for (document, problems) in results {
            diagnostics += problems
            guard let document else { continue }
            if problems.containsErrors { broken.append(document) } else { documents.append(document) }
        }
        var editions: [LoadedEdition] = []
        for path in markdownFiles(root: root, folder: "Content/newsletters", diagnostics: &diagnostics) {
            switch sources.read(path) {
            case .success(let file):
                let (edition, problems) = EditionLoader.load(file)
                diagnostics += problems
                if let edition { editions.append(edition) }
            case .failure(let diagnostic): diagnostics.append(diagnostic)
            }
        }
        let (media, mediaProblems) = MediaLibrary.load(root: root)
        diagnostics += mediaProblems + unknownEntries(root: root)
        guard let config else { return (nil, diagnostics) }
        var content = LoadedContent(config: config, documents: documents, editions: editions)
        content.media = media
        content.brokenDocuments = broken
        return (content, diagnostics)
    }

    /// What `Content/` may hold; anything else is warned about rather than ignored in silence.
    static let knownEntries = ["site.yaml", "articles", "pages", "newsletters", "facts", "media"]

    /// A warning for each entry of `Content/` that Broadsheet does not read (hidden ones aside).
    private static func unknownEntries(root: URL) -> [Diagnostic] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Content").path)
        } catch {
            return [
                .error(
                    at: SourceLocation(path: "Content"), "cannot list the folder: \(error.localizedDescription)",
                    hint: "check that Content/ is a readable folder")
            ]
        }
        return names.sorted().filter { !$0.hasPrefix(".") && !knownEntries.contains($0) }.map { name in
            .warning(
                at: SourceLocation(path: "Content/" + name),
                "ignored: Content/ holds only site.yaml, articles/, pages/, newsletters/, facts/ and media/",
                hint: knownEntries.first { Suggestion.editDistance(name, $0) <= 1 }.map { "did you mean '\($0)'?" }
                    ?? "move it into one of those folders (images and other files go in Content/media/) or out of Content/")
        }
    }

    /// The `.md` files directly in `folder`, sorted; other files are warned about.
    private static func markdownFiles(root: URL, folder: String, diagnostics: inout [Diagnostic]) -> [String] {
        let url = root.appendingPathComponent(folder)
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: url.path)
        } catch {
            diagnostics.append(
                .error(
                    at: SourceLocation(path: folder), "cannot list the folder: \(error.localizedDescription)",
                    hint: "check that \(folder)/ is a readable folder"))
            return []
        }
        var paths: [String] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = folder + "/" + name
            var isFolder: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: url.appendingPathComponent(name).path, isDirectory: &isFolder)
            if exists && name.hasSuffix(".md") && !isFolder.boolValue {
                paths.append(path)
            } else {
                diagnostics.append(
                    .warning(
                        at: SourceLocation(path: path), "ignored: only .md files directly in \(folder)/ are read",
                        hint: "rename it to .md or move it out of \(folder)/"))
            }
        }
        return paths
    }
}
