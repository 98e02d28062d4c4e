import ArgumentParser
import BroadsheetBuild
import BroadsheetCore
import Foundation

/// `broadsheet`: build a website from Markdown and sourced facts.
@main
struct BroadsheetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "broadsheet",
        abstract: "Build a fast, accessible static website from Markdown articles and sourced facts.",
        discussion: HelpText.reflow(
            """
            A site is a folder with Content/ (site.yaml, articles/, pages/, facts/) and, optionally,
            Templates/: files there replace the built-in theme's, one by one.

            Examples:
              broadsheet init my-site             start a new site in my-site/
              broadsheet build                    build ./Content into ./Output
              broadsheet check --root my-site     validate everything, write nothing
              broadsheet serve --drafts           preview with live reload
              broadsheet new article "Title"      start a new draft article
              broadsheet newsletter build NAME    the site and an edition's email

            Shell completions: broadsheet --generate-completion-script bash (or zsh,
            fish); see the README.
            """),
        version: BroadsheetCore.version,
        subcommands: [
            Init.self, Build.self, Check.self, Serve.self, New.self, NewsletterCommand.self, Version.self,
            BenchIncremental.self,
        ],
        defaultSubcommand: nil
    )

    /// The entry point: sets up the allocator (`MemoryTuning`), then parses and runs the command.
    static func main() async {
        MemoryTuning.apply()
        await main(nil)
    }
}

/// Options shared by `build` and `check`.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The site folder, holding Content/.", valueName: "dir"))
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

/// `--quiet` and `--verbose` (build, check, serve).
struct VerbosityOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Print only errors.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Print each stage with its duration, and more detail.")
    var verbose = false

    func validate() throws {
        if quiet && verbose { throw ValidationError("--quiet and --verbose cannot be used together") }
    }
}

/// `--format` (build, check): text for people, JSON Lines for tools.
struct FormatOptions: ParsableArguments {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(
        name: .long,
        help: ArgumentHelp(
            "text, or json: one JSON object per diagnostic and a summary, one per line, on standard output.",
            valueName: "format"))
    var format: Format = .text
}

/// `broadsheet version`: the same as `--version`.
struct Version: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print Broadsheet's version.")

    func run() {
        print(BroadsheetCore.version)
    }
}
