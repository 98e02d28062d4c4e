import ArgumentParser
import BroadsheetBuild
import BroadsheetCore
import BroadsheetServer
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Preview the site locally, rebuilding and reloading the browser on every save.",
        usage: "broadsheet serve [--root <dir>] [--port <number>] [<options>]",
        discussion: HelpText.reflow(
            """
            Builds the site in memory and serves it, by default on http://127.0.0.1:4000/ only
            (this machine). Saving a file under Content/ or Templates/ (or site.yaml) rebuilds
            what it affects and reloads the open pages that changed; a stylesheet change is
            swapped in without a reload. Build errors are printed here and shown over the page,
            which keeps showing the last good build until the file is fixed.

            Nothing is written to disk. Ctrl-C stops the server.

            Examples:
              broadsheet serve
              broadsheet serve --drafts --open
              broadsheet serve --root ~/report --port 8080
              broadsheet serve --host 0.0.0.0     (visible to the network)
              broadsheet serve --quiet            (errors and the address only)
            """))

    @Option(name: .long, help: ArgumentHelp("The site folder, holding Content/.", valueName: "dir"))
    var root: String = "."

    @Option(
        name: .long,
        help: ArgumentHelp("The address to listen on; anything but loopback is visible to the network.", valueName: "address"))
    var host: String = "127.0.0.1"

    @Option(name: .long, help: ArgumentHelp("The port to listen on; 0 picks a free one.", valueName: "number"))
    var port: Int = 4000

    @Flag(name: .long, help: "Include articles and pages marked `draft: true`, with a Draft badge.")
    var drafts = false

    @Flag(name: .long, help: "Include articles dated after now (the preview leaves them out too).")
    var future = false

    @Flag(name: .long, help: "Open the site in the default browser once it is served.")
    var open = false

    @OptionGroup var verbosity: VerbosityOptions

    func run() async throws {
        let rootURL = URL(fileURLWithPath: root, isDirectory: true).standardizedFileURL
        var settings = PreviewConsole(
            root: rootURL, colored: isatty(STDERR_FILENO) != 0,
            standardOutput: { text in
                FileHandle.standardOutput.write(Data(text.utf8))
            },
            standardError: { text in FileHandle.standardError.write(Data(text.utf8)) })
        settings.quiet = verbosity.quiet
        settings.verbose = verbosity.verbose
        let console = settings
        var options = SiteBuilder.Options(root: rootURL, includeDrafts: drafts, write: false)
        options.includeFuture = future
        let server = PreviewServer(
            .init(site: options, host: host, port: port),
            console: console)
        let open = self.open
        do {
            try await server.run { url in
                if open { Self.openBrowser(url, console: console) }
            }
        } catch {
            Reporter.printError(DiagnosticFormatter(root: rootURL, colored: isatty(STDERR_FILENO) != 0).format(error.diagnostics))
            throw ExitCode.failure
        }
    }

    /// Opens `url` with $BROWSER or xdg-open; says so when neither exists rather than failing.
    private static func openBrowser(_ url: String, console: PreviewConsole) {
        let environment = ProcessInfo.processInfo.environment
        let command = environment["BROWSER"].flatMap { $0.isEmpty ? nil : $0 } ?? "xdg-open"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [command, url]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            console.standardError("note: could not open a browser (\(command)): open \(url) yourself\n")
        }
    }
}
