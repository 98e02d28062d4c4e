import BroadsheetCore
import Foundation

/// Where the preview reports what it does: status lines and diagnostics, formatted like the build's.
public struct PreviewConsole: Sendable {
    /// The site root, to quote source lines in diagnostics.
    public var root: URL
    /// Colour diagnostics (for a terminal).
    public var colored: Bool
    /// Prints a status line.
    public var standardOutput: @Sendable (String) -> Void
    /// Prints diagnostics.
    public var standardError: @Sendable (String) -> Void
    /// `serve --quiet`: errors and the address only, no warnings or rebuild lines.
    public var quiet = false
    /// `serve --verbose`: also the output files each update changed.
    public var verbose = false

    /// Creates a console over the given printers.
    public init(
        root: URL, colored: Bool, standardOutput: @escaping @Sendable (String) -> Void,
        standardError: @escaping @Sendable (String) -> Void
    ) {
        self.root = root
        self.colored = colored
        self.standardOutput = standardOutput
        self.standardError = standardError
    }

    /// Prints one status line; file names in it have their control characters escaped, so a
    /// file named with an escape sequence cannot drive the terminal.
    /// `essential` lines (the address) are printed even when quiet.
    func say(_ line: String, essential: Bool = false) {
        guard essential || !quiet else { return }
        standardOutput(TerminalText.escaped(line) + "\n")
    }

    /// Prints detail for `--verbose` only.
    func detail(_ line: String) {
        guard verbose else { return }
        standardOutput(TerminalText.escaped(line) + "\n")
    }

    func report(_ diagnostics: [Diagnostic]) {
        let shown = quiet ? diagnostics.filter { $0.severity == .error } : diagnostics
        guard !shown.isEmpty else { return }
        standardError(DiagnosticFormatter(root: root, colored: colored).format(shown))
    }

    /// The same report without colours, for the browser overlay.
    func plainReport(_ diagnostics: [Diagnostic]) -> String {
        DiagnosticFormatter(root: root, colored: false).format(diagnostics)
    }

    static func milliseconds(_ duration: Duration) -> String {
        let components = duration.components
        let value = Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15
        return value < 1000 ? "\(Int(value.rounded())) ms" : String(format: "%.2f s", value / 1000)
    }
}
