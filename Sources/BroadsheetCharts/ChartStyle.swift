import BroadsheetFacts

/// How a chart is dressed: colours from the site's stylesheet or fixed ones, and where a mark links.
public struct ChartStyle: Sendable {
    /// Where colours come from.
    public enum Colours: Sendable, Hashable {
        /// Classes only (`s1`…`s4`); the stylesheet sets them through CSS custom properties, so dark mode works.
        case stylesheet
        /// Colours written on each mark, distinct in grayscale (for print and standalone files).
        case fixed
    }

    /// Where colours come from.
    public var colours: Colours
    /// The link of a source's entry (e.g. `/sources/#id`), or nil for no links.
    public var sourceHref: @Sendable (SourceID) -> String?
    /// The width of the drawing in SVG units; text sizes are fixed, so a narrower chart has larger text.
    public var width: Double

    /// Creates a style.
    public init(colours: Colours, width: Double = 440, sourceHref: @escaping @Sendable (SourceID) -> String? = { _ in nil }) {
        self.colours = colours
        self.width = width
        self.sourceHref = sourceHref
    }

    /// The website's: stylesheet colours, each mark linked to its source on `/sources/`.
    public static func website(sourceHref: @escaping @Sendable (SourceID) -> String) -> ChartStyle {
        ChartStyle(colours: .stylesheet, sourceHref: { sourceHref($0) })
    }

    /// For print and files on their own: fixed colours that stay apart in grayscale, no links.
    public static let print = ChartStyle(colours: .fixed)

    /// Okabe–Ito colours (safe for colour-blind readers), ordered so neighbours differ in lightness too.
    static let fixedPalette = ["#0b4f8a", "#e69f00", "#009e73", "#cc79a7"]
}
