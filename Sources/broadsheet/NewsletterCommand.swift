import ArgumentParser
import BroadsheetBuild
import BroadsheetCore
import BroadsheetNewsletter
import Foundation

/// `broadsheet newsletter`: build and send email editions.
struct NewsletterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "newsletter",
        abstract: "Build and send newsletter editions (Content/newsletters/NAME.md).",
        discussion: """
            Examples:
              broadsheet newsletter build wechat-pay-reaches-taobao
              broadsheet newsletter send NAME --subscribers readers.csv     (a dry run)
              BROADSHEET_SMTP_PASSWORD=… broadsheet newsletter send NAME \
                  --subscribers readers.csv --confirm
            """,
        subcommands: [NewsletterBuild.self, NewsletterSend.self])
}

struct NewsletterBuild: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site with the edition's email (HTML, text, .eml) and archive page.",
        usage: "broadsheet newsletter build NAME [--output <dir>] [<options>]",
        discussion: HelpText.reflow(
            """
            Builds the whole site, as `broadsheet build` does (so the archive page, the index of
            editions and the feed stay consistent), and checks that the edition NAME exists. The
            email is written to OUTPUT/newsletters/NAME/: email.html, email.txt and NAME.eml.

            Example:
              broadsheet newsletter build wechat-pay-reaches-taobao --output /tmp/site
            """))

    @Argument(help: "The edition: the file name of Content/newsletters/NAME.md without .md.")
    var name: String

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: ArgumentHelp("Where to write the site (default: ROOT/Output).", valueName: "dir"))
    var output: String?

    func run() throws {
        let output = self.output.map { URL(fileURLWithPath: $0, isDirectory: true) }
        var options = site.options(output: output)
        // The whole site is written, so the print edition is too: skipping it would remove the
        // PDF and EPUB that the last `build` left in the output.
        options.printEdition = .build(required: false)
        let reporter = Reporter(root: site.rootURL)
        let report = try reporter.run { () throws(DiagnosticsError) in
            // The name is checked against the file names first, so a wrong one writes nothing;
            // then the site is loaded, resolved and built once.
            try EditionNames.check(name, root: site.rootURL)
            return try SiteBuilder.build(options)
        }
        let folder = TerminalText.escaped(Reporter.display(options.output.appendingPathComponent("newsletters/\(name)")))
        print("Built \(report.pageCount) pages (\(report.fileCount) files) into \(Reporter.display(options.output))")
        print("Edition '\(TerminalText.escaped(name))':")
        print("  archive page  \(folder)/index.html")
        print("  HTML email    \(folder)/email.html")
        print("  text part     \(folder)/email.txt")
        print("  message       \(folder)/\(name).eml")
    }
}
