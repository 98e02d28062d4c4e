import Testing

@Suite("Prose extractor")
struct ProseExtractorTests {
    func numbers(_ markdown: String) -> [String] {
        ProseExtractor.lines(ofMarkdown: markdown).flatMap { NumberScanner.scan($0).map(\.text) }
    }

    @Test("keeps lines and columns in place")
    func shape() {
        let markdown = "a [b 5](source:x-2021) c\n\n```timeline\nlimit: 12\n```\nd 7"
        let lines = ProseExtractor.lines(ofMarkdown: markdown)
        #expect(lines.count == 6)
        #expect(lines.map(\.count) == markdown.split(separator: "\n", omittingEmptySubsequences: false).map(\.count))
        #expect(lines[0] == "a [b 5]" + String(repeating: " ", count: 15) + " c")
    }

    @Test("drops link destinations, code, comments, tags, URLs and list markers")
    func masks() {
        #expect(numbers("[a](source:f-2021-04-09) [b](https://x.org/2021/55) ![c](img/3.png)") == [])
        #expect(numbers("[text 42](<a b(1).html>) and (9) and [x] (8)") == ["42", "9", "8"])
        #expect(numbers("`limit: 12` and ``a ` 13`` but `14") == ["14"])
        #expect(numbers("x <!-- 15\n16 --> 17") == ["17"])
        #expect(numbers("<span data-n=\"18\">19</span> <https://e.org/20> www.e.org/21 a < 22") == ["19", "22"])
        #expect(numbers("1. first\n2) second\n  10. tenth\n3.5 percent") == ["3.5 percent"])
        #expect(numbers("[ref]: https://e.org/23 \"24\"") == [])
        #expect(numbers("~~~\n25\n~~~\n````\n```\n26\n````\n27") == ["27"])
    }

    @Test("keeps numbers in link text and headings")
    func keeps() {
        #expect(numbers("## The 34 firms\n[RMB 3.44 billion](source:cna)") == ["34", "RMB 3.44 billion"])
    }

    @Test("front matter: only title and summary values")
    func frontMatter() {
        let file =
            "---\ntitle: \"Top 10\"\ndate: 2025-11-20\nsummary: >-\n  Over 3 years\n  and 4%.\nweight: 6\n---\nbody 5"
        let lines = ProseExtractor.frontMatterLines(ofFile: file, lineCount: 8)
        #expect(lines.count == 8)
        #expect(lines.flatMap { NumberScanner.scan($0).map(\.text) } == ["10", "3", "4%"])
    }
}
