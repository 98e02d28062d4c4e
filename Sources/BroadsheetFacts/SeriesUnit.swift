import Foundation

/// The unit of a series as written (`%`, `million accounts`, `RMB billion`), and how values in it read.
public struct SeriesUnit: Sendable, Hashable, CustomStringConvertible {
    /// The unit as written in series.yaml.
    public let text: String
    /// Wraps a unit.
    public init(_ text: String) { self.text = text.trimmingCharacters(in: .whitespaces) }

    /// Currency words that go before the number: "RMB 18.228 billion".
    static let prefixes = ["RMB", "US$", "HK$", "USD", "CNY", "€"]

    /// True for `%`.
    public var isPercentage: Bool { text == "%" }

    /// A value in this unit: "55.6%", "1,097.6 million accounts", "RMB 18.228 billion".
    public func format(_ value: Double, approximate: Bool = false) -> String {
        // Tiny values keep their digits rather than rounding to a number the facts do not give.
        let digits = value != 0 && abs(value) < 0.01 ? NumberText.plain(value) : NumberText.format(value)
        let number = (approximate ? "~" : "") + digits
        if isPercentage { return number + "%" }
        let words = text.split(separator: " ", maxSplits: 1).map(String.init)
        if let first = words.first, Self.prefixes.contains(first) {
            let symbol = first == "CNY" ? "RMB" : first
            return symbol + (symbol.hasSuffix("$") ? "" : " ") + number + (words.count > 1 ? " " + words[1] : "")
        }
        return text.isEmpty ? number : number + " " + text
    }

    /// The axis title: "Per cent", or the unit itself.
    public var axisTitle: String { isPercentage ? "Per cent" : text }

    public var description: String { text }
}
