import ArgumentParser
import BroadsheetBuild
import BroadsheetCore
import Foundation

/// Measures the preview server's path: one article edited on disk, the in-memory site brought up to date.
struct BenchIncremental: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-incremental",
        abstract: "Measure incremental rebuilds after editing one article (used by Scripts/bench).",
        discussion: """
            Builds the site in memory, then edits ARTICLE on disk RUNS times (appending a paragraph,
            restoring the file at the end) and times each update from reading the file to the
            updated output. Prints one line per run: incremental_ms=<milliseconds>.

            Example:
              broadsheet bench-incremental --root /tmp/site --article Content/articles/a00042.md --runs 5
            """,
        shouldDisplay: false)

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: ArgumentHelp("The article to edit, relative to the root.", valueName: "path"))
    var article: String

    @Option(name: .long, help: "How many edits to time.")
    var runs: Int = 5

    func run() throws {
        let options = SiteBuilder.Options(root: site.rootURL, includeDrafts: site.drafts, baseURL: site.baseURL, write: false)
        var live = try Reporter(root: site.rootURL).live { () throws(DiagnosticsError) in try LiveSite(options) }
        let url = site.rootURL.appendingPathComponent(article)
        let original = try String(contentsOf: url, encoding: .utf8)
        defer { try? original.write(to: url, atomically: true, encoding: .utf8) }
        let clock = ContinuousClock()
        for run in 1...max(1, runs) {
            try (original + "\nAn edit for run \(run), to measure the incremental path.\n").write(
                to: url, atomically: true, encoding: .utf8)
            let start = clock.now
            let update = try Reporter(root: site.rootURL).live { () throws(DiagnosticsError) in
                try live.update(changedPaths: [article])
            }
            let elapsed = clock.now - start
            let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
            print(
                "incremental_ms=\(String(format: "%.2f", milliseconds)) changed_files=\(update.changedPaths.count) full_rebuild=\(update.wasFullRebuild)"
            )
        }
    }
}
