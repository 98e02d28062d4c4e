import BroadsheetCore
import Foundation

/// An article's date: a calendar day, optionally with a time and UTC offset.
public struct PublicationDate: Sendable, Hashable, Comparable {
    /// The instant (midnight UTC for date-only values), for sorting and feeds.
    public let instant: Date
    /// The calendar day as written.
    public let year: Int, month: Int, day: Int
    /// The text as written in the front matter.
    public let original: String
    /// Whether a time was given.
    public let hasTime: Bool

    /// Parses `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM[:SS](Z|±HH:MM)`; nil for impossible dates.
    public init?(iso text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let datePart = String(trimmed.prefix(10))
        let parts = datePart.split(separator: "-")
        guard datePart.count == 10, parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month), day >= 1, day <= Gregorian.daysIn(month: month, year: year)
        else { return nil }
        var timeOfDay = 0
        var offset = 0
        var hasTime = false
        if trimmed.count > 10 {
            let rest = trimmed.dropFirst(10)
            guard rest.first == "T" || rest.first == " " else { return nil }
            guard let parsed = Self.parseTime(String(rest.dropFirst())) else { return nil }
            timeOfDay = parsed.seconds
            offset = parsed.offset
            hasTime = true
        }
        let seconds = Gregorian.daysFromCivil(year: year, month: month, day: day) * 86_400 + timeOfDay - offset
        self.instant = Date(timeIntervalSince1970: TimeInterval(seconds))
        self.rfc3339 = Self.utcTimestamp(seconds)
        self.year = year
        self.month = month
        self.day = day
        self.original = trimmed
        self.hasTime = hasTime
    }

    /// "20 November 2025".
    public var display: String { display(.english) }

    /// The date as the site's language writes it: "20 November 2025", "2025年11月20日".
    public func display(_ style: DateStyle) -> String { style.day(year: year, month: month, day: day) }

    /// `2025-11-20`.
    public var isoDate: String { String(original.prefix(10)) }

    /// RFC 3339 in UTC, for feeds, sitemaps and JSON-LD (computed once, without a formatter).
    public let rfc3339: String

    /// Dates before this year are refused: feeds, sitemaps and JSON-LD want four-digit years,
    /// and no report is published before it.
    public static let earliestYear = 1000

    /// The error for a date before `earliestYear`, at `location`; nil for a later date.
    public func earlyYearProblem(at location: SourceLocation) -> Diagnostic? {
        guard year < Self.earliestYear else { return nil }
        return .error(
            at: location, "'\(original)' is before the year \(Self.earliestYear)",
            hint: "write the full year, from \(Self.earliestYear) on (a year such as 0024 is usually a typo for 2024)")
    }

    public static func < (lhs: PublicationDate, rhs: PublicationDate) -> Bool { lhs.instant < rhs.instant }

    private static func parseTime(_ text: String) -> (seconds: Int, offset: Int)? {
        var body = text
        var offset = 0
        if body.hasSuffix("Z") || body.hasSuffix("z") {
            body.removeLast()
        } else if let signIndex = body.lastIndex(where: { $0 == "+" || $0 == "-" }) {
            let zone = body[body.index(after: signIndex)...].split(separator: ":")
            guard zone.count == 2, let hours = Int(zone[0]), let minutes = Int(zone[1]), hours <= 14, minutes < 60 else {
                return nil
            }
            offset = (hours * 3600 + minutes * 60) * (body[signIndex] == "-" ? -1 : 1)
            body = String(body[..<signIndex])
        } else {
            return nil
        }
        let parts = body.split(separator: ":")
        guard parts.count == 2 || parts.count == 3, let hours = Int(parts[0]), let minutes = Int(parts[1]),
            hours < 24, minutes < 60
        else { return nil }
        let secondsPart = parts.count == 3 ? Double(parts[2]) : 0
        guard let secondsPart, secondsPart < 61 else { return nil }
        return (hours * 3600 + minutes * 60 + Int(secondsPart), offset)
    }

    /// `YYYY-MM-DDTHH:MM:SSZ` for seconds since 1970.
    static func utcTimestamp(_ seconds: Int) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = Gregorian.civil(fromDays: days)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        // RFC 3339 wants four digits: a time zone can move 1000-01-01 back into year 999.
        let yearText = year < 0 ? "\(year)" : String(repeating: "0", count: max(0, 4 - "\(year)".count)) + "\(year)"
        let hours = secondOfDay / 3600
        let minutes = secondOfDay % 3600 / 60
        return "\(yearText)-\(two(month))-\(two(day))T\(two(hours)):\(two(minutes)):\(two(secondOfDay % 60))Z"
    }

}
