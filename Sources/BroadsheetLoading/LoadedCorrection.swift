import BroadsheetCore
import BroadsheetYAML

/// A correction as written in front matter: when, and what was wrong.
public struct LoadedCorrection: Sendable, Hashable {
    /// The day the correction was made.
    public var date: PublicationDate
    /// What was corrected, in Markdown (links allowed).
    public var note: String
    /// Where the note is written, for link errors.
    public var noteLocation: SourceLocation
}

/// Reads the `corrections:` list of front matter.
enum CorrectionListLoader {
    static let keys = ["date", "note"]

    /// The corrections under `corrections:`, or none; every problem is reported on `fields`.
    static func load(_ fields: inout YAMLFields) -> [LoadedCorrection] {
        guard let node = fields.node("corrections", expected: "a list of `- date: …` / `note: …` entries") else { return [] }
        guard case .sequence(let items) = node.content else {
            fields.report(
                .error(
                    at: fields.location(of: node), "'corrections' must be a list of entries, found \(node.kindDescription)",
                    hint:
                        "write each correction as `- date: 2026-12-03` with `note: What was wrong and what it says now.` under it"
                ))
            return []
        }
        var corrections: [LoadedCorrection] = []
        for item in items {
            var problems: [Diagnostic] = []
            guard var entry = YAMLFields(item, path: fields.path, subject: "a correction", diagnostics: &problems) else {
                problems.forEach { fields.report($0) }
                continue
            }
            let dateText = entry.string("date", required: true, expected: "a date such as 2026-12-03")
            let note = entry.string("note", required: true, expected: "a sentence saying what was corrected")
            var date: PublicationDate?
            if let dateText {
                date = PublicationDate(iso: dateText)
                if date == nil {
                    entry.report(
                        .error(
                            at: entry.location(ofKey: "date"), "'\(dateText)' is not a valid date",
                            hint: "write YYYY-MM-DD (a real calendar day) or YYYY-MM-DDTHH:MM:SS+08:00"))
                } else if let problem = date?.earlyYearProblem(at: entry.location(ofKey: "date")) {
                    entry.report(problem)
                    date = nil
                }
            }
            entry.reportUnknownKeys(known: keys)
            entry.diagnostics.forEach { fields.report($0) }
            if let date, let note, !entry.diagnostics.containsErrors {
                corrections.append(LoadedCorrection(date: date, note: note, noteLocation: entry.location(ofKey: "note")))
            }
        }
        return corrections.sorted { $0.date < $1.date }
    }
}
