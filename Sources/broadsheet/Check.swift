import ArgumentParser
import BroadsheetBuild
import BroadsheetCore
import Foundation

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate content, facts, templates and links without writing anything.",
        usage: "broadsheet check [--root <dir>] [<options>]",
        discussion: HelpText.reflow(
            """
            Runs every stage of a build except writing, and reports all problems at once.
            The print edition's configuration (site.yaml `edition:`) is checked; no PDF is typeset.
            With --format json, each diagnostic is one JSON object on its own line of standard
            output, then a summary object (for editors and CI).

            Examples:
              broadsheet check --root ~/report
              broadsheet check --format json
            """))

    @OptionGroup var site: SiteOptions
    @OptionGroup var verbosity: VerbosityOptions
    @OptionGroup var format: FormatOptions

    func run() throws {
        var options = SiteBuilder.Options(
            root: site.rootURL, includeDrafts: site.drafts, baseURL: site.baseURL, write: false)
        // The edition's configuration and engine input are checked; nothing is typeset.
        options.printEdition = .check
        if verbosity.verbose { StageLines.settings(options) }
        let reporter = Reporter(root: site.rootURL, verbosity: verbosity, format: format)
        let report = try reporter.run(counts: { ["pages": $0.pageCount] }) { () throws(DiagnosticsError) in
            try SiteBuilder.build(options)
        }
        guard format.format == .text, !verbosity.quiet else { return }
        if verbosity.verbose { StageLines.stages(report) }
        let warnings = report.warnings.count
        print(
            "No errors: \(report.pageCount) pages would be built\(warnings > 0 ? ", \(warnings) warning\(warnings == 1 ? "" : "s")" : "")."
        )
    }
}
