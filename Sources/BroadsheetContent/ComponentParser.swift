import BroadsheetCore
import BroadsheetFacts
import BroadsheetMarkdown
import Foundation

/// Reads the parameters of ```` ```timeline ````, ```` ```compare ```` and ```` ```chart ```` blocks.
enum ComponentParser {
    static let languages: Set<String> = ["timeline", "compare", "chart"]
    static let timelineKeys = ["entities", "themes", "from", "to", "limit"]
    static let chartKeys = ["kind", "series", "title", "note", "highlight"]

    /// The component, or the diagnostics that explain why the block is wrong.
    static func parse(_ block: MarkdownCodeBlock, at location: SourceLocation, facts: FactBook) -> (Component?, [Diagnostic]) {
        switch block.language {
        case "timeline": parseTimeline(block, at: location, facts: facts)
        case "chart": parseChart(block, at: location, facts: facts)
        default: parseComparison(block, at: location, facts: facts)
        }
    }

    /// The `key: value` lines of a block with their locations; comments and blank lines skipped.
    private static func keyValues(
        _ block: MarkdownCodeBlock, at location: SourceLocation, name: String, keys: [String], diagnostics: inout [Diagnostic]
    ) -> [(key: String, value: String, location: SourceLocation, line: String)] {
        var result: [(key: String, value: String, location: SourceLocation, line: String)] = []
        for (offset, rawLine) in block.literal.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            // A comment runs from ` #` to the end of the line (a `#` inside a word, as in a title, stays).
            var line = String(rawLine)
            if let comment = line.range(of: " #") ?? line.range(of: "\t#") { line = String(line[..<comment.lowerBound]) }
            guard !line.trimmingCharacters(in: .whitespaces).isEmpty,
                !line.trimmingCharacters(in: .whitespaces).hasPrefix("#")
            else { continue }
            let here = SourceLocation(path: location.path, line: (location.line ?? 0) + 1 + offset, column: 1)
            guard let colon = line.firstIndex(of: ":") else {
                diagnostics.append(
                    .error(
                        at: here, "expected `key: value` in the \(name) block, found '\(line)'",
                        hint: "keys: \(keys.joined(separator: ", "))"))
                continue
            }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            result.append((key, value, here, line))
        }
        return result
    }

    private static func parseChart(_ block: MarkdownCodeBlock, at location: SourceLocation, facts: FactBook) -> (
        Component?, [Diagnostic]
    ) {
        var diagnostics: [Diagnostic] = []
        var kind: Chart.Kind?
        var series: [Series] = []
        var title: String?
        var note: String?
        var highlight: (String, SourceLocation)?
        var sawSeries = false
        let seriesIDs = facts.series.map(\.id.rawValue)
        let kinds = Chart.Kind.allCases.map(\.rawValue)
        var unknownSeries = false
        for (key, value, here, line) in keyValues(block, at: location, name: "chart", keys: chartKeys, diagnostics: &diagnostics)
        {
            /// Where `text` starts on the line, for pointing at a value rather than its key.
            func at(_ text: String) -> SourceLocation {
                guard !text.isEmpty, let colon = line.firstIndex(of: ":"),
                    let range = line.range(of: text, range: colon..<line.endIndex)
                else { return here }
                return SourceLocation(
                    path: here.path, line: here.line, column: line.distance(from: line.startIndex, to: range.lowerBound) + 1)
            }
            switch key {
            case "kind":
                kind = Chart.Kind(rawValue: value)
                if kind == nil {
                    diagnostics.append(
                        .error(
                            at: at(value), "unknown chart kind '\(value)'",
                            hint: Suggestion.hint(for: value, in: kinds, otherwise: "kinds: \(kinds.joined(separator: ", "))")))
                }
            case "series":
                sawSeries = true
                let list = value.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).split(separator: ",")
                    .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                for id in list {
                    if let found = facts.series(SeriesID(id)) {
                        series.append(found)
                    } else {
                        unknownSeries = true
                        diagnostics.append(
                            .error(
                                at: at(id), "unknown series id '\(id)' in the chart block",
                                hint: Suggestion.hint(
                                    for: id, in: seriesIDs,
                                    otherwise: seriesIDs.isEmpty
                                        ? "define series in Content/facts/series.yaml"
                                        : "series: \(seriesIDs.joined(separator: ", "))")))
                    }
                }
            case "title": title = value.isEmpty ? nil : value
            case "note": note = value.isEmpty ? nil : value
            case "highlight": highlight = (value, at(value))
            default:
                diagnostics.append(
                    .error(
                        at: here, "unknown chart parameter '\(key)'",
                        hint: Suggestion.hint(
                            for: key, in: chartKeys, otherwise: "parameters: \(chartKeys.joined(separator: ", "))")))
            }
        }
        if kind == nil && !diagnostics.contains(where: { $0.message.hasPrefix("unknown chart kind") }) {
            diagnostics.append(
                .error(at: location, "a chart block needs a `kind:`", hint: "write one of: \(kinds.joined(separator: ", "))"))
        }
        if !sawSeries {
            diagnostics.append(
                .error(
                    at: location, "a chart block needs `series:`",
                    hint: seriesIDs.isEmpty
                        ? "define series in Content/facts/series.yaml, then list their ids"
                        : "list one or more ids: \(seriesIDs.joined(separator: ", "))"))
        }
        if let first = series.first {
            for other in series.dropFirst() where other.unit != first.unit {
                diagnostics.append(
                    .error(
                        at: location,
                        "series '\(other.id)' is in '\(other.unit)' but '\(first.id)' is in '\(first.unit)'; a chart has one value axis",
                        hint: "chart series of the same unit together, or draw two charts"))
            }
        }
        if kind == .bar && series.count > 1 {
            diagnostics.append(
                .error(
                    at: location, "a bar chart shows one series, found \(series.count)",
                    hint: "use `kind: grouped-bar` or `kind: stacked-bar` for several series"))
        }
        if let (value, here) = highlight, !unknownSeries {
            let categories = Set(series.flatMap { $0.points.map(\.category) })
            if !series.contains(where: { $0.id.rawValue == value }) && !categories.contains(value) {
                let choices = series.map(\.id.rawValue) + categories.sorted()
                diagnostics.append(
                    .error(
                        at: here, "the highlight '\(value)' is neither a series of this chart nor one of its categories",
                        hint: Suggestion.hint(
                            for: value, in: choices, otherwise: "highlight one of: \(choices.joined(separator: ", "))")))
            }
        }
        guard let kind, let first = series.first, !diagnostics.containsErrors else { return (nil, diagnostics) }
        let chartTitle = title ?? first.title
        // The block's note replaces the series' own caveats; without one, every series' caveat is shown.
        let notes = note.map { [$0] } ?? series.compactMap(\.note)
        let chart = Chart(
            id: "chart-" + Slug.make(from: chartTitle), kind: kind, title: chartTitle,
            note: notes.isEmpty ? nil : notes.joined(separator: " "), highlight: highlight?.0, unit: first.unit,
            series: series, sources: Chart.sources(of: series, in: facts))
        return (.chart(chart), diagnostics)
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
