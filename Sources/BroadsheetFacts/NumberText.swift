import Foundation

/// Consistent number formatting for tables, CSV and JSON, independent of the machine's locale.
public enum NumberText {
    /// Thousands separators and up to three decimals, trailing zeros dropped: 1,225 / 18.228 / 0.5.
    public static func format(_ number: Double) -> String {
        let rounded = (abs(number) * 1000).rounded() / 1000
        let negative = number < 0 && rounded > 0
        var integer = floor(rounded)
        var fraction = Int(((rounded - integer) * 1000).rounded())
        if fraction == 1000 {
            integer += 1
            fraction = 0
        }
        var digits = String(format: "%.0f", integer)
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits = String(digits.dropLast(3))
        }
        grouped = digits + grouped
        if fraction > 0 {
            var decimals = String(format: "%03d", fraction)
            while decimals.hasSuffix("0") { decimals.removeLast() }
            grouped += "." + decimals
        }
        return (negative ? "-" : "") + grouped
    }

    /// The number without grouping, as machine-readable text (integers without ".0").
    public static func plain(_ number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 { return String(format: "%.0f", number) }
        var text = String(format: "%.6f", number)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// The factor a scale word stands for.
    public static func multiplier(_ scale: String?) -> Double {
        switch scale {
        case "thousand": 1e3
        case "million": 1e6
        case "billion": 1e9
        case "trillion": 1e12
        default: 1
        }
    }

    /// The scale words a cell may use.
    public static let scales = ["thousand", "million", "billion", "trillion"]

    /// "RMB " for CNY, "US$" for USD, the code and a space otherwise.
    public static func currencySymbol(_ code: String?) -> String {
        switch code {
        case "CNY": "RMB "
        case "USD": "US$"
        case "HKD": "HK$"
        case "EUR": "€"
        case nil: ""
        case let code?: code + " "
        }
    }
}
