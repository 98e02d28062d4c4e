import BroadsheetCore
import BroadsheetFacts
import Foundation

/// The timeline overview as inline SVG, drawn at build time: one lane per main actor,
/// each event a mark on a shared date axis. No script is needed to see it.
public struct TimelineChart: Sendable {
    let facts: FactBook

    /// A chart of the events of `facts`.
    public init(facts: FactBook) { self.facts = facts }

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

    /// The SVG, or nil when there are no events.
    public func render(id: String, linkBase: String?) -> String? {
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

/// A date axis on which each year's width grows with the number of events in it, so busy
/// years are readable and empty ones still show as thin bands.
struct YearAxis {
    let startYear: Int
    let endYear: Int
    private let offsets: [Double]

    init(events: [Event], startYear: Int, endYear: Int, left: Double, width: Double) {
        self.startYear = startYear
        self.endYear = endYear
        var counts = [Int](repeating: 0, count: endYear - startYear)
        for event in events where event.date.year >= startYear && event.date.year < endYear {
            counts[event.date.year - startYear] += 1
        }
        let weights = counts.map { 1 + 1.6 * Double($0).squareRoot() }
        let total = weights.reduce(0, +)
        var offsets = [left]
        for weight in weights { offsets.append(offsets.last! + weight / total * width) }
        self.offsets = offsets
    }

    /// The x position of a fractional year.
    func position(_ year: Double) -> Double {
        let clamped = min(max(year, Double(startYear)), Double(endYear))
        let index = min(Int(clamped) - startYear, offsets.count - 2)
        let fraction = clamped - Double(startYear + index)
        return offsets[index] + fraction * (offsets[index + 1] - offsets[index])
    }

    /// The drawn width of one year.
    func width(of year: Int) -> Double {
        let index = year - startYear
        guard index >= 0, index + 1 < offsets.count else { return 0 }
        return offsets[index + 1] - offsets[index]
    }
}
