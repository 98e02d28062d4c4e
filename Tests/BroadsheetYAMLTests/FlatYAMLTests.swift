import Foundation
import Testing

@testable import BroadsheetYAML

/// The fast path for flat front matter must give exactly what Yams gives, or step aside.
@Suite("FlatYAML: same nodes as Yams")
struct FlatYAMLTests {
    /// Texts the fast path takes; each must equal Yams's node, locations included.
    static let simple = [
        "title: \"Broad account after agreements\"\ndate: 2008-02-10T14:10:08+00:00\ntags: [payments, regulation]\nsummary: \"Couriers published it, calling it careful.\"",
        "title: 'Single quoted: with a colon'\ndate: 2024-01-05\ndraft: true\nweight: 3",
        "title: Plain words here\nslug: plain-words\nweight: 12\ntags: [one]",
        "title: \"Quotes “curly” and accents é and 中文\"\ntags: []",
        "title: \"  spaced  inside  \"\nsummary: a.b+c_d-e",
        "title: x\nupdated: null\nauthors: [Jane Doe, Wire Service]",
        "title: \"a # not a comment\"\ndate: 2020-01-01T00:00:00Z",
        "title: \"{a, *b: c}\"",
        "summary: Under orders from China's ministry, WeChat opened (in 2021) to links; Alibaba's ads, slower.",
        "summary: 100% of them, a:b and c#d & e*f",
    ]

    /// Texts the fast path must leave to Yams.
    static let declined = [
        "", "title:", "title:  two spaces", "title: x # comment", "title: x\n\nsummary: y", " title: x",
        "title: \"esc \\\" aped\"", "title: 'it''s'", "tags: [a,b]", "tags: [ a ]", "tags: [a:b]", "title: x\ntitle: y",
        "null: x", "title: ~", "title: -x", "title: x:", "title: a: b", "tags:\n  - a", "title: &anchor x",
        "title: \"unclosed", "summary: a #comment", "summary: line\u{2028}separator", "title: \"nel\u{85}\"",
        "summary: \u{FEFF}bom", "title: x\r", "title: x\tz", "title: *alias", "2title: x", "title: [a, null]",
    ]

    @Test("simple front matter parses to Yams's node", arguments: simple)
    func sameAsYams(_ text: String) throws {
        for offset in [0, 1, 5] {
            let fast = try #require(FlatYAML.parse(text, lineOffset: offset))
            let slow = try YAMLParser.composed(text, path: "x.yaml", lineOffset: offset).get()
            #expect(fast == slow)
        }
    }

    @Test("anything else goes to Yams", arguments: declined)
    func declines(_ text: String) {
        #expect(FlatYAML.parse(text, lineOffset: 1) == nil)
    }

    @Test("the repository's own front matter: fast path, when taken, equals Yams")
    func repositoryContent() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Content")
        let files = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []
        var taken = 0
        for file in files where file.hasSuffix(".md") {
            let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            let parts = text.components(separatedBy: "\n---\n")
            guard text.hasPrefix("---\n"), parts.count > 1 else { continue }
            let yaml = String(parts[0].dropFirst(4))
            guard let fast = FlatYAML.parse(yaml, lineOffset: 1) else { continue }
            taken += 1
            #expect(fast == (try YAMLParser.composed(yaml, path: file, lineOffset: 1).get()), "\(file)")
        }
        #expect(taken > 0)
    }
}
