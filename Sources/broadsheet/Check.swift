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
            With --external, every http(s) link written in the Markdown is also asked over the
            network (HEAD, then GET; 8 at a time; retried with backoff). A dead link is a
            warning, never an error, and good answers are cached for a week in
            .broadsheet-cache/external-links.json. `build` never checks external links.

            Examples:
              broadsheet check --root ~/report
              broadsheet check --format json
              broadsheet check --external
            """))

    @OptionGroup var site: SiteOptions
    @OptionGroup var verbosity: VerbosityOptions
    @OptionGroup var format: FormatOptions

    @Flag(help: "Also check external http(s) links over the network (warnings only).")
    var external = false

    @Option(help: "With --external: seconds to wait for each answer.")
    var externalTimeout: Double = 10

    @Option(help: "With --external: days a good answer stays in the cache (0: ask every link).")
    var externalCacheDays: Double = 7

    func run() throws {
        var options = site.options(write: false)
        // The edition's configuration and engine input are checked; nothing is typeset.
        options.printEdition = .check
        options.collectsExternalLinks = self.external
        if verbosity.verbose { StageLines.settings(options) }
        let reporter = Reporter(root: site.rootURL, verbosity: verbosity, format: format)
        var external: ExternalLinkChecker.Summary?
        let report = try reporter.run(counts: { ["pages": $0.pageCount] }) { () throws(DiagnosticsError) in
            var report = try SiteBuilder.build(options)
            if self.external {
                var checker = ExternalLinkChecker(cacheFile: ExternalLinkChecker.defaultCacheFile(root: site.rootURL))
                checker.timeout = externalTimeout
                checker.maxAge = externalCacheDays * 24 * 3600
                let summary = checker.check(report.externalLinks, root: site.rootURL)
                report.warnings += summary.warnings
                external = summary
            }
            return report
        }
        guard format.format == .text, !verbosity.quiet else { return }
        if verbosity.verbose { StageLines.stages(report) }
        if let external {
            print(
                "Checked \(external.checked) external link\(external.checked == 1 ? "" : "s") (\(external.fromCache) from the cache): \(external.warnings.count) warning\(external.warnings.count == 1 ? "" : "s")."
            )
        }
        let warnings = report.warnings.count
        print(
            "No errors: \(report.pageCount) pages would be built\(warnings > 0 ? ", \(warnings) warning\(warnings == 1 ? "" : "s")" : "")."
        )
        if let note = SiteOptions.futureNote(report) { print(note) }
    }
}
