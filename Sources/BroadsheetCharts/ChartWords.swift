import BroadsheetContent
import BroadsheetCore
import BroadsheetFacts

/// The words of a chart: its summary for `<desc>`, each mark's hover text, a value as shown.
enum ChartWords {
    static func kindName(_ kind: Chart.Kind) -> String {
        switch kind {
        case .line: "Line chart"
        case .bar: "Bar chart"
        case .groupedBar: "Grouped bar chart"
        case .stackedBar: "Stacked bar chart"
        case .dot: "Dot chart"
        }
    }

    /// "Line chart in million accounts. WeChat: 31 December 2018, 1,097.6; … Source: …"
    static func description(of chart: Chart) -> String {
        var sentences = [
            "\(kindName(chart.kind)) of \(chart.series.count == 1 ? "one series" : "\(chart.series.count) series"), values in \(lowercasedIfWord(chart.unit.axisTitle))."
        ]
        for series in chart.series {
            let values = series.points.sorted { chart.kind == .line ? $0.asOf < $1.asOf : false }.map { point in
                "\(point.category) \(chart.text(point))"
            }
            sentences.append("\(series.label): \(values.joined(separator: "; ")).")
        }
        if let high = chart.highlight { sentences.append("Highlighted: \(highlightName(high, in: chart)).") }
        let names = chart.sources.map(\.publisher)
        if !names.isEmpty { sentences.append("Source\(names.count == 1 ? "" : "s"): \(unique(names).joined(separator: "; ")).") }
        return sentences.joined(separator: " ")
    }

    /// The hover text of one mark: "Alipay, Q1 2019: 53.8% (iResearch). Source: China Banking News, “…”".
    static func markTitle(_ point: Series.Point, of series: Series, in chart: Chart) -> String {
        var text = "\(series.label), \(point.category): \(chart.text(point))"
        if point.label != nil { text += " (as of \(point.asOf.display))" }
        if let note = point.note { text += ", \(note)" }
        if let source = chart.sources.first(where: { $0.id == point.source }) {
            text += ". Source: \(source.publisher), “\(source.title)”"
        }
        return text
    }

    static func highlightName(_ highlight: String, in chart: Chart) -> String {
        chart.series.first { $0.id.rawValue == highlight }?.label ?? highlight
    }

    /// "Per cent" becomes "per cent"; "million accounts" and "RMB billion" stay as they are.
    static func lowercasedIfWord(_ text: String) -> String {
        guard let first = text.first, first.isUppercase, text.dropFirst().first?.isLowercase ?? false else { return text }
        return first.lowercased() + text.dropFirst()
    }

    static func unique(_ names: [String]) -> [String] {
        var seen: Set<String> = []
        return names.filter { seen.insert($0).inserted }
    }
}
