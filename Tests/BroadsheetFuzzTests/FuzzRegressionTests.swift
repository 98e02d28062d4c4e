import BroadsheetContent
import BroadsheetCore
import BroadsheetFacts
import Testing

/// An input the fuzzer found a problem with, and the exact diagnostics it must now give.
struct FuzzFinding: Sendable, CustomTestStringConvertible {
    var name: String
    /// `Content/facts/NAME` or `Content/articles/NAME`.
    var path: String
    var text: String
    var expected: [String]
    var testDescription: String { name }
}

/// Every problem found by `FuzzTests`, kept as a regression case.
@Suite("Fuzzing: regression cases")
struct FuzzRegressionTests {
    static let findings: [FuzzFinding] = [
        // libyaml ended a line at NEL (U+0085), so the error's line was past the end of the file.
        FuzzFinding(
            name: "NEL inside a facts file", path: "Content/facts/sources.yaml", text: "- id: \u{85}  percentage",
            expected: [
                "Content/facts/sources.yaml:1:3: error: source is missing the required field 'publisher'",
                "Content/facts/sources.yaml:1:3: error: source is missing the required field 'title'",
                "Content/facts/sources.yaml:1:3: error: source is missing the required field 'url'",
            ]),
        FuzzFinding(
            name: "line and paragraph separators in front matter", path: "Content/articles/a.md",
            text: "---\ntitle: A\u{2028}B\ndate: 2021-01-01\u{2029}\nweight: x\n---\n",
            expected: ["Content/articles/a.md:4:9: error: 'weight' in front matter must be a number, found 'x'"]),
    ]

    @Test("each finding gives exactly its diagnostics, each inside the file and with a hint", arguments: findings)
    func finding(_ finding: FuzzFinding) {
        let file = SourceFile(path: finding.path, text: finding.text)
        let diagnostics: [Diagnostic]
        if finding.path.hasPrefix("Content/facts/") {
            let name = String(finding.path.dropFirst("Content/facts/".count))
            diagnostics = FactBookLoader.load(files: [name: file]).1
        } else {
            diagnostics = DocumentLoader.load(file, kind: .article, defaultAuthor: "Desk").1
        }
        #expect(diagnostics.sortedByLocation().map(\.description) == finding.expected)
        FuzzInput.checkDiagnostics(diagnostics, files: [file.path: file.text], input: finding.text)
    }
}
