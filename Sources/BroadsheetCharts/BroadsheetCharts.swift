import BroadsheetContent
import BroadsheetCore
import BroadsheetFacts

/// Draws a resolved `Chart` as SVG, for every renderer that wants a vector figure (website, print).
///
/// No JavaScript and no look-ups: everything drawn comes from the chart value.
public enum ChartSVG {
    /// The chart as one `<svg>` element: `role="img"`, a `<title>` and `<desc>` in words, marks with hover titles
    /// (linked to their sources when the style gives links), direct labels, nice ticks, partial dates as spans.
    public static func render(_ chart: Chart, style: ChartStyle) -> String {
        var canvas = ChartCanvas(chart: chart, style: style)
        switch chart.kind {
        case .line: canvas.drawLine()
        case .bar, .groupedBar: canvas.drawBars(stacked: false)
        case .stackedBar: canvas.drawBars(stacked: true)
        case .dot: canvas.drawDots()
        }
        return canvas.svg()
    }

    /// The chart summarised in words, as the SVG's `<desc>` has it (also for alt texts in print).
    public static func description(of chart: Chart) -> String {
        ChartWords.description(of: chart)
    }
}
