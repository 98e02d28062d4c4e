import BroadsheetContent
import BroadsheetCore
import BroadsheetFacts
import Foundation

/// Lays out and writes one chart's SVG. Text sizes are fixed in SVG units; the drawing scales with its width.
struct ChartCanvas {
    let chart: Chart
    let style: ChartStyle
    private var grid = ""
    private var marks = ""
    private var height = 0.0

    static let labelSize = 14.0
    static let valueSize = 13.0
    static let tickSize = 12.0
    static let barHeight = 18.0

    init(chart: Chart, style: ChartStyle) {
        self.chart = chart
        self.style = style
    }

    var width: Double { style.width }

    // MARK: - The document

    func svg() -> String {
        let id = HTMLText.escape(chart.id)
        let size =
            style.colours == .fixed
            ? " width=\"\(Int(width))\" height=\"\(Int(height.rounded(.up)))\" font-family=\"sans-serif\"" : ""
        return """
            <svg class="chart chart-\(chart.kind.rawValue)" viewBox="0 0 \(Int(width)) \(Int(height.rounded(.up)))"\(size) role="img" aria-labelledby="\(id)-title \(id)-desc" xmlns="http://www.w3.org/2000/svg">
            <title id="\(id)-title">\(HTMLText.escape(chart.title))</title>
            <desc id="\(id)-desc">\(HTMLText.escape(ChartWords.description(of: chart)))</desc>
            <g class="grid">\(grid)</g>
            \(marks)</svg>
            """
    }

    // MARK: - Paint

    private func seriesIndex(_ series: Series) -> Int {
        chart.series.firstIndex { $0.id == series.id } ?? 0
    }

    /// The class (and, for fixed colours, the colour) of series `index`'s marks.
    private func paint(_ index: Int, fill: Bool = true, stroke: Bool = false, dimmed: Bool = false) -> String {
        var classes = "s\(index % 4 + 1)"
        if dimmed { classes += " dim" }
        var attributes = "class=\"\(classes)\""
        if style.colours == .fixed {
            let colour = ChartStyle.fixedPalette[index % ChartStyle.fixedPalette.count]
            if fill { attributes += " fill=\"\(colour)\"" }
            if stroke { attributes += " stroke=\"\(colour)\"" }
            if dimmed { attributes += " opacity=\"0.45\"" }
        }
        return attributes
    }

    private func isDimmed(_ series: Series, _ category: String?) -> Bool {
        chart.highlight != nil && !chart.isHighlighted(series: series, category: category)
    }

    private func text(
        _ content: String, x: Double, y: Double, cssClass: String, size: Double, anchor: String = "start", bold: Bool = false
    ) -> String {
        var fixed = ""
        if style.colours == .fixed {
            fixed = " font-size=\"\(Int(size))\""
            if bold { fixed += " font-weight=\"600\"" }
            if cssClass.contains("tick") || cssClass.contains("axis-title") { fixed += " fill=\"#555555\"" }
            if !cssClass.contains("on-bar") && !cssClass.contains("axis-title") {
                fixed += " stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\""
            }
        }
        let anchorText = anchor == "start" ? "" : " text-anchor=\"\(anchor)\""
        return "<text class=\"\(cssClass)\" x=\"\(f(x))\" y=\"\(f(y))\"\(anchorText)\(fixed)>\(HTMLText.escape(content))</text>"
    }

