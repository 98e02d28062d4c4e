import Foundation

/// Diagnostics as JSON Lines for editors and CI (`--format json`): one object per diagnostic,
/// then one summary object, each on its own line.
///
/// Every object has `type` (`diagnostic` or `summary`). A diagnostic has `file`, `line`,
/// `column` (null when unknown), `severity` (`error` or `warning`), `message` and `hint`
/// (null when there is none); a summary has `status` (`ok` or `failed`), `errors`,
/// `warnings`, and whatever counts the command adds (`pages`, `files`).
public enum DiagnosticJSON {
    /// One line (ending in a newline) per diagnostic, sorted by location.
    public static func lines(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.sortedByLocation().map(line).joined()
    }

    /// One diagnostic as a JSON object on one line.
    public static func line(_ diagnostic: Diagnostic) -> String {
        let object: [String: Any] = [
            "type": "diagnostic",
            "file": diagnostic.location.path,
            "line": diagnostic.location.line.map { $0 as Any } ?? NSNull(),
            "column": diagnostic.location.column.map { $0 as Any } ?? NSNull(),
            "severity": diagnostic.severity.rawValue,
            "message": diagnostic.message,
            "hint": diagnostic.hint.map { $0 as Any } ?? NSNull(),
        ]
        return JSONText.encode(object, pretty: false) + "\n"
    }

    /// The summary line that ends the output: `failed` when any diagnostic is an error.
    public static func summary(_ diagnostics: [Diagnostic], counts: [String: Int] = [:]) -> String {
        var object: [String: Any] = [
            "type": "summary",
            "status": diagnostics.containsErrors ? "failed" : "ok",
            "errors": diagnostics.filter { $0.severity == .error }.count,
            "warnings": diagnostics.filter { $0.severity == .warning }.count,
        ]
        for (key, value) in counts { object[key] = value }
        return JSONText.encode(object, pretty: false) + "\n"
    }
}
