import BroadsheetCore
import Foundation

/// A calendar date known to the year, the month, or the day, and shown only as precisely as it is known.
public struct PartialDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The year, e.g. 2021.
    public let year: Int
    /// 1–12, when known.
    public let month: Int?
    /// 1–31, when known (only with a month).
    public let day: Int?

    /// Creates a date; returns nil for impossible dates such as 2021-02-30.
    public init?(year: Int, month: Int? = nil, day: Int? = nil) {
        guard (1...9999).contains(year) else { return nil }
        if let month, !(1...12).contains(month) { return nil }
        if let day {
            guard let month, day >= 1, day <= Gregorian.daysIn(month: month, year: year) else { return nil }
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4, parts.dropFirst().allSatisfy({ $0.count == 2 }),
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) })
        else { return nil }
        let numbers = parts.map { Int($0)! }
        self.init(year: numbers[0], month: numbers.count > 1 ? numbers[1] : nil, day: numbers.count > 2 ? numbers[2] : nil)
    }

    /// `2021`, `2021-04` or `2021-04-10`.
    public var iso: String {
        var text = String(format: "%04d", year)
        if let month { text += String(format: "-%02d", month) }
        if let day { text += String(format: "-%02d", day) }
        return text
    }

    /// "2021", "April 2021" or "10 April 2021".
    public var display: String { display(.english) }

    /// The date as precisely as it is known, in the site's language: "April 2021", "2021年4月".
    public func display(_ style: DateStyle) -> String {
        guard let month else { return style.year(year) }
        guard let day else { return style.month(year: year, month: month) }
        return style.day(year: year, month: month, day: day)
    }

    /// "Apr 2021"-style short form for tight spaces.
    public var shortDisplay: String {
        guard let month else { return String(year) }
        let name = String(Gregorian.monthNames[month - 1].prefix(3))
        guard let day else { return "\(name) \(year)" }
        return "\(day) \(name) \(year)"
    }

    /// The first day the date could mean (for placing it on an axis).
    public var earliestDay: (year: Int, month: Int, day: Int) { (year, month ?? 1, day ?? 1) }

    /// A fractional year for charts: the middle of the period the date covers.
    public var fractionalYear: Double {
        guard let month else { return Double(year) + 0.5 }
        let monthStart = Double(year) + Double(month - 1) / 12
        guard let day else { return monthStart + 1.0 / 24 }
        return monthStart + (Double(day) - 0.5) / Double(Gregorian.daysIn(month: month, year: year)) / 12
    }

    /// True when the date is only known to the month or year.
    public var isPartial: Bool { day == nil }

    public var description: String { iso }

    /// Orders by year, then month, then day; a less precise date sorts before more precise ones in its period.
    public static func < (lhs: PartialDate, rhs: PartialDate) -> Bool {
        (lhs.year, lhs.month ?? 0, lhs.day ?? 0) < (rhs.year, rhs.month ?? 0, rhs.day ?? 0)
    }

    /// True when this date's period ends before `other`'s begins cannot be said; used for end ≥ start checks.
    public func mayBeAfterOrSame(as other: PartialDate) -> Bool {
        let lhs = (year, month ?? 12, day ?? 31)
        let rhs = (other.year, other.month ?? 1, other.day ?? 1)
        return lhs >= rhs
    }

}
