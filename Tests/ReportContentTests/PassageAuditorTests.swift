import Testing

@Suite("Passage auditor")
struct PassageAuditorTests {
    let shared = "the two groups kept each other out for most of a decade before regulators stepped in"

    func document(_ path: String, _ lines: [String]) -> PassageText {
        PassageText(path: path, prose: ProseExtractor.lines(ofMarkdown: lines.joined(separator: "\n")), raw: lines)
    }

    @Test("words: lower-cased, apostrophes inside words and number punctuation kept")
    func words() {
        #expect(
            PassageText.words(of: "Alibaba’s RMB 8.119 trillion, 1,268.2 million; \"walled-garden\" 3. End.")
                == ["alibaba's", "rmb", "8.119", "trillion", "1,268.2", "million", "walled", "garden", "3", "end"])
    }

    @Test("a run of twelve words in two documents is reported once, at both places, at its full length")
    func repeated() {
        let first = document("a.md", ["Intro.", "So " + shared + ", they said."])
        let second = document("b.md", ["Years on: " + shared + "."])
        let passages = PassageAuditor.repeats(in: [first, second])
        #expect(passages.count == 1)
        #expect(passages.first?.path == "a.md" && passages.first?.line == 2)
        #expect(passages.first?.otherPath == "b.md" && passages.first?.otherLine == 1)
        #expect(passages.first?.words.count == 16)
    }

    @Test("eleven shared words, or a repeat inside one document, are not reported")
    func notRepeated() {
        let eleven = "one two three four five six seven eight nine ten eleven"
        #expect(PassageAuditor.repeats(in: [document("a.md", [eleven + " x"]), document("b.md", ["y " + eleven])]).isEmpty)
        #expect(PassageAuditor.repeats(in: [document("a.md", [shared, shared])]).isEmpty)
    }

    @Test("link destinations and components are not prose; link text is")
    func prose() {
        let linked = document("a.md", ["[" + shared + "](source:x)"])
        let fenced = document("b.md", ["```timeline", shared, "```"])
        let plain = document("c.md", [shared])
        #expect(PassageAuditor.repeats(in: [linked, fenced]).isEmpty)
        #expect(PassageAuditor.repeats(in: [linked, plain]).count == 1)
    }

    @Test("text between allow-repeat markers is exempt, on one line or across lines")
    func allowed() {
        let plain = document("a.md", [shared])
        let inline = document("b.md", ["<!-- allow-repeat -->" + shared + "<!-- /allow-repeat --> and more"])
        let block = document("c.md", ["<!-- allow-repeat -->", shared, "<!-- /allow-repeat -->"])
        let unclosed = document("d.md", ["Before <!-- allow-repeat -->", shared])
        let after = document("e.md", ["<!-- allow-repeat -->x<!-- /allow-repeat --> " + shared])
        #expect(PassageAuditor.repeats(in: [plain, inline, block, unclosed]).isEmpty)
        #expect(PassageAuditor.repeats(in: [plain, after]).count == 1)
    }

    @Test("facts prose carries the line of each field")
    func facts() {
        let facts = PassageText(path: "events.yaml", fields: [("Title", 3), (shared, 4)])
        let passages = PassageAuditor.repeats(in: [document("a.md", [shared]), facts])
        #expect(passages.map(\.description) == ["a.md:1: 16 words also in events.yaml:4: \"\(shared)\""])
    }
}
