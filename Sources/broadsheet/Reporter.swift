import ArgumentParser
import BroadsheetBuild
import BroadsheetCore
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Prints diagnostics like a compiler (or as JSON Lines) and turns failures into exit codes.
struct Reporter {
    let root: URL
    /// Print errors only: no warnings, no summary.
    var quiet = false
    /// Print diagnostics and the summary as JSON Lines on standard output instead.
    var json = false

    init(root: URL, quiet: Bool = false, json: Bool = false) {
        self.root = root
        self.quiet = quiet
        self.json = json
    }

    init(root: URL, verbosity: VerbosityOptions, format: FormatOptions) {
        self.init(root: root, quiet: verbosity.quiet, json: format.format == .json)
    }

    /// A file size as "840 KB" or "1.6 MB".
    static func size(_ bytes: Int) -> String {
        bytes < 1_000_000 ? "\((bytes + 500) / 1000) KB" : String(format: "%.1f MB", Double(bytes) / 1_000_000)
    }

    /// Runs a build; prints its warnings (or, on failure, every diagnostic and the outcome) and,
    /// in JSON, the summary with `counts` of the report.
    func run(
        counts: (SiteBuilder.Report) -> [String: Int] = { _ in [:] }, _ body: () throws(DiagnosticsError) -> SiteBuilder.Report
    ) throws -> SiteBuilder.Report {
        let formatter = DiagnosticFormatter(root: root, colored: isatty(STDERR_FILENO) != 0)
        do {
            let report = try body()
            if json {
                let shown = quiet ? [] : report.warnings
                print(
                    DiagnosticJSON.lines(shown) + DiagnosticJSON.summary(report.warnings, counts: counts(report)),
                    terminator: "")
            } else if !report.warnings.isEmpty && !quiet {
                Self.printError(formatter.format(report.warnings))
            }
            return report
        } catch {
            let shown = quiet ? error.diagnostics.filter { $0.severity == .error } : error.diagnostics
            if json {
                print(DiagnosticJSON.lines(shown) + DiagnosticJSON.summary(error.diagnostics), terminator: "")
            } else {
                Self.printError(formatter.format(shown))
                let errors = error.diagnostics.filter { $0.severity == .error }.count
                Self.printError("Failed with \(errors) error\(errors == 1 ? "" : "s"); nothing was written.\n")
            }
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

    /// Prints one diagnostic that stops a command (`init`, `new`) and fails.
    func fail(_ diagnostic: Diagnostic) -> ExitCode {
        Self.printError(DiagnosticFormatter(root: root, colored: isatty(STDERR_FILENO) != 0).format([diagnostic]))
        return ExitCode.failure
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
