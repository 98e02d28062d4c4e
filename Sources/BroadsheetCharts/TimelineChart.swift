import BroadsheetCore
import BroadsheetFacts
import Foundation

/// The timeline overview as inline SVG, drawn at build time: one lane per main actor,
/// each event a mark on a shared date axis. No script is needed to see it.
///
/// Shared by the website (inline, styled by the site's stylesheet) and the print edition
/// (a figure, styled by `printStyle` inside the SVG).
public struct TimelineChart: Sendable {
    let facts: FactBook

    /// CSS for an SVG that stands alone (a PDF or EPUB figure), where no page stylesheet applies.
    public static let printStyle = """
        text { font-family: 'Noto Sans', 'Noto Sans CJK SC', sans-serif; }
        .year { font-size: 12px; fill: #555; }
        .lane-label { font-size: 13px; font-weight: 600; fill: #111; }
        .tick { stroke: #ccc; stroke-width: 1; }
        .lane-line { stroke: #bbb; stroke-width: 1; stroke-dasharray: 2 3; }
        circle { fill-opacity: .8; stroke: #fff; stroke-width: 1.5; }
        .span { stroke-width: 4; stroke-opacity: .45; }
        """

    /// A chart of every event of `facts`.
    public init(facts: FactBook) {
        self.facts = facts
    }

    static let palette = ["#c2410c", "#1d4ed8", "#15803d", "#7c3aed", "#b91c1c", "#0f766e", "#a16207", "#be185d"]
    static let width = 960.0
    static let labelWidth = 150.0
    static let laneHeight = 40.0
    static let top = 34.0

    struct Lane {
        var title: String
        var color: String
        var members: Set<EntityID>?
    }

    func lanes() -> [Lane] {
        var lanes = facts.entities.filter(\.isMain).enumerated().map { index, entity in
            Lane(
                title: entity.shortName ?? entity.name, color: entity.color ?? Self.palette[index % Self.palette.count],
                members: facts.entityAndDescendants(entity.id))
        }
        let covered = lanes.reduce(into: Set<EntityID>()) { $0.formUnion($1.members ?? []) }
        if facts.events.contains(where: { !$0.entities.contains(where: covered.contains) }) {
            lanes.append(Lane(title: lanes.isEmpty ? "Events" : "Others", color: "#6b7280", members: nil))
        }
        return lanes
    }

    /// The SVG, or nil when there are no events; marks link to `linkBase#event-id` when given,
    /// and `style` (e.g. `printStyle`) is written into the SVG when given.
    public func render(id: String, linkBase: String?, style: String? = nil) -> String? {
        guard let first = facts.events.first, let last = facts.events.last else { return nil }
        let lanes = lanes()
        let startYear = first.date.year
        let endYear = max(last.end?.year ?? last.date.year, last.date.year) + 1
        let plotWidth = Self.width - Self.labelWidth - 16
        let height = Self.top + Double(lanes.count) * Self.laneHeight + 8
        let axis = YearAxis(events: facts.events, startYear: startYear, endYear: endYear, left: Self.labelWidth, width: plotWidth)
        func x(_ year: Double) -> Double { axis.position(year) }
        let titleID = "\(id)-title"
        let descID = "\(id)-desc"
        let laneNames = lanes.map(\.title).joined(separator: ", ")
        var svg = """
            <svg class="timeline-chart" viewBox="0 0 \(Int(Self.width)) \(Int(height))" \(linkBase == nil ? "role=\"img\" " : "")aria-labelledby="\(titleID) \(descID)" xmlns="http://www.w3.org/2000/svg">
            <title id="\(titleID)">Timeline overview, \(startYear)–\(endYear - 1)</title>
            <desc id="\(descID)">\(facts.events.count) events from \(HTMLText.escape(first.date.display)) to \(HTMLText.escape(last.date.display)), in lanes for \(HTMLText.escape(laneNames)). Years with more events are drawn wider. The full list of events follows as text.</desc>

            """
        if let style { svg += "<style>\n\(style)\n</style>\n" }
        for year in startYear...endYear {
            let position = format(x(Double(year)))
            svg +=
                "<line class=\"tick\" x1=\"\(position)\" y1=\"\(format(Self.top - 6))\" x2=\"\(position)\" y2=\"\(format(height - 8))\"/>"
            if year < endYear && axis.width(of: year) >= 26 {
                svg +=
                    "<text class=\"year\" x=\"\(format(x(Double(year) + 0.5)))\" y=\"\(format(Self.top - 14))\" text-anchor=\"middle\">\(year)</text>"
            }
        }
        svg += "\n"
        for (index, lane) in lanes.enumerated() {
            let centre = Self.top + Double(index) * Self.laneHeight + Self.laneHeight / 2
            svg +=
                "<g class=\"lane\"><text class=\"lane-label\" x=\"\(format(Self.labelWidth - 10))\" y=\"\(format(centre + 4))\" text-anchor=\"end\">\(HTMLText.escape(lane.title))</text>"
            svg +=
                "<line class=\"lane-line\" x1=\"\(format(Self.labelWidth))\" y1=\"\(format(centre))\" x2=\"\(format(Self.width - 16))\" y2=\"\(format(centre))\"/>"
            let events = facts.events.filter { event in
                guard let members = lane.members else {
                    let covered = lanes.compactMap(\.members).reduce(into: Set<EntityID>()) { $0.formUnion($1) }
                    return !event.entities.contains(where: covered.contains)
                }
                return event.entities.contains(where: members.contains)
            }
            for event in events {
                let cx = format(x(event.date.fractionalYear))
                let label = "\(event.date.display): \(event.title)"
                var mark = ""
                if let end = event.end {
                    mark +=
                        "<line class=\"span\" x1=\"\(cx)\" y1=\"\(format(centre))\" x2=\"\(format(x(end.fractionalYear)))\" y2=\"\(format(centre))\" stroke=\"\(lane.color)\"/>"
                }
                mark +=
                    "<circle cx=\"\(cx)\" cy=\"\(format(centre))\" r=\"6\" fill=\"\(lane.color)\"><title>\(HTMLText.escape(label))</title></circle>"
                if let linkBase {
                    svg +=
                        "<a href=\"\(HTMLText.escape(linkBase))#\(event.id)\" aria-label=\"\(HTMLText.escape(label))\">\(mark)</a>"
                } else {
                    svg += mark
                }
            }
            svg += "</g>\n"
        }
        svg += "</svg>"
        return svg
    }

    private func format(_ value: Double) -> String {
        String(format: "%.1f", value)
    }
}
