/// Thrown between stages when a stage found errors; carries every diagnostic of that stage.
public struct DiagnosticsError: Error, Sendable, CustomStringConvertible {
    /// All diagnostics of the failed stage, warnings included.
    public var diagnostics: [Diagnostic]

    /// Wraps the diagnostics of a failed stage.
    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    /// One diagnostic a line.
    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
