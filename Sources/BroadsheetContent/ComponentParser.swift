import BroadsheetCore
import BroadsheetFacts
import BroadsheetMarkdown
import Foundation

/// Reads the parameters of ```` ```timeline ```` and ```` ```compare ```` blocks.
enum ComponentParser {
    static let languages: Set<String> = ["timeline", "compare"]
    static let timelineKeys = ["entities", "themes", "from", "to", "limit"]

    /// The component, or the diagnostics that explain why the block is wrong.
    static func parse(_ block: MarkdownCodeBlock, at location: SourceLocation, facts: FactBook) -> (Component?, [Diagnostic]) {
        block.language == "timeline"
            ? parseTimeline(block, at: location, facts: facts) : parseComparison(block, at: location, facts: facts)
    }

    private static func parseComparison(_ block: MarkdownCodeBlock, at location: SourceLocation, facts: FactBook) -> (
        Component?, [Diagnostic]
    ) {
        var text = block.literal.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }.joined()
        if text.isEmpty { text = block.arguments }
        if text.hasPrefix("id:") { text = text.dropFirst(3).trimmingCharacters(in: .whitespaces) }
        let ids = facts.comparisons.map(\.id.rawValue)
        guard !text.isEmpty else {
            return (
                nil,
                [
                    .error(
                        at: location, "a compare block needs the id of a comparison",
                        hint: ids.isEmpty
                            ? "define comparisons in Content/facts/comparisons.yaml"
                            : "write one of: \(ids.joined(separator: ", "))")
                ]
            )
        }
        let id = ComparisonID(text)
        guard let comparison = facts.comparison(id) else {
            return (
                nil,
                [
                    .error(
                        at: location, "unknown comparison id '\(text)'",
                        hint: Suggestion.hint(
                            for: text, in: ids,
                            otherwise: ids.isEmpty
                                ? "define it in Content/facts/comparisons.yaml"
                                : "comparisons: \(ids.joined(separator: ", "))"))
                ]
            )
        }
        return (.comparison(comparison), [])
    }

    private static func parseTimeline(_ block: MarkdownCodeBlock, at location: SourceLocation, facts: FactBook) -> (
        Component?, [Diagnostic]
    ) {
        var query = TimelineQuery()
        var diagnostics: [Diagnostic] = []
        let themes = facts.themes
        let entityIDs = facts.entities.map(\.id.rawValue)
        for (offset, rawLine) in block.literal.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            let here = SourceLocation(path: location.path, line: (location.line ?? 0) + 1 + offset, column: 1)
            guard let colon = line.firstIndex(of: ":") else {
                diagnostics.append(
                    .error(
                        at: here, "expected `key: value` in the timeline block, found '\(line)'",
                        hint: "keys: \(timelineKeys.joined(separator: ", "))"))
                continue
            }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            let list = value.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).split(separator: ",")
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            switch key {
            case "entities":
                for id in list {
                    if facts.entity(EntityID(id)) == nil {
                        diagnostics.append(
                            .error(
                                at: here, "unknown entity id '\(id)' in the timeline block",
                                hint: Suggestion.hint(
                                    for: id, in: entityIDs, otherwise: "add it to entities.yaml or correct the id")))
                    } else {
                        query.entities.append(EntityID(id))
                    }
                }
            case "themes":
                for theme in list {
                    if themes.contains(theme) {
                        query.themes.append(theme)
                    } else {
                        diagnostics.append(
                            .error(
                                at: here, "no event has the theme '\(theme)'",
                                hint: Self.unknownThemeHint(theme, themes: themes)))
                    }
                }
            case "from", "to":
                guard let date = PartialDate(iso: value) else {
                    diagnostics.append(
                        .error(at: here, "'\(value)' is not a valid date for '\(key)'", hint: "write YYYY, YYYY-MM or YYYY-MM-DD")
                    )
                    continue
                }
                if key == "from" { query.from = date } else { query.to = date }
            case "limit":
                guard let limit = Int(value), limit > 0 else {
                    diagnostics.append(
                        .error(
                            at: here, "limit must be a positive whole number, found '\(value)'",
                            hint: "write how many events to show, e.g. `limit: 5`"))
                    continue
                }
                query.limit = limit
            default:
                diagnostics.append(
                    .error(
                        at: here, "unknown timeline parameter '\(key)'",
                        hint: Suggestion.hint(
                            for: key, in: timelineKeys, otherwise: "parameters: \(timelineKeys.joined(separator: ", "))")))
            }
        }
        if let from = query.from, let to = query.to, !to.mayBeAfterOrSame(as: from) {
            diagnostics.append(
                .error(
                    at: location, "the timeline's 'to' (\(to.iso)) is before its 'from' (\(from.iso))",
                    hint: "swap `from:` and `to:`, or correct one of them"))
        }
        if diagnostics.isEmpty && query.select(from: facts).isEmpty {
            diagnostics.append(.warning(at: location, "this timeline matches no events", hint: "widen the dates or filters"))
        }
        return (diagnostics.containsErrors ? nil : .timeline(query), diagnostics)
    }

    /// The hint for a theme no event has: a close match, the themes in use, or where themes come from.
    static func unknownThemeHint(_ theme: String, themes: [String]) -> String {
        Suggestion.hint(
            for: theme, in: themes,
            otherwise: themes.isEmpty
                ? "give events a `themes:` list in Content/facts/events.yaml"
                : "themes in use: \(themes.joined(separator: ", "))")
    }
}
