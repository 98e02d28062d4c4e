import BroadsheetCore
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

    @Test("long texts with escapes anywhere, inside and across eight-byte blocks: what JSONText writes")
    func longTexts() {
        let pieces = [
            "payment ", "\"", "\\", "\n", "\u{1}", "\u{2028}", "\u{2029}", "’", "—", "淘宝", "e\u{301}", "0123456789abcdef",
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let text = (0..<Int.random(in: 0..<60, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
                .joined()
            #expect(SearchJSON.string(text) == JSONText.encode(text, pretty: false), "\(text.debugDescription)")
        }
    }
}
