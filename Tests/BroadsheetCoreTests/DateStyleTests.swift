import Testing

@testable import BroadsheetCore

/// Dates in the site's language.
@Suite("Date styles")
struct DateStyleTests {
    @Test("English: day month year, month year, year")
    func english() {
        let style = DateStyle(language: "en-GB")
        #expect(style.day(year: 2024, month: 9, day: 12) == "12 September 2024")
        #expect(style.month(year: 2024, month: 9) == "September 2024")
        #expect(style.year(2024) == "2024")
    }

    @Test("Chinese and Japanese: 年月日 with Arabic numerals, partial dates too")
    func chinese() {
        for tag in ["zh", "zh-Hans", "zh-Hant-TW", "ZH-CN", "ja"] {
            let style = DateStyle(language: tag)
            #expect(style.day(year: 2024, month: 9, day: 12) == "2024年9月12日", "\(tag)")
            #expect(style.month(year: 2024, month: 9) == "2024年9月")
            #expect(style.year(2024) == "2024年")
        }
    }

    @Test("other languages keep the English form")
    func others() {
        #expect(DateStyle(language: "de").form == .english)
        #expect(DateStyle(language: "x-private").form == .english)
        #expect(DateStyle(language: "zhx").form == .english)
    }
}