    private func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, cssClass: String, colour: String = "#bbbbbb")
        -> String
    {
        let fixed = style.colours == .fixed ? " stroke=\"\(colour)\"" : ""
        return "<line class=\"\(cssClass)\" x1=\"\(f(x1))\" y1=\"\(f(y1))\" x2=\"\(f(x2))\" y2=\"\(f(y2))\"\(fixed)/>"
    }

    /// A mark with its hover title, linked to its source when the style links.
    private func linked(_ mark: String, point: Series.Point, series: Series) -> String {
        let title = HTMLText.escape(ChartWords.markTitle(point, of: series, in: chart))
        let inner = "<title>\(title)</title>\(mark)"
        guard let href = style.sourceHref(point.source) else { return "<g class=\"mark\">\(inner)</g>" }
        return "<a class=\"mark\" href=\"\(HTMLText.escape(href))\" aria-label=\"\(title)\">\(inner)</a>"
    }

    /// A marker whose shape tells the series apart without colour: circle, square, diamond, triangle.
    private func marker(_ index: Int, x: Double, y: Double, dimmed: Bool) -> String {
        let paintText = paint(index, dimmed: dimmed)
        let outline = style.colours == .fixed ? " stroke=\"#ffffff\" stroke-width=\"1.5\"" : ""
        switch index % 4 {
        case 0: return "<circle \(paintText)\(outline) cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"6\"/>"
        case 1: return "<rect \(paintText)\(outline) x=\"\(f(x - 5.5))\" y=\"\(f(y - 5.5))\" width=\"11\" height=\"11\"/>"
        case 2:
            return
                "<polygon \(paintText)\(outline) points=\"\(f(x)),\(f(y - 7.5)) \(f(x + 7.5)),\(f(y)) \(f(x)),\(f(y + 7.5)) \(f(x - 7.5)),\(f(y))\"/>"
        default:
            return
                "<polygon \(paintText)\(outline) points=\"\(f(x)),\(f(y - 7)) \(f(x + 7)),\(f(y + 5.5)) \(f(x - 7)),\(f(y + 5.5))\"/>"
        }
    }

    static func textWidth(_ text: String, size: Double) -> Double {
        Double(text.count) * size * 0.6
    }

    private func tickText(_ value: Double) -> String {
        chart.unit.isPercentage ? NumberText.format(value) + "%" : NumberText.format(value)
    }

    /// What a bar says beside it: the value, with the series' name when there are several.
    private func endLabel(_ point: Series.Point, _ series: Series) -> String {
        let value = short(point)
        return chart.series.count > 1 ? "\(series.label) \(value)" : value
    }

    /// A value as drawn: the number alone (with % for shares), since the axis title names the unit;
    /// a value converted from its fact keeps the fact's own wording.
    private func short(_ point: Series.Point) -> String {
        point.display ?? (point.isApproximate ? "~" : "") + tickText(point.value)
    }

    // MARK: - Bars

    /// Horizontal bars, each category's label above its bars so long labels fit a phone.
    mutating func drawBars(stacked: Bool) {
        let categories = chart.categories
        let left = 8.0
        let right = width - 8
        let maximum: Double
        if stacked {
            maximum =
                categories.map { category in
                    chart.series.compactMap { chart.point(of: $0, in: category)?.value }.reduce(0, +)
                }.max() ?? 0
        } else {
            maximum = chart.series.flatMap { $0.points.map(\.value) }.max() ?? 0
        }
        let scale =
            stacked && chart.unit.isPercentage && maximum <= 100
            ? NiceScale(minimum: 0, maximum: 100, count: 4, fromZero: true)
            : NiceScale(minimum: 0, maximum: maximum, count: Self.tickCount(width * 0.6), fromZero: true)
        let labelRoom: Double
        if stacked {
            labelRoom = 8
        } else {
            let widest =
                chart.series.flatMap { series in series.points.map { Self.textWidth(endLabel($0, series), size: Self.valueSize) }
                }
                .max() ?? 0
            labelRoom = min(width * 0.5, widest + 10)
        }
        let plotLeft = left
        let plotRight = right - labelRoom
        func x(_ value: Double) -> Double { plotLeft + max(0, scale.fraction(value)) * (plotRight - plotLeft) }

        var y = 4.0
        if !chart.unit.isPercentage {
            marks += text(chart.unit.axisTitle, x: left, y: y + 12, cssClass: "axis-title", size: Self.tickSize)
            y += 18
        }
        for tick in scale.ticks {
            let anchor = tick == scale.lower ? "start" : tick == scale.upper ? "end" : "middle"
            marks += text(tickText(tick), x: x(tick), y: y + 12, cssClass: "tick", size: Self.tickSize, anchor: anchor)
        }
        y += 20
        let gridTop = y
        for (row, category) in categories.enumerated() {
            let categoryDimmed =
                chart.highlight != nil && !chart.isHighlighted(category: category)
                && !chart.series.contains { chart.isHighlighted(series: $0) }
            marks += text(
                category, x: left, y: y + 14, cssClass: "label" + (categoryDimmed ? " dim" : ""), size: Self.labelSize, bold: true
            )
            let labelEnd = left + Self.textWidth(category, size: Self.labelSize) + 12
            let labelBaseline = y + 14
            y += 21
            if stacked {
                var total = 0.0
                var missing: [String] = []
                for series in chart.series {
                    let index = seriesIndex(series)
                    guard let point = chart.point(of: series, in: category) else {
                        missing.append(series.label)
                        continue
                    }
                    let x0 = x(total)
                    let x1 = x(total + point.value)
                    total += point.value
                    let dimmed = isDimmed(series, category)
                    var mark =
                        "<rect \(paint(index, dimmed: dimmed)) x=\"\(f(x0))\" y=\"\(f(y))\" width=\"\(f(max(0.5, x1 - x0 - 1)))\" height=\"\(f(Self.barHeight + 4))\"/>"
                    let value = short(point)
                    let full = "\(series.label) \(value)"
                    let inside =
                        Self.textWidth(full, size: Self.valueSize) + 10 <= x1 - x0
                        ? full
                        : Self.textWidth(value, size: Self.valueSize) + 10 <= x1 - x0 ? value : nil
                    // A segment too narrow for its series' name is named once, over the first bar.
                    if inside != full && row == 0 && x0 >= labelEnd {
                        marks += text(
                            series.label, x: x0 + 2, y: labelBaseline, cssClass: "series-label", size: Self.valueSize, bold: true)
                    }
                    if let inside {
                        var label = text(
                            inside, x: x0 + 5, y: y + 16, cssClass: "on-bar on-s\(index % 4 + 1)", size: Self.valueSize)
                        if style.colours == .fixed {
                            label = label.replacingOccurrences(
                                of: "<text ", with: "<text fill=\"\(index % 2 == 0 ? "#ffffff" : "#111111")\" ")
                        }
                        mark += label
                    }
                    marks += linked(mark, point: point, series: series)
                }
                y += Self.barHeight + 4
                if !missing.isEmpty {
                    marks += text(
                        "No value for \(missing.joined(separator: ", "))", x: left, y: y + 14, cssClass: "tick",
                        size: Self.tickSize)
                    y += 18
                }
                y += 12
            } else {
                for series in chart.series {
                    let index = seriesIndex(series)
                    guard let point = chart.point(of: series, in: category) else {
                        let note = chart.series.count > 1 ? "\(series.label): no value" : "no value"
                        marks += text(note, x: x(0) + 4, y: y + 13, cssClass: "tick", size: Self.tickSize)
                        y += Self.barHeight + 4
                        continue
                    }
                    let dimmed = isDimmed(series, category)
                    let end = x(point.value)
                    var mark =
                        "<rect \(paint(index, dimmed: dimmed)) x=\"\(f(x(0)))\" y=\"\(f(y))\" width=\"\(f(max(1.5, end - x(0))))\" height=\"\(f(Self.barHeight))\"/>"
                    mark += text(
                        endLabel(point, series), x: max(end, x(0) + 1.5) + 6, y: y + 13.5,
                        cssClass: "value" + (dimmed ? " dim" : ""), size: Self.valueSize, bold: !dimmed && chart.highlight != nil)
                    marks += linked(mark, point: point, series: series)
                    y += Self.barHeight + 4
                }
                y += 10
            }
        }
        let gridBottom = y - 8
        for tick in scale.ticks {
            grid += line(
                x(tick), gridTop - 4, x(tick), gridBottom, cssClass: tick == 0 ? "baseline" : "gridline",
                colour: tick == 0 ? "#333333" : "#cccccc")
        }
        height = y
    }

    // MARK: - Dots

    /// A dot per series and category on a shared value axis, the range between them drawn as a line.
    mutating func drawDots() {
        let categories = chart.categories
        let values = chart.series.flatMap { $0.points.map(\.value) }
        let widest = chart.series.flatMap { $0.points.map { Self.textWidth(short($0), size: Self.valueSize) } }.max() ?? 0
        let room = min(width * 0.3, widest + 14)
        let plotLeft = 8 + (chart.series.count > 1 ? room : 8)
        let plotRight = width - 8 - room
        let scale = NiceScale(
            minimum: values.min() ?? 0, maximum: values.max() ?? 0, count: Self.tickCount(plotRight - plotLeft), fromZero: false)
        func x(_ value: Double) -> Double { plotLeft + scale.fraction(value) * (plotRight - plotLeft) }

        var y = 4.0
        if !chart.unit.isPercentage {
            marks += text(chart.unit.axisTitle, x: 8, y: y + 12, cssClass: "axis-title", size: Self.tickSize)
            y += 18
        }
        for tick in scale.ticks {
            marks += text(tickText(tick), x: x(tick), y: y + 12, cssClass: "tick", size: Self.tickSize, anchor: "middle")
        }
        y += 20
        let gridTop = y
        for (row, category) in categories.enumerated() {
            marks += text(category, x: 8, y: y + 14, cssClass: "label", size: Self.labelSize, bold: true)
            let points = chart.series.compactMap { series in chart.point(of: series, in: category).map { (series, $0) } }
                .sorted { $0.1.value < $1.1.value }
            // The first row names the series over their dots: direct labels instead of a legend.
            let named = row == 0 && chart.series.count > 1
            y += named ? 50 : 30
            if let low = points.first, let high = points.last, points.count > 1 {
                marks += line(x(low.1.value), y, x(high.1.value), y, cssClass: "range", colour: "#999999")
            }
            for (position, (series, point)) in points.enumerated() {
                let index = seriesIndex(series)
                let dimmed = isDimmed(series, category)
                let cx = x(point.value)
                var mark = marker(index, x: cx, y: y, dimmed: dimmed)
                if position == 0 && points.count > 1 {
                    mark += text(short(point), x: cx - 11, y: y + 4.5, cssClass: "value", size: Self.valueSize, anchor: "end")
                    if named {
                        let fits = cx + 4 - Self.textWidth(series.label, size: Self.valueSize) >= 2
                        mark += text(
                            series.label, x: fits ? cx + 4 : 2, y: y - 12, cssClass: "series-label", size: Self.valueSize,
                            anchor: fits ? "end" : "start", bold: true)
                    }
                } else if position == points.count - 1 {
                    mark += text(short(point), x: cx + 11, y: y + 4.5, cssClass: "value", size: Self.valueSize)
                    if named {
                        let fits = cx - 4 + Self.textWidth(series.label, size: Self.valueSize) <= width - 2
                        mark += text(
                            series.label, x: fits ? cx - 4 : width - 2, y: y - 12, cssClass: "series-label",
                            size: Self.valueSize, anchor: fits ? "start" : "end", bold: true)
                    }
                }
                marks += linked(mark, point: point, series: series)
            }
            y += 20
        }
        for tick in scale.ticks {
            grid += line(x(tick), gridTop - 4, x(tick), y - 8, cssClass: "gridline", colour: "#cccccc")
        }
        height = y
    }

    /// About one tick per 80 units of width, at least two.
    static func tickCount(_ plotWidth: Double) -> Int {
        max(2, min(5, Int(plotWidth / 80)))
    }

    // MARK: - Line

    /// Values on a date axis; a value for a year, quarter or month is drawn across its span, the line joins the middles.
    mutating func drawLine() {
        let points = chart.series.flatMap(\.points)
        guard let first = points.min(by: { $0.asOf.start < $1.asOf.start }),
            let last = points.max(by: { $0.asOf.end < $1.asOf.end })
        else {
            height = 20
            return
        }
        let startYear = Int(floor(first.asOf.start))
        var endYear = Int(ceil(last.asOf.end - 1e-9))
        if endYear <= startYear { endYear = startYear + 1 }
        let values = points.map(\.value)
        let minimum = values.min() ?? 0
        let maximum = values.max() ?? 0
        let scale = NiceScale(minimum: minimum, maximum: maximum, count: 4, fromZero: minimum >= 0 && minimum <= maximum * 0.5)
        let tickWidth = scale.ticks.map { Self.textWidth(tickText($0), size: Self.tickSize) }.max() ?? 20
        let plotLeft = 8 + tickWidth + 8
        let endLabelWidth = chart.series.map { Self.textWidth($0.label, size: Self.labelSize) }.max() ?? 0
        let plotRight = width - 8 - min(width * 0.3, endLabelWidth + 14)
        let plotTop = chart.unit.isPercentage ? 14.0 : 34.0
        let plotBottom = plotTop + 200
        func x(_ year: Double) -> Double {
            plotLeft + (year - Double(startYear)) / Double(endYear - startYear) * (plotRight - plotLeft)
        }
        func y(_ value: Double) -> Double { plotBottom - scale.fraction(value) * (plotBottom - plotTop) }

        if !chart.unit.isPercentage {
            marks += text(chart.unit.axisTitle, x: 8, y: 14, cssClass: "axis-title", size: Self.tickSize)
        }
        for tick in scale.ticks {
            grid += line(
                plotLeft, y(tick), plotRight, y(tick), cssClass: tick == 0 ? "baseline" : "gridline",
                colour: tick == 0 ? "#333333" : "#cccccc")
            marks += text(tickText(tick), x: plotLeft - 6, y: y(tick) + 4, cssClass: "tick", size: Self.tickSize, anchor: "end")
        }
        let yearWidth = (plotRight - plotLeft) / Double(endYear - startYear)
        // Label every year when a year is wide enough for its label and a gap, else every second (third …) year.
        let every = max(1, Int(ceil((Self.textWidth("0000", size: Self.tickSize) + 16) / yearWidth)))
        for year in startYear...endYear {
            grid += line(x(Double(year)), plotBottom, x(Double(year)), plotBottom + 5, cssClass: "axis-tick", colour: "#333333")
            if year < endYear && (year - startYear) % every == 0 {
                let centre = every == 1 ? x(Double(year) + 0.5) : x(Double(year))
                marks += text(
                    String(year), x: centre, y: plotBottom + 21, cssClass: "tick", size: Self.tickSize, anchor: "middle")
            }
        }

        var endLabels: [(y: Double, x: Double, text: String, index: Int, dimmed: Bool)] = []
        for series in chart.series {
            let index = seriesIndex(series)
            let dimmed = isDimmed(series, nil)
            let sorted = series.points.sorted { $0.asOf < $1.asOf }
            let path = sorted.enumerated().map { offset, point in
                "\(offset == 0 ? "M" : "L")\(f(x(point.asOf.middle))),\(f(y(point.value)))"
            }.joined(separator: " ")
            if sorted.count > 1 {
                var pathMark = "<path \(paint(index, fill: false, stroke: true, dimmed: dimmed)) d=\"\(path)\""
                if style.colours == .fixed { pathMark += " fill=\"none\" stroke-width=\"2.5\"" }
                marks += pathMark + "/>"
            }
            var lastLabelX = -Double.infinity
            for (offset, point) in sorted.enumerated() {
                let cx = x(point.asOf.middle)
                let cy = y(point.value)
                var mark = ""
                if point.asOf.isSpan {
                    mark +=
                        "<line \(paint(index, fill: false, stroke: true, dimmed: dimmed)) x1=\"\(f(x(point.asOf.start)))\" y1=\"\(f(cy))\" x2=\"\(f(x(point.asOf.end)))\" y2=\"\(f(cy))\""
                    mark += style.colours == .fixed ? " stroke-width=\"5\" stroke-opacity=\"0.45\"" : ""
                    mark = mark.replacingOccurrences(of: "class=\"s", with: "class=\"span s") + "/>"
                }
                mark += marker(index, x: cx, y: cy, dimmed: dimmed)
                let isLast = offset == sorted.count - 1
                // The axis names the unit, so a label is the number alone (with % for shares).
                let value = short(point)
                let labelWidth = Self.textWidth(value, size: Self.valueSize)
                let nextX = isLast ? Double.infinity : x(sorted[offset + 1].asOf.middle)
                if isLast || (cx - lastLabelX >= labelWidth + 6 && nextX - cx >= labelWidth * 0.5 + 4) {
                    let above = index % 2 == 0 || chart.series.count == 1
                    // Kept clear of the value axis's labels on the left.
                    let labelX = max(cx, plotLeft + labelWidth / 2 + 2)
                    mark += text(
                        value, x: labelX, y: above ? cy - 11 : cy + 21, cssClass: "value", size: Self.valueSize, anchor: "middle")
                    lastLabelX = cx
                }
                marks += linked(mark, point: point, series: series)
            }
            if let lastPoint = sorted.last {
                endLabels.append((y(lastPoint.value) + 5, x(lastPoint.asOf.end) + 8, series.label, index, dimmed))
            }
        }
        // Direct labels at the ends of the lines, nudged apart so they never overlap.
        endLabels.sort { $0.y < $1.y }
        for offset in endLabels.indices.dropFirst() where endLabels[offset].y - endLabels[offset - 1].y < 16 {
            endLabels[offset].y = endLabels[offset - 1].y + 16
        }
        for label in endLabels {
            marks += text(
                label.text, x: label.x, y: label.y,
                cssClass: "series-label t\(label.index % 4 + 1)" + (label.dimmed ? " dim" : ""),
                size: Self.labelSize, bold: true)
        }
        height = plotBottom + 30
    }

    private func f(_ value: Double) -> String {
        let text = String(format: "%.1f", value)
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }
}
