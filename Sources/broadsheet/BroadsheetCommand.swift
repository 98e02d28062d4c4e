import ArgumentParser
import BroadsheetBuild
import BroadsheetCore
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// `broadsheet`: build a website from Markdown and sourced facts.
@main
struct BroadsheetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "broadsheet",
        abstract: "Build a fast, accessible static website from Markdown articles and sourced facts.",
        discussion: """
            A site is a folder with Content/ (site.yaml, articles/, pages/, facts/) and Templates/.

            Examples:
              broadsheet build                      build ./Content with ./Templates into ./Output
              broadsheet check --root my-site       validate everything, write nothing
              broadsheet serve --drafts             preview at http://127.0.0.1:4000/, reloading on save
              broadsheet new article "Title"        start a new draft article
              broadsheet newsletter build NAME      build the site and the email of Content/newsletters/NAME.md
            """,
        version: BroadsheetCore.version,
        subcommands: [Build.self, Check.self, Serve.self, New.self, NewsletterCommand.self, BenchIncremental.self],
        defaultSubcommand: nil
    )
}

/// Options shared by `build` and `check`.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The site folder, holding Content/ and Templates/.", valueName: "dir"))
    var root: String = "."

    @Flag(name: .long, help: "Include articles and pages marked `draft: true`.")
    var drafts = false

    @Flag(name: .long, help: "Include articles dated after now (left out by default, and counted).")
    var future = false

    @Flag(name: .long, help: "Treat every warning as an error, for CI (as `strict: true` in site.yaml).")
    var strict = false

    /// Build options with these flags applied.
    func options(output: URL? = nil, write: Bool = true) -> SiteBuilder.Options {
        var options = SiteBuilder.Options(root: rootURL, output: output, includeDrafts: drafts, baseURL: baseURL, write: write)
        options.includeFuture = future
        options.strict = strict
        return options
    }

    /// The line saying how many future-dated articles a build left out, or nil.
    static func futureNote(_ report: SiteBuilder.Report) -> String? {
        let count = report.futureArticles.count
        guard count > 0 else { return nil }
        return
            "Left out \(count) article\(count == 1 ? "" : "s") dated in the future (build with --future to include \(count == 1 ? "it" : "them")): "
            + report.futureArticles.prefix(5).map { TerminalText.escaped($0) }.joined(separator: ", ")
            + (count > 5 ? " and \(count - 5) more" : "")
    }

    @Option(
        name: .customLong("base-url"),
        help: ArgumentHelp("Publish under this URL instead of site.yaml's baseURL.", valueName: "url"))
    var baseURL: String?

    var rootURL: URL { URL(fileURLWithPath: root, isDirectory: true).standardizedFileURL }
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the website into the output folder.",
        discussion: """
            Renders every article, page, timeline, table, feed and data file, then replaces the
            output folder in one step. A failed build leaves the previous output untouched.

            The print edition is built too: Output/<file>.pdf (typeset with Typst) and
            Output/<file>.epub, linked from the home page and every page's footer. Without Typst
            the website and the EPUB are built and one warning names the install command;
            --require-print makes a missing engine an error. See docs/print.md.

            Broadsheet replaces and removes only the files it wrote (listed in the output's
            .broadsheet-manifest); anything else in the output folder (a .git, a CNAME) is kept.
            It refuses a non-empty folder it did not create unless --adopt-output is given, and
            never builds into /, your home folder, or a folder holding the site.

            Examples:
              broadsheet build
              broadsheet build --root ~/report --output /tmp/site --base-url https://example.org/report/
              broadsheet build --drafts
            """)

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: ArgumentHelp("Where to write the site (default: ROOT/Output).", valueName: "dir"))
    var output: String?

    @Flag(
        name: .customLong("adopt-output"),
        help: "Write into a non-empty output folder that Broadsheet did not create, keeping every file already in it.")
    var adoptOutput = false

    @Flag(
        name: .customLong("require-print"),
        help: "Fail the build when the PDF cannot be typeset (Typst missing) instead of warning.")
    var requirePrint = false

    @Flag(
        name: .customLong("no-search-index"),
        help: ArgumentHelp(
            "Leave out the search index (for Scripts/bench-search; the search page then says search is unavailable).",
            visibility: .hidden))
    var noSearchIndex = false

    func run() throws {
        let output = self.output.map { URL(fileURLWithPath: $0, isDirectory: true) }
        var options = site.options(output: output)
        options.adoptsOutputFolder = adoptOutput
        options.printEdition = .build(required: requirePrint)
        options.indexesSearch = !noSearchIndex
        let report = try Reporter(root: site.rootURL).run { () throws(DiagnosticsError) in try SiteBuilder.build(options) }
        let total = report.stages.reduce(Duration.zero) { $0 + $1.duration }
        let stages = report.stages.map { "\($0.name) \(Reporter.seconds($0.duration))" }.joined(separator: " · ")
        print(
            "Built \(report.pageCount) pages (\(report.fileCount) files) into \(Reporter.display(options.output)) in \(Reporter.seconds(total)) (\(stages))"
        )
        let edition = report.files.filter { !$0.path.contains("/") && ($0.path.hasSuffix(".pdf") || $0.path.hasSuffix(".epub")) }
        if !edition.isEmpty {
            let names = edition.map { "\($0.path) (\(Reporter.size($0.byteCount)))" }.joined(separator: ", ")
            print("Print edition: \(names)")
        }
        if let note = SiteOptions.futureNote(report) { print(note) }
        if !report.keptEntries.isEmpty {
            let count = report.keptEntries.count
            // File names can hold control characters; they must not reach the terminal as escape sequences.
            let names =
                report.keptEntries.prefix(5).map { TerminalText.escaped($0) }.joined(separator: ", ")
                + (count > 5 ? " and \(count - 5) more" : "")
            print("Kept \(count) entr\(count == 1 ? "y" : "ies") of the output that Broadsheet did not write: \(names)")
        }
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate content, facts, templates and links without writing anything.",
        discussion: """
            Runs every stage of a build except writing, and reports all problems at once.
            The print edition's configuration (site.yaml `edition:`) is checked; no PDF is typeset.

            Example:
              broadsheet check --root ~/report
            """)

    @OptionGroup var site: SiteOptions

    func run() throws {
        var options = site.options(write: false)
        // The edition's configuration and engine input are checked; nothing is typeset.
        options.printEdition = .check
        let report = try Reporter(root: site.rootURL).run { () throws(DiagnosticsError) in try SiteBuilder.build(options) }
        let warnings = report.warnings.count
        print(
            "No errors: \(report.pageCount) pages would be built\(warnings > 0 ? ", \(warnings) warning\(warnings == 1 ? "" : "s")" : "")."
        )
        if let note = SiteOptions.futureNote(report) { print(note) }
    }
}

