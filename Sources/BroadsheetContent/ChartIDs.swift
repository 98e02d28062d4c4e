/// Keeps the ids of a document's charts unique: a second chart titled alike gets `-2`, and so on.
struct ChartIDs {
    private var seen: [String: Int] = [:]

    /// The component with its chart id made unique in this document; other components unchanged.
    mutating func unique(_ component: Component) -> Component {
        guard case .chart(var chart) = component else { return component }
        let count = (seen[chart.id] ?? 0) + 1
        seen[chart.id] = count
        if count > 1 { chart.id += "-\(count)" }
        return .chart(chart)
    }
}
