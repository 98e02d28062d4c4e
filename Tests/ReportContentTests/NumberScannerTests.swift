import Testing

/// One line of prose and the tokens the scanner must find in it, written as
/// `text=value` (plain), `text=value%` (percent), `text:word`, or `text[exemption]`.
struct ScanCase: Sendable, CustomTestStringConvertible {
    var line: String
    var expected: [String]
    var testDescription: String { line }
    init(_ line: String, _ expected: [String]) {
        self.line = line
        self.expected = expected
    }
}

@Suite("Number scanner")
struct NumberScannerTests {
    /// The short form of a token used by the cases.
    static func summary(_ token: NumberToken) -> String {
        if let exemption = token.exemption { return "\(token.text)[\(exemption.rawValue)]" }
        switch token.kind {
        case .word: return "\(token.text):word"
        case .plain: return "\(token.text)=\(format(token.value!))"
        case .percent: return "\(token.text)=\(format(token.value!))%"
        }
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e16 ? String(Int64(value)) : "\(value)"
    }

    static let cases: [ScanCase] = [
        // Numbers, with separators, decimals, currency, scale and percent.
        ScanCase("SAMR fined Alibaba RMB 18.228 billion.", ["RMB 18.228 billion=18228000000"]),
        ScanCase("Alipay at 55.6% and WeChat Pay at 38.8%", ["55.6%=55.6%", "38.8%=38.8%"]),
        ScanCase("about 1.2 billion users", ["1.2 billion=1200000000"]),
        ScanCase("summoned 34 internet platforms", ["34=34"]),
        ScanCase("at RMB 500,000 per case", ["RMB 500,000=500000"]),
        ScanCase("raising about US$34.4 billion", ["US$34.4 billion=34400000000"]),
        ScanCase(
            "HK$3bn and $5M and 10k and 2T", ["HK$3bn=3000000000", "$5M=5000000", "10k=10000", "2T=2000000000000"]),
        ScanCase("RMB18 and RMB 2,000", ["RMB18=18", "RMB 2,000=2000"]),
        ScanCase("3 percent, 4 per cent and 5 %", ["3 percent=3%", "4 per cent=4%", "5 %=5%"]),
        ScanCase(
            "1,411 million, not 1,41 or 1,2345", ["1,411 million=1411000000", "1=1", "41=41", "1=1", "2345=2345"]),
        ScanCase("it fell 0.5.", ["0.5=0.5"]),
        ScanCase("~38.8%", ["38.8%=38.8%"]),
        // Ranges take the scale or percent of their second number.
        ScanCase("fines of 1–10% of sales", ["1=1%", "10%=10%"]),
        ScanCase("RMB 1-2 billion", ["RMB 1=1000000000", "2 billion=2000000000"]),
        ScanCase("a 2–5× multiplier", ["2=2", "5=5"]),
        // Ordinals with digits are numbers; ordinals and counts in words are not.
        ScanCase("the 3rd quarter, the third quarter, three years", ["3rd=3"]),
        // Years standing alone are exempt, but not formatted or scaled ones.
        ScanCase("from 2013 to 2024, and 2013–2021", ["2013[year]", "2024[year]", "2013[year]", "2021[year]"]),
        ScanCase(
            "1989, 2040, 2,020 and 2020 million", ["1989=1989", "2040=2040", "2,020=2020", "2020 million=2020000000"]),
        // Days of dates are exempt.
        ScanCase("on 12 September 2024", ["12[dateDay]", "2024[year]"]),
        ScanCase("September 12, 2024 and Sept. 3", ["12[dateDay]", "2024[year]", "3[dateDay]"]),
        ScanCase(
            "dated 26–27 September; September 12–13", ["26[dateDay]", "27[dateDay]", "12[dateDay]", "13[dateDay]"]),
        ScanCase("on the 1st August", ["1st[dateDay]"]),
        ScanCase("2021-09-17 and 2021-02", ["2021-09-17[isoDate]", "2021-02[isoDate]"]),
        // Not dates: a day number needs a month next to it, and a day is at most 31.
        ScanCase("12 months, 32 September, may 5", ["12=12", "32=32", "5=5"]),
        ScanCase("2013-2015 and 2020-21", ["2013[year]", "2015[year]", "2020[year]", "21=21"]),
        // Numbers in names are numbers (matched by value or verbatim); words with digits are words.
        ScanCase("ahead of 618 and Double 11, Qihoo 360", ["618=618", "11=11", "360=360"]),
        ScanCase("in Q3 2023, over 5G, F04", ["Q3:word", "2023[year]", "5G:word", "F04:word"]),
        // Nothing else is a number.
        ScanCase("one-to-one chats, seven days later", []),
        ScanCase("", []),
    ]

    @Test("finds and classifies numbers", arguments: cases)
    func scan(_ scanCase: ScanCase) {
        #expect(NumberScanner.scan(scanCase.line).map(Self.summary) == scanCase.expected)
    }

    @Test("columns point at the token's first character")
    func columns() {
        #expect(NumberScanner.scan("x RMB 5 and 7%").map(\.column) == [3, 13])
    }

    @Test("a token is supported by the same value within 0.05%, the same kind and a compatible currency")
    func matching() throws {
        func token(_ text: String) throws -> NumberToken { try #require(NumberScanner.scan(text).first) }
        #expect(try token("RMB 18.228 billion").isSupported(by: token("18228000000")))
        #expect(try token("1.411 billion").isSupported(by: token("1,411 million")))
        #expect(try token("1.4115 billion").isSupported(by: token("1,411 million")))
        #expect(try !token("1.27 billion").isSupported(by: token("1,268.2 million")))
        #expect(try !token("55.6%").isSupported(by: token("55.6")))
        #expect(try !token("55.6").isSupported(by: token("55.6%")))
        #expect(try !token("US$18.228 billion").isSupported(by: token("RMB 18.228 billion")))
        #expect(try token("$34.4 billion").isSupported(by: token("US$34.4 billion")))
        #expect(try token("Q3").isSupported(by: token("q3")))
        #expect(try !token("Q3").isSupported(by: token("3")))
        #expect(try !token("34").isSupported(by: token("35")))
    }
}
