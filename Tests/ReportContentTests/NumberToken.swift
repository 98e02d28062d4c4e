/// A number (or a word with digits in it) found in a line of text, with its canonical value.
struct NumberToken: Sendable, Hashable, CustomStringConvertible {
    /// How a token is compared with the numbers of the facts.
    enum Kind: Sendable, Hashable {
        /// A plain quantity: "34", "RMB 18.228 billion", "1.2B".
        case plain
        /// A percentage: "55.6%", "3 percent".
        case percent
        /// A word with digits in it ("Q3", "5G", "1990s"): matched only verbatim.
        case word
    }

    /// Why a token needs no fact behind it.
    enum Exemption: String, Sendable, Hashable {
        /// A 4-digit year 1990–2039 standing alone.
        case year
        /// The day in "12 September", "September 12" or "26–27 September".
        case dateDay
        /// An ISO date such as "2021-09-17" or "2021-02".
        case isoDate
    }

    /// The token as written, currency prefix and scale included: "RMB 18.228 billion".
    var text: String
    /// Plain, percent or word.
    var kind: Kind
    /// The number as written, without separators or scale: 18.228 (nil for words).
    var number: Double?
    /// The scale multiplier: 1e9 for "billion" or "bn", 1 when there is none.
    var scale: Double
    /// ISO 4217 code of the currency prefix (RMB → CNY, US$ → USD), if any.
    var currency: String?
    /// Written with a thousands separator, decimals or an ordinal suffix (so never a year).
    var isFormatted: Bool
    /// Set when the rules exempt the token.
    var exemption: Exemption?
    /// 1-based column of the token's first character in its line.
    var column: Int

    /// The canonical value: number × scale (nil for words).
    var value: Double? { number.map { $0 * scale } }

    /// True when the rules require a fact behind this token.
    var needsSource: Bool { exemption == nil }

    var description: String {
        var text = "'\(self.text)'"
        switch kind {
        case .plain: text += " = \(value.map { "\($0)" } ?? "?")"
        case .percent: text += " = \(value.map { "\($0)" } ?? "?")%"
        case .word: text += " (word)"
        }
        if let currency { text += " \(currency)" }
        if let exemption { text += " [\(exemption.rawValue)]" }
        return text
    }

    /// Relative tolerance of a numeric match: 0.05%.
    static let tolerance = 0.0005

    /// Whether `fact` supports this token: the same text, or the same kind and value within
    /// the tolerance (and the same currency when both name one).
    func isSupported(by fact: NumberToken) -> Bool {
        if normalizedText == fact.normalizedText { return true }
        guard kind != .word, kind == fact.kind, let value, let factValue = fact.value else { return false }
        if let currency, let other = fact.currency, currency != other { return false }
        return abs(value - factValue) <= Self.tolerance * max(abs(value), abs(factValue))
    }

    /// The text lower-cased with runs of white space (including no-break spaces) made one space.
    var normalizedText: String {
        text.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
