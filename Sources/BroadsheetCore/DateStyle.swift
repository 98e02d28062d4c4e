/// How dates read in the site's language (`language:` in site.yaml): "12 September 2024" in
/// English and most languages, "2024年9月12日" in Chinese and Japanese; partial dates as
/// "September 2024" / "2024年9月" and "2024" / "2024年".
public struct DateStyle: Sendable, Hashable {
    /// The written forms Broadsheet knows.
    public enum Form: Sendable, Hashable {
        /// Day, English month name, year.
        case english
        /// Year 年 month 月 day 日, in Arabic numerals.
        case chineseCalendar
    }

    /// The form this style writes.
    public let form: Form

    /// English, the default.
    public static let english = DateStyle(form: .english)

    /// Creates the style of a form.
    public init(form: Form) {
        self.form = form
    }

    /// The style for a BCP 47 tag: its primary language decides (`zh`, `zh-Hant-TW`, `ja` → 年月日).
    public init(language: String) {
        let primary = language.split(separator: "-").first.map { $0.lowercased() } ?? ""
        self.form = primary == "zh" || primary == "ja" ? .chineseCalendar : .english
    }

    /// A full date: "12 September 2024", "2024年9月12日".
    public func day(year: Int, month: Int, day: Int) -> String {
        switch form {
        case .english: "\(day) \(Gregorian.monthNames[month - 1]) \(year)"
        case .chineseCalendar: "\(year)年\(month)月\(day)日"
        }
    }

    /// A month: "September 2024", "2024年9月".
    public func month(year: Int, month: Int) -> String {
        switch form {
        case .english: "\(Gregorian.monthNames[month - 1]) \(year)"
        case .chineseCalendar: "\(year)年\(month)月"
        }
    }

    /// A year: "2024", "2024年".
    public func year(_ year: Int) -> String {
        switch form {
        case .english: String(year)
        case .chineseCalendar: "\(year)年"
        }
    }
}
