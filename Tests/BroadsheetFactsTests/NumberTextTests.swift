import BroadsheetCore
import Testing

@testable import BroadsheetFacts

@Suite("NumberText")
struct NumberTextTests {
    @Test(
        "grouped, up to three decimals, trailing zeros dropped",
        arguments: [
            (1225, "1,225"),
            (18.228, "18.228"),
            (0.5, "0.5"),
            (0, "0"),
            (7, "7"),
            (100, "100"),
            (999, "999"),
            (1000, "1,000"),
            (55.6, "55.6"),
            (55.60, "55.6"),
            (1_234_567.891, "1,234,567.891"),
            (1e9, "1,000,000,000"),
            (-1225, "-1,225"),
            (-0.5, "-0.5"),
            (-18.228, "-18.228"),
            (12.3456, "12.346"),
            (12.3454, "12.345"),
            (2.0004, "2"),
            (0.9996, "1"),
            (999.9996, "1,000"),
            (-999.9996, "-1,000"),
            (0.001, "0.001"),
            (0.0004, "0"),
            (0.1 + 0.2, "0.3"),
            (1.10, "1.1"),
        ] as [(Double, String)])
    func format(number: Double, expected: String) {
        #expect(NumberText.format(number) == expected)
    }

    @Test("a negative number that rounds to zero shows no minus sign")
    func negativeZero() {
        #expect(NumberText.format(-0.0001) == "0")
        #expect(NumberText.format(-0.0) == "0")
    }

    @Test(
        "plain machine-readable numbers",
        arguments: [
            (1225, "1225"), (18_228_000_000, "18228000000"), (0.5, "0.5"), (-3, "-3"), (1.1 * 1000, "1100"),
            (0.123456789, "0.123457"), (18.228 * 1e9, "18228000000"), (0, "0"),
        ] as [(Double, String)])
    func plain(number: Double, expected: String) {
        #expect(NumberText.plain(number) == expected)
    }

    @Test(
        "scale multipliers",
        arguments: [("thousand", 1e3), ("million", 1e6), ("billion", 1e9), ("trillion", 1e12), ("lots", 1)] as [(String, Double)])
    func multiplier(scale: String, expected: Double) {
        #expect(NumberText.multiplier(scale) == expected)
        #expect(NumberText.multiplier(nil) == 1)
    }

    @Test("every documented scale has a multiplier")
    func scales() {
        #expect(NumberText.scales == ["thousand", "million", "billion", "trillion"])
        for scale in NumberText.scales { #expect(NumberText.multiplier(scale) > 1) }
    }

    @Test(
        "currency symbols",
        arguments: [("CNY", "RMB "), ("USD", "US$"), ("HKD", "HK$"), ("EUR", "€"), ("JPY", "JPY ")] as [(String, String)])
    func currency(code: String, expected: String) {
        #expect(NumberText.currencySymbol(code) == expected)
        #expect(NumberText.currencySymbol(nil) == "")
    }
}

@Suite("Comparison.Cell.displayText")
struct CellDisplayTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var type: Comparison.ColumnType
        var currency: String? = nil
        var value: Comparison.CellValue
        var scale: String? = nil
        var approx = false
        var expected: String
        var testDescription: String { expected }
    }

    static let cases: [Case] = [
        Case(type: .money, currency: "CNY", value: .number(18.228), scale: "billion", expected: "RMB 18.228 billion"),
        Case(type: .money, currency: "USD", value: .number(2.8), scale: "billion", approx: true, expected: "~US$2.8 billion"),
        Case(type: .money, currency: "CNY", value: .number(500_000), expected: "RMB 500,000"),
        Case(type: .money, currency: "EUR", value: .number(4.34), scale: "billion", expected: "€4.34 billion"),
        Case(type: .money, currency: nil, value: .number(12), expected: "12"),
        Case(type: .percentage, value: .number(55.6), expected: "55.6%"),
        Case(type: .percentage, value: .number(38.5), approx: true, expected: "~38.5%"),
        Case(type: .percentage, value: .number(33.3333), expected: "33.333%"),
        Case(type: .number, value: .number(1225), expected: "1,225"),
        Case(type: .number, value: .number(1.2), scale: "billion", expected: "1.2 billion"),
        Case(type: .number, value: .number(900), scale: "million", approx: true, expected: "~900 million"),
        Case(type: .number, value: .number(-4.5), expected: "-4.5"),
        Case(type: .text, value: .text("Hangzhou"), expected: "Hangzhou"),
        Case(type: .text, value: .text("a dozen"), approx: true, expected: "~a dozen"),
        Case(type: .date, value: .date(PartialDate(year: 2021, month: 4, day: 10)!), expected: "10 April 2021"),
        Case(type: .date, value: .date(PartialDate(year: 1999)!), expected: "1999"),
        Case(type: .boolean, value: .boolean(true), expected: "Yes"),
        Case(type: .boolean, value: .boolean(false), expected: "No"),
    ]

    @Test("the value as the table shows it", arguments: cases)
    func display(_ testCase: Case) {
        let column = Comparison.Column(id: "c", label: "C", type: testCase.type, unit: nil, currency: testCase.currency)
        let cell = Comparison.Cell(
            value: testCase.value, scale: testCase.scale, asOf: PartialDate(year: 2021)!, source: SourceID("s"),
            isApproximate: testCase.approx, note: nil, location: SourceLocation(path: "x.yaml"))
        #expect(cell.displayText(in: column) == testCase.expected)
    }

    @Test(
        "machine values are scaled to units",
        arguments: [
            (Comparison.CellValue.number(18.228), "billion" as String?, "18228000000"),
            (.number(1.5), "million", "1500000"),
            (.number(0.25), nil, "0.25"),
            (.text("x, y"), nil, "x, y"),
            (.date(PartialDate(year: 2021, month: 4)!), nil, "2021-04"),
            (.boolean(false), nil, "false"),
        ])
    func machineValue(value: Comparison.CellValue, scale: String?, expected: String) {
        let cell = Comparison.Cell(
            value: value, scale: scale, asOf: PartialDate(year: 2021)!, source: SourceID("s"), isApproximate: false,
            note: nil, location: SourceLocation(path: "x.yaml"))
        #expect(cell.machineValue == expected)
    }

    @Test(
        "headers carry their unit",
        arguments: [
            (Comparison.ColumnType.percentage, nil as String?, nil as String?, "Share (%)"),
            (.money, nil, "CNY", "Share (CNY)"),
            (.money, nil, nil, "Share"),
            (.number, "million users", nil, "Share (million users)"),
            (.number, nil, nil, "Share"),
            (.text, "ignored", "ignored", "Share"),
        ])
    func header(type: Comparison.ColumnType, unit: String?, currency: String?, expected: String) {
        let column = Comparison.Column(id: "c", label: "Share", type: type, unit: unit, currency: currency)
        #expect(column.headerWithUnit == expected)
    }

    @Test("numeric column types")
    func numericTypes() {
        #expect(Comparison.ColumnType.allCases.filter(\.isNumeric) == [.number, .money, .percentage])
    }
}
