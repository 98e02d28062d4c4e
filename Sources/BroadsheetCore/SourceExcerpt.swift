/// The quoted source line of a diagnostic and the caret under its column, cut to a window
/// around the caret when the line is long (a Markdown paragraph is one line), with `…` on
/// the side that was cut. Columns count Unicode scalars, as `SourceLocation` does; the caret's
/// indent counts terminal cells, so wide (CJK) characters take two and combining marks none.
public struct SourceExcerpt: Sendable, Equatable {
    /// The line as shown (control characters already made visible, cut to the window).
    public var text: String
    /// The caret's indent in terminal cells, or nil when the column is not on the line.
    public var caretOffset: Int?

    /// Lines up to this many cells are shown whole.
    public static let maximumWidth = 120
    /// How many cells of a long line are shown before the caret.
    public static let leftContext = 40

    /// The excerpt of `scalars` with the caret at 1-based `column` (nil for none).
    public init(_ scalars: [Unicode.Scalar], column: Int?) {
        let widths = scalars.map(Self.width)
        let total = widths.reduce(0, +)
        let caret = column.flatMap { $0 >= 1 && $0 <= scalars.count + 1 ? $0 - 1 : nil }
        var start = 0
        var end = scalars.count
        if total > Self.maximumWidth {
            let anchor = caret ?? 0
            var before = 0
            start = anchor
            while start > 0 && before + widths[start - 1] <= Self.leftContext {
                start -= 1
                before += widths[start]
            }
            // The window holds `maximumWidth` cells, less the two ellipses.
            var shown = 0
            end = start
            while end < scalars.count && shown + widths[end] <= Self.maximumWidth - 2 {
                shown += widths[end]
                end += 1
            }
            // A caret at the very end of the line sits after the last scalar shown.
            if let caret, caret > end { end = min(scalars.count, caret) }
        }
        var text = String.UnicodeScalarView()
        if start > 0 { text.append("…") }
        text.append(contentsOf: scalars[start..<end])
        if end < scalars.count { text.append("…") }
        self.text = String(text)
        self.caretOffset = caret.map { (start > 0 ? 1 : 0) + widths[start..<$0].reduce(0, +) }
    }

    /// The cells a scalar takes in a terminal: 0 for combining marks and joiners, 2 for East
    /// Asian wide and fullwidth characters and emoji, 1 otherwise.
    public static func width(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if (0xFE00...0xFE0F).contains(value) { return 0 }
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
            0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }
}
