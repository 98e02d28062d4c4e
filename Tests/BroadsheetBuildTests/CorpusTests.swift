import BroadsheetBuild
import BroadsheetCore
import Foundation
import Testing

/// One case of the hostile-input corpus: a folder under `Tests/BroadsheetBuildTests/Corpus/`.
///
/// `site/` holds files laid over the everything fixture (byte for byte: invalid UTF-8, BOMs
/// and CR line endings are stored as they are), `remove.txt` lists fixture paths to delete
/// (one a line), and `expected.txt` is the exact report: every diagnostic as
/// `broadsheet build` prints it, then the outcome line. The site root is written `ROOT`.
struct CorpusCase: Sendable, CustomTestStringConvertible {
    /// The folder name, e.g. `front-matter-unclosed`.
    var name: String
    var folder: URL
    var testDescription: String { name }

    static let root = FixtureSite.packageRoot.appendingPathComponent("Tests/BroadsheetBuildTests/Corpus")

    /// Every case folder, sorted by name.
    static let all: [CorpusCase] = {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: root.path)
        } catch {
            fatalError("cannot list the corpus at \(root.path): \(error)")
        }
        return names.filter { !$0.hasPrefix(".") }.sorted().map {
            CorpusCase(name: $0, folder: root.appendingPathComponent($0))
        }
    }()

    /// The expected report (what `expected.txt` holds).
    var expectedURL: URL { folder.appendingPathComponent("expected.txt") }

    /// Writes the fixture with this case's changes into a new temporary site.
    func makeSite() throws -> FixtureSite {
        let site = try FixtureSite(EverythingSite.files)
        let removals = folder.appendingPathComponent("remove.txt")
        if FileManager.default.fileExists(atPath: removals.path) {
            let text = try String(contentsOf: removals, encoding: .utf8)
            for path in text.split(separator: "\n") where !path.isEmpty { try site.remove(String(path)) }
        }
        // A list, not a dictionary: `café.md` in NFC and in NFD are equal Swift strings but two files.
        let overlay = folder.appendingPathComponent("site")
        let paths =
            FileManager.default.fileExists(atPath: overlay.path)
            ? try FileManager.default.subpathsOfDirectory(atPath: overlay.path) : []
        for path in paths {
            var isFolder: ObjCBool = false
            let source = overlay.appendingPathComponent(path)
            guard FileManager.default.fileExists(atPath: source.path, isDirectory: &isFolder), !isFolder.boolValue else {
                continue
            }
            let url = site.root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(contentsOf: source).write(to: url)
        }
        return site
    }
}

/// Builds `site` into `output` (default `ROOT/Output`) and returns the report as
/// `broadsheet build` prints it (diagnostics, then `Failed with …` or `Built …`), with the
/// site's path written `ROOT`.
func buildReport(_ site: FixtureSite, output: URL? = nil) -> (report: String, failed: Bool) {
    let output = output ?? site.root.appendingPathComponent("Output")
    let formatter = DiagnosticFormatter(root: site.root)
    var report: String
    var failed = false
    do {
        let result = try SiteBuilder.build(SiteBuilder.Options(root: site.root, output: output))
        report = formatter.format(result.warnings) + "Built \(result.pageCount) pages (\(result.fileCount) files).\n"
    } catch {
        failed = true
        let errors = error.diagnostics.filter { $0.severity == .error }.count
        report =
            formatter.format(error.diagnostics) + "Failed with \(errors) error\(errors == 1 ? "" : "s"); nothing was written.\n"
    }
    let rootPath = site.root.resolvingSymlinksInPath().path
    report = report.replacingOccurrences(of: rootPath, with: "ROOT").replacingOccurrences(of: site.root.path, with: "ROOT")
    return (report, failed)
}

/// The report split into one block of lines per diagnostic (its first line, then the indented ones).
func diagnosticBlocks(_ report: String) -> [[String]] {
    var blocks: [[String]] = []
    for line in report.split(separator: "\n", omittingEmptySubsequences: false) {
        if line.hasPrefix("    "), !blocks.isEmpty {
            blocks[blocks.count - 1].append(String(line))
        } else if line.contains(": error: ") || line.contains(": warning: ") {
            blocks.append([String(line)])
        }
    }
    return blocks
}

@Suite("Hostile-input corpus")
struct CorpusTests {
    @Test("builds to the exact report; a failed build writes nothing", arguments: CorpusCase.all)
    func corpus(_ corpusCase: CorpusCase) throws {
        let site = try corpusCase.makeSite()
        defer { site.delete() }
        let (report, failed) = buildReport(site)
        let output = site.root.appendingPathComponent("Output")
        if failed {
            #expect(!FileManager.default.fileExists(atPath: output.path), "a failed build created the output folder")
        }
        if ProcessInfo.processInfo.environment["BROADSHEET_RECORD"] != nil {
            try Data(report.utf8).write(to: corpusCase.expectedURL)
            return
        }
        let expected = try String(contentsOf: corpusCase.expectedURL, encoding: .utf8)
        #expect(report == expected)
        // Every error explains itself: each `error:` block has a `hint:` line.
        for block in diagnosticBlocks(report) where block[0].contains(": error: ") {
            #expect(block.contains { $0.hasPrefix("    hint: ") }, "no hint for: \(block[0])")
        }
    }
}
