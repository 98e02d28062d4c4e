import Testing

@testable import BroadsheetSearch

@Suite("Search JSON strings")
struct SearchJSONTests {
    @Test(
        "escapes quotes, backslashes, control characters and U+2028/U+2029; copies the rest",
        arguments: [
            ("", #""""#),
            ("plain text", #""plain text""#),
            (#"say "hi" \ bye"#, #""say \"hi\" \\ bye""#),
            ("a\nb\rc\td", #""a\nb\rc\td""#),
            ("\u{0}\u{1}\u{1F}", #""\u0000\u0001\u001f""#),
            ("x\u{2028}y\u{2029}z", #""x\u2028y\u2029z""#),
            ("– … ‘’ “” € 淘宝", "\"– … ‘’ “” € 淘宝\""),
            ("ends with \u{2028}", #""ends with \u2028""#),
            ("\u{E2}", "\"\u{E2}\""),
        ])
    func escaping(text: String, json: String) {
        #expect(SearchJSON.string(text) == json)
    }
}

extension SearchJSONTests {
    /// The escapes one byte at a time, as the index first wrote them.
    static func reference(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            case _ where scalar.value < 0x20: out += "\\u00" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    @Test("long texts with escapes anywhere, inside and across eight-byte blocks")
    func longTexts() {
        let pieces = [
            "payment ", "\"", "\\", "\n", "\u{1}", "\u{2028}", "\u{2029}", "’", "—", "淘宝", "e\u{301}", "0123456789abcdef",
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let text = (0..<Int.random(in: 0..<60, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
                .joined()
            #expect(SearchJSON.string(text) == Self.reference(text), "\(text.debugDescription)")
        }
    }
}
