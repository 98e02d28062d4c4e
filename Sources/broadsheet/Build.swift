import ArgumentParser
import BroadsheetBuild
import BroadsheetCore
import Foundation

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the website into the output folder.",
        usage: "broadsheet build [--root <dir>] [--output <dir>] [<options>]",
        discussion: HelpText.reflow(
            """
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

            With --format json, each diagnostic is one JSON object on its own line of standard
            output (file, line, column, severity, message, hint), then a summary object.

            Examples:
              broadsheet build
              broadsheet build --root ~/report --output /tmp/site
              broadsheet build --base-url https://example.org/report/
              broadsheet build --drafts --verbose
              broadsheet build --format json
            """))

    @OptionGroup var site: SiteOptions
    @OptionGroup var verbosity: VerbosityOptions
    @OptionGroup var format: FormatOptions

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
        if verbosity.verbose { StageLines.settings(options) }
        let reporter = Reporter(root: site.rootURL, verbosity: verbosity, format: format)
        let report = try reporter.run(counts: { ["pages": $0.pageCount, "files": $0.fileCount] }) {
            () throws(DiagnosticsError) in try SiteBuilder.build(options)
        }
        guard format.format == .text, !verbosity.quiet else { return }
        if verbosity.verbose { StageLines.stages(report) }
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

/// What `--verbose` adds: the settings before the build, each stage and the output's files after.
enum StageLines {
    static func settings(_ options: SiteBuilder.Options) {
        print("Site      \(TerminalText.escaped(Reporter.display(options.root)))")
        if options.write { print("Output    \(TerminalText.escaped(Reporter.display(options.output)))") }
        print("Drafts    \(options.includeDrafts ? "included" : "left out")")
        if let baseURL = options.baseURL { print("Base URL  \(TerminalText.escaped(baseURL)) (from --base-url)") }
    }

    static func stages(_ report: SiteBuilder.Report) {
        for stage in report.stages {
            print("  \(stage.name.padding(toLength: 8, withPad: " ", startingAt: 0)) \(Reporter.seconds(stage.duration))")
        }
        var kinds: [String: Int] = [:]
        for file in report.files {
            let name = (file.path as NSString).lastPathComponent
            let kind = name.contains(".") ? String(name[name.index(after: name.lastIndex(of: ".")!)...]) : "other"
            kinds[kind, default: 0] += 1
        }
        print("  files    " + kinds.sorted { $0.key < $1.key }.map { "\($0.value) .\($0.key)" }.joined(separator: ", "))
        let own = report.ownThemeFiles
        print(
            "  theme    the built-in theme"
                + (own.isEmpty ? "" : ", with \(own.count) file\(own.count == 1 ? "" : "s") of the site's own: ")
                + own.prefix(8).map { TerminalText.escaped($0) }.joined(separator: ", ") + (own.count > 8 ? ", …" : ""))
        if !report.warnings.isEmpty { print("  \(report.warnings.count) warning\(report.warnings.count == 1 ? "" : "s")") }
    }
}
