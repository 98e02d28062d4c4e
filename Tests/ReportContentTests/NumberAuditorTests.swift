import BroadsheetCore
import BroadsheetFacts
import Testing

@Suite("Number auditor")
struct NumberAuditorTests {
    @Test("reports each unsupported number at its line")
    func audit() {
        let facts = ["SAMR fines Alibaba a record RMB 18.228 billion", "4% of its 2019 revenue; 34 platforms"]
        let lines = [
            "", "A fine of RMB 18.228 billion, 4% of revenue,", "and 5% more, 34 firms and 35 others, in 2021.",
        ]
        let failures = NumberAuditor.audit(path: "Content/articles/a.md", lines: lines, factTexts: facts)
        #expect(
            failures.map(\.description) == [
                "Content/articles/a.md:3: number '5%' appears in no cited fact",
                "Content/articles/a.md:3: number '35' appears in no cited fact",
            ])
    }

    @Test("years and date parts of facts do not support prose numbers")
    func exemptFactsDoNotCount() {
        let facts = ["On 11 September 2021 it met; see 2021-09-17"]
        let failures = NumberAuditor.audit(path: "p.md", lines: ["11 firms, 17 rules, 2021 units"], factTexts: facts)
        #expect(failures.map(\.text) == ["11", "17"])
    }

    @Test("names in facts support the same names in prose")
    func names() {
        let facts = ["ads ahead of the 618 festival and a Double 11 plan; Q3 2023 volumes"]
        #expect(NumberAuditor.audit(path: "p.md", lines: ["618, Double 11, Q3 2023"], factTexts: facts).isEmpty)
        #expect(NumberAuditor.audit(path: "p.md", lines: ["Q4"], factTexts: facts).map(\.text) == ["Q4"])
    }

    @Test("cell texts: display value, machine value, labels, note and the column's scale unit")
    func cellTexts() throws {
        let sources = """
            - id: s
              publisher: P
              title: T
              url: https://example.org/
            """
        let comparisons = """
            - id: users
              title: Users
              columns:
                - id: users
                  label: Users
                  type: number
                  unit: million
              rows:
                - id: wechat
                  label: WeChat Q4
                  cells:
                    users:
                      value: 1268.2
                      asOf: "2021-12-31"
                      source: s
                      note: up 3.8%
            """
        let (book, diagnostics) = FactBookLoader.load(files: [
            "sources.yaml": SourceFile(path: "Content/facts/sources.yaml", text: sources),
            "comparisons.yaml": SourceFile(path: "Content/facts/comparisons.yaml", text: comparisons),
        ])
        #expect(!diagnostics.containsErrors, "\(diagnostics)")
        let texts = CitedFacts.texts(citing: [SourceID("s")], in: book)
        #expect(texts == ["T", "P", "1,268.2", "1268.2", "WeChat Q4", "Users (million)", "up 3.8%", "1,268.2 million"])
        #expect(CitedFacts.texts(citing: [SourceID("other")], in: book).isEmpty)
        let tokens = NumberAuditor.factTokens(texts)
        for prose in NumberScanner.scan("1.2682 billion, 1,268.2, 3.8%") {
            #expect(tokens.contains { prose.isSupported(by: $0) }, "\(prose)")
        }
    }
}