/// Prints diagnostics to standard error like a compiler and turns failures into exit codes.
struct Reporter {
    let root: URL

    /// A file size as "840 KB" or "1.6 MB".
    static func size(_ bytes: Int) -> String {
        bytes < 1_000_000 ? "\((bytes + 500) / 1000) KB" : String(format: "%.1f MB", Double(bytes) / 1_000_000)
    }

    func run(_ body: () throws(DiagnosticsError) -> SiteBuilder.Report) throws -> SiteBuilder.Report {
        let formatter = DiagnosticFormatter(root: root, colored: isatty(STDERR_FILENO) != 0)
        do {
            let report = try body()
            if !report.warnings.isEmpty { Self.printError(formatter.format(report.warnings)) }
            return report
        } catch {
            Self.printError(formatter.format(error.diagnostics))
            let errors = error.diagnostics.filter { $0.severity == .error }.count
            Self.printError("Failed with \(errors) error\(errors == 1 ? "" : "s"); nothing was written.\n")
            throw ExitCode.failure
        }
    }

    /// Runs a live-site step, printing its diagnostics like `run` does.
    func live<T>(_ body: () throws(DiagnosticsError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            Self.printError(DiagnosticFormatter(root: root, colored: isatty(STDERR_FILENO) != 0).format(error.diagnostics))
            throw ExitCode.failure
        }
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    static func seconds(_ duration: Duration) -> String {
        let components = duration.components
        let value = Double(components.seconds) + Double(components.attoseconds) / 1e18
        return String(format: value < 10 ? "%.2f s" : "%.1f s", value)
    }

    static func display(_ url: URL) -> String {
        let current = FileManager.default.currentDirectoryPath
        let path = url.path
        return path.hasPrefix(current + "/") ? String(path.dropFirst(current.count + 1)) : path
    }
}

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
