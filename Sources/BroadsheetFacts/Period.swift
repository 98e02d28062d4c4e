import BroadsheetCore
import Foundation

/// The span an as-of value covers: a year, a quarter, a month or a day, shown only as precisely as it is known.
///
/// Charts place a value at its span, not at a made-up day: a quarter is three months wide.
public struct Period: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// How precisely the period is known.
    public enum Precision: Sendable, Hashable {
        case year
        case quarter(Int)
        case month(Int)
        case day(month: Int, day: Int)
    }

    /// The year, e.g. 2021.
    public let year: Int
    /// Year, quarter, month or day.
    public let precision: Precision

    /// Parses `YYYY`, `YYYY-Qn`, `YYYY-MM` or `YYYY-MM-DD`; nil for anything else or an impossible date.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 2, parts[1].count == 2, parts[1].first == "Q" || parts[1].first == "q",
            let quarter = Int(parts[1].dropFirst()), (1...4).contains(quarter),
            let date = PartialDate(iso: String(parts[0]))
        {
            self.init(year: date.year, precision: .quarter(quarter))
            return
        }
        guard let date = PartialDate(iso: text) else { return nil }
        self.init(date)
    }

    /// The period a partial date names.
    public init(_ date: PartialDate) {
        switch (date.month, date.day) {
        case (let month?, let day?): self.init(year: date.year, precision: .day(month: month, day: day))
        case (let month?, nil): self.init(year: date.year, precision: .month(month))
        default: self.init(year: date.year, precision: .year)
        }
    }

    private init(year: Int, precision: Precision) {
        self.year = year
        self.precision = precision
    }

    /// `2021`, `2021-Q2`, `2021-06` or `2021-06-30`.
    public var iso: String {
        let yearText = String(format: "%04d", year)
        switch precision {
        case .year: return yearText
        case .quarter(let quarter): return "\(yearText)-Q\(quarter)"
        case .month(let month): return yearText + String(format: "-%02d", month)
        case .day(let month, let day): return yearText + String(format: "-%02d-%02d", month, day)
        }
    }

    /// "2021", "Q2 2021", "June 2021" or "30 June 2021".
    public var display: String {
        switch precision {
        case .year: String(year)
        case .quarter(let quarter): "Q\(quarter) \(year)"
        case .month(let month): "\(Gregorian.monthNames[month - 1]) \(year)"
        case .day(let month, let day): "\(day) \(Gregorian.monthNames[month - 1]) \(year)"
        }
    }

    /// "2021", "Q2 2021", "Jun 2021" or "30 Jun 2021", for axis labels.
    public var shortDisplay: String {
        switch precision {
        case .year, .quarter: display
        case .month(let month): "\(Gregorian.monthNames[month - 1].prefix(3)) \(year)"
        case .day(let month, let day): "\(day) \(Gregorian.monthNames[month - 1].prefix(3)) \(year)"
        }
    }

    /// Where the period begins, as a fractional year (2021.25 is 1 April 2021).
    public var start: Double {
        switch precision {
        case .year: Double(year)
        case .quarter(let quarter): Double(year) + Double(quarter - 1) / 4
        case .month(let month): Double(year) + Double(month - 1) / 12
        case .day(let month, let day):
            Double(year) + (Double(month - 1) + Double(day - 1) / Double(Gregorian.daysIn(month: month, year: year))) / 12
        }
    }

    /// Where the period ends, as a fractional year (the start of the next period).
    public var end: Double {
        switch precision {
        case .year: Double(year + 1)
        case .quarter(let quarter): Double(year) + Double(quarter) / 4
        case .month(let month): Double(year) + Double(month) / 12
        case .day(let month, _): start + 1.0 / Double(Gregorian.daysIn(month: month, year: year)) / 12
        }
    }

    /// The middle of the period: where a single mark for it goes.
    public var middle: Double { (start + end) / 2 }

    /// True for a year, quarter or month: drawn as a span on a date axis.
    public var isSpan: Bool {
        if case .day = precision { return false }
        return true
    }

    public var description: String { iso }

    /// Orders by where the period starts, then the shorter first.
    public static func < (lhs: Period, rhs: Period) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }
}
