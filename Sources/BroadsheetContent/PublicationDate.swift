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
            (1...12).contains(month), day >= 1, day <= Self.daysIn(month: month, year: year)
        else { return nil }
        var seconds = 0
        var offset = 0
        var hasTime = false
        if trimmed.count > 10 {
            let rest = trimmed.dropFirst(10)
            guard rest.first == "T" || rest.first == " " else { return nil }
            guard let parsed = Self.parseTime(String(rest.dropFirst())) else { return nil }
            seconds = parsed.seconds
            offset = parsed.offset
            hasTime = true
        }
        var components = DateComponents()
        components.year = year
        components.month = month
        components.day = day
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let midnight = calendar.date(from: components) else { return nil }
        self.instant = midnight.addingTimeInterval(TimeInterval(seconds - offset))
        self.year = year
        self.month = month
        self.day = day
        self.original = trimmed
        self.hasTime = hasTime
    }

    /// "20 November 2025".
    public var display: String {
        "\(day) \(Self.monthNames[month - 1]) \(year)"
    }

    /// `2025-11-20`.
    public var isoDate: String { String(format: "%04d-%02d-%02d", year, month, day) }

    /// RFC 3339 in UTC, for feeds, sitemaps and JSON-LD.
    public var rfc3339: String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: instant)
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

    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
