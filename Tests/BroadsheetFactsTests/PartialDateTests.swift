import BroadsheetCore
import BroadsheetFacts
import Testing

@Suite("PartialDate")
struct PartialDateTests {
    struct Valid: Sendable, CustomTestStringConvertible {
        var iso: String
        var parts: [Int?]
        var display: String
        var shortDisplay: String
        var testDescription: String { iso }
    }

    static let valid: [Valid] = [
        Valid(iso: "2021", parts: [2021, nil, nil], display: "2021", shortDisplay: "2021"),
        Valid(iso: "2021-04", parts: [2021, 4, nil], display: "April 2021", shortDisplay: "Apr 2021"),
        Valid(iso: "2021-04-10", parts: [2021, 4, 10], display: "10 April 2021", shortDisplay: "10 Apr 2021"),
        Valid(iso: "2021-01-01", parts: [2021, 1, 1], display: "1 January 2021", shortDisplay: "1 Jan 2021"),
        Valid(iso: "1999-12-31", parts: [1999, 12, 31], display: "31 December 1999", shortDisplay: "31 Dec 1999"),
        Valid(iso: "2020-02-29", parts: [2020, 2, 29], display: "29 February 2020", shortDisplay: "29 Feb 2020"),
        Valid(iso: "2000-02-29", parts: [2000, 2, 29], display: "29 February 2000", shortDisplay: "29 Feb 2000"),
        Valid(iso: "2021-09", parts: [2021, 9, nil], display: "September 2021", shortDisplay: "Sep 2021"),
        Valid(iso: "0001", parts: [1, nil, nil], display: "1", shortDisplay: "1"),
        Valid(iso: "9999-12", parts: [9999, 12, nil], display: "December 9999", shortDisplay: "Dec 9999"),
    ]

    @Test("shown in the site's language: year, month or day as known")
    func languages() throws {
        let chinese = DateStyle(language: "zh")
        #expect(try #require(PartialDate(iso: "2024")).display(chinese) == "2024年")
        #expect(try #require(PartialDate(iso: "2024-09")).display(chinese) == "2024年9月")
        #expect(try #require(PartialDate(iso: "2024-09-12")).display(chinese) == "2024年9月12日")
        #expect(try #require(PartialDate(iso: "2024-09")).display(DateStyle(language: "en")) == "September 2024")
    }

    @Test("parses, round-trips and displays as precisely as known", arguments: valid)
    func parse(_ valid: Valid) throws {
        let date = try #require(PartialDate(iso: valid.iso))
        #expect([date.year, date.month, date.day] == valid.parts)
        #expect(date.iso == valid.iso)
        #expect(date.description == valid.iso)
        #expect(date.display == valid.display)
        #expect(date.shortDisplay == valid.shortDisplay)
        #expect(date.isPartial == (valid.parts[2] == nil))
    }

    @Test(
        "rejects impossible and malformed dates",
        arguments: [
            "2021-02-30", "2021-02-29", "1900-02-29", "2100-02-29", "2021-04-31", "2021-06-31", "2021-09-31", "2021-11-31",
            "2021-13", "2021-00", "2021-01-00", "2021-01-32", "0000", "2021-4", "2021-04-1", "21", "20210", "2021-",
            "2021-04-", "-2021", "2021--04", "2021-04-10-01", "2021/04/10", "2021-04-10T00:00", " 2021", "2021 ", "",
            "abcd", "２０２１", "٢٠٢١", "+202", "2021-1a",
        ])
    func invalid(text: String) {
        #expect(PartialDate(iso: text) == nil)
    }

    @Test(
        "the memberwise initialiser checks the same rules",
        arguments: [
            (2021, 2 as Int?, 28 as Int?, true), (2021, 2, 29, false), (2024, 2, 29, true), (2021, nil, 5, false),
            (2021, 13, nil, false), (0, nil, nil, false), (10000, nil, nil, false), (2021, 4, 0, false),
        ])
    func memberwise(year: Int, month: Int?, day: Int?, valid: Bool) {
        #expect((PartialDate(year: year, month: month, day: day) != nil) == valid)
    }

    @Test("the last day of every month", arguments: Array(1...12))
    func monthLengths(month: Int) {
        let lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        let last = lengths[month - 1]
        #expect(PartialDate(year: 2021, month: month, day: last) != nil)
        #expect(PartialDate(year: 2021, month: month, day: last + 1) == nil)
    }

    @Test("orders by year, month, day; a less precise date first in its period")
    func ordering() throws {
        let texts = ["2021-04-10", "2021", "2020-12-31", "2021-04", "2021-01-01", "2021-01", "2022", "2021-04-09"]
        let dates = try texts.map { try #require(PartialDate(iso: $0)) }
        #expect(
            dates.sorted().map(\.iso) == [
                "2020-12-31", "2021", "2021-01", "2021-01-01", "2021-04", "2021-04-09", "2021-04-10", "2022",
            ])
        #expect(PartialDate(iso: "2021")! < PartialDate(iso: "2021-01")!)
        #expect(!(PartialDate(iso: "2021-04")! < PartialDate(iso: "2021-04")!))
        #expect(PartialDate(iso: "2021-04") != PartialDate(iso: "2021-04-01"))
    }

    @Test(
        "an end may be after or the same as a start when the periods can overlap",
        arguments: [
            ("2021-04-10", "2021-04-10", true),
            ("2021-04-11", "2021-04-10", true),
            ("2021-04-09", "2021-04-10", false),
            ("2021-04", "2021-04-10", true),
            ("2021-03", "2021-04-10", false),
            ("2021", "2021-06-05", true),
            ("2020", "2021", false),
            ("2021", "2021", true),
            ("2021-04-10", "2021", true),
            ("2020-12-31", "2021", false),
            ("2021-04-10", "2021-04", true),
            ("2021-03-31", "2021-04", false),
            ("2022-01", "2021-12-31", true),
        ])
    func mayBeAfterOrSame(end: String, start: String, expected: Bool) throws {
        let end = try #require(PartialDate(iso: end))
        let start = try #require(PartialDate(iso: start))
        #expect(end.mayBeAfterOrSame(as: start) == expected)
    }

    @Test("the earliest day a date could mean")
    func earliestDay() {
        #expect(PartialDate(iso: "2021")!.earliestDay == (2021, 1, 1))
        #expect(PartialDate(iso: "2021-04")!.earliestDay == (2021, 4, 1))
        #expect(PartialDate(iso: "2021-04-10")!.earliestDay == (2021, 4, 10))
    }

    @Test("fractional years place a date in the middle of its period")
    func fractionalYear() {
        #expect(PartialDate(iso: "2021")!.fractionalYear == 2021.5)
        #expect(abs(PartialDate(iso: "2021-01")!.fractionalYear - (2021 + 1.0 / 24)) < 1e-9)
        #expect(abs(PartialDate(iso: "2021-07")!.fractionalYear - (2021.5 + 1.0 / 24)) < 1e-9)
        #expect(abs(PartialDate(iso: "2021-01-01")!.fractionalYear - (2021 + 0.5 / 31 / 12)) < 1e-9)
        let days = ["2021-04-09", "2021-04-10", "2021-04-30", "2021-05-01"].map { PartialDate(iso: $0)!.fractionalYear }
        #expect(days == days.sorted())
        #expect(Set(days).count == days.count)
    }
}
