import BroadsheetContent
import BroadsheetCore
import BroadsheetFacts
import Foundation
import PropertyBased
import Testing

/// Property-based fuzzing of the parsers that read what authors write. For every generated
/// input: no crash or hang, every diagnostic inside the file with a hint on every error, a
/// result exactly when there are no errors, and the same answer twice.
///
/// Each property runs `FuzzInput.iterations` inputs (300 by default; set
/// BROADSHEET_FUZZ_ITERATIONS for a longer run). A failure prints the shrunk input and a
/// seed to replay it with `.fixedSeed(…)`; fixed crashes become cases in `FuzzRegressionTests`.
@Suite("Fuzzing", .timeLimit(.minutes(10)))
struct FuzzTests {
    static let frontMatterFragments = [
        "---\n", "---", "...\n", "title: ", "date: ", "updated: ", "summary: ", "tags: ", "authors: ", "slug: ", "draft: ",
        "weight: ", "titel: ", "2021-02-30", "2024-09-12", "2021-03-01T10:00:00+08:00", "+25:00", "Z", "true", "perhaps", "42",
        "1.5", "-3", "1e999", ".nan", "[a, b]", "[", "{x: 1}", "&a ", "*a", "<<: *a", "!!str ", "!!binary ", "? ", "- ", "|\n",
        ">-\n", "\"quoted\"", "'single'", "# comment", "null", "~", "%YAML 1.2\n", "%TAG ! tag:x,2000:\n", "'", "\"",
        "Body text.\n", "\n\n",
    ]

    @Test("front matter: split and load")
    func frontMatter() async {
        await propertyCheck(
            count: FuzzInput.iterations, input: FuzzInput.text(Self.frontMatterFragments), Gen.bool
        ) { text, isArticle in
            let input = (text.hasPrefix("---") ? "" : "---\n") + text
            let file = SourceFile(path: "Content/articles/fuzz.md", text: input)
            let kind: LoadedDocument.Kind = isArticle ? .article : .page
            let (document, diagnostics) = DocumentLoader.load(file, kind: kind, defaultAuthor: "Desk")
            FuzzInput.checkDiagnostics(diagnostics, files: [file.path: file.text], input: input)
            #expect((document == nil) == diagnostics.containsErrors, "input: \(input.debugDescription)")
            let (again, sameDiagnostics) = DocumentLoader.load(file, kind: kind, defaultAuthor: "Desk")
            #expect(again == document && sameDiagnostics == diagnostics)
        }
    }

    static let markdownFragments = [
        "```timeline\n", "```compare\n", "```chart\n", "kind: ", "series: ", "highlight: ", "note: ", "line", "dot",
        "stacked-bar", "grouped-bar", "shares", "accounts", "shares, accounts", "Later", " # c", "```\n", "~~~timeline\n",
        "entities: ", "themes: ", "from: ", "to: ", "title: ",
        "tencent", "wechat-pay", "alibaba", "nobody", "payments", "share", "2021", "2021-13", "2013-11", "9999",
        "[text](source:paper-2024)", "[text](source:wire-2021,paper-2024)", "[x](source:nope)", "[x](source:)",
        "[x](entity:tencent)", "[x](entity:tencnet)", "[x](event:live)", "[x](event:)", "[x](article:walls)",
        "[x](article:nope)", "[x](page:about)", "[x](compare:share)", "[x](javascript:alert(1))", "[x](source:paper-2024 \"t\")",
        "(source:", "](", "[", "]", "![img](", "<script>", "<!--", "# ", "## Same\n", "### ", "> ", "- ", "1. ", "* ",
        "**", "_", "`", "    ", "|", "---\n", "===\n", "<https://example.org>", "&amp;", "&#0;", "\\[", "[^1]", "[ref]: /x\n",
        // GitHub-flavoured extensions: table rows and delimiters, tildes, bare addresses, tasks, alerts.
        "| a | b |\n", "|---|:-:|\n", "| --: |\n", ":--", " | ", "\\|", "~~", "~", "www.example.org", "http://x.y/(a)",
        "a@b.cd", "&hl;", "- [ ] ", "- [x] ", "> [!NOTE]\n", "==", "\n\n",
    ]

    static let facts = FactBookLoader.load(
        files: [
            "sources.yaml": SourceFile(
                path: "Content/facts/sources.yaml",
                text: """
                    - id: paper-2024
                      publisher: The Paper
                      title: Taobao adds WeChat Pay
                      url: https://example.org/paper
                      date: 2024-09-12
                    - id: wire-2021
                      publisher: Wire Copy
                      title: Payments open up
                      url: https://example.org/wire
                      date: 2021-09
                    """),
            "entities.yaml": SourceFile(
                path: "Content/facts/entities.yaml",
                text: """
                    - id: tencent
                      name: Tencent
                      kind: company
                      description: Owner of WeChat.
                    - id: wechat-pay
                      name: WeChat Pay
                      kind: product
                      parent: tencent
                      description: A wallet.
                    - id: alibaba
                      name: Alibaba
                      kind: company
                      description: Operator of Taobao.
                    """),
            "events.yaml": SourceFile(
                path: "Content/facts/events.yaml",
                text: """
                    - id: live
                      date: 2024-09-12
                      title: WeChat Pay goes live on Taobao
                      summary: Opened to all merchants.
                      entities: [alibaba, wechat-pay]
                      themes: [payments]
                      sources: [paper-2024]
                    """),
            "comparisons.yaml": SourceFile(
                path: "Content/facts/comparisons.yaml",
                text: """
                    - id: share
                      title: Payment share
                      columns:
                        - id: pct
                          label: Share
                          type: percentage
                      rows:
                        - id: wechat-pay
                          entity: wechat-pay
                          cells:
                            pct: {value: 38.8, asOf: 2021-06, source: wire-2021}
                    """),
            "series.yaml": SourceFile(
                path: "Content/facts/series.yaml",
                text: """
                    - id: shares
                      title: Shares
                      unit: "%"
                      points:
                        - {asOf: 2021-Q2, value: 38.8, source: wire-2021}
                        - {asOf: 2024-09, value: 40, label: Later, source: paper-2024}
                    - id: accounts
                      title: Accounts
                      unit: million accounts
                      points:
                        - {asOf: 2021, value: 1200, source: paper-2024}
                    """),
        ]
    ).0

    static let config = SiteConfigLoader.load(
        SourceFile(
            path: "Content/site.yaml",
            text: """
                title: Fuzz
                description: Fuzzed content.
                baseURL: https://example.org/
                language: en
                author: Desk
                publisher: Press
                """)
    ).0!

    @Test("Markdown with timeline, compare and chart blocks and source:/entity:/event: links: resolve")
    func markdown() async {
        let header = "---\ntitle: Fuzz\ndate: 2021-01-01\n---\n"
        let walls = SourceFile(path: "Content/articles/walls.md", text: "---\ntitle: Walls\ndate: 2013-11-26\n---\nText.\n")
        let about = SourceFile(path: "Content/pages/about.md", text: "---\ntitle: About\n---\nText.\n")
        await propertyCheck(count: FuzzInput.iterations, input: FuzzInput.text(Self.markdownFragments, pieces: 0...80)) { body in
            let file = SourceFile(path: "Content/articles/fuzz.md", text: header + body)
            let documents = [
                DocumentLoader.load(file, kind: .article, defaultAuthor: "Desk").0,
                DocumentLoader.load(walls, kind: .article, defaultAuthor: "Desk").0,
                DocumentLoader.load(about, kind: .page, defaultAuthor: "Desk").0,
            ].compactMap { $0 }
            #expect(documents.count == 3, "the fuzzed article did not load: \(body.debugDescription)")
            let content = LoadedContent(config: Self.config, documents: documents)
            let (site, diagnostics) = SiteResolver.resolve(content, facts: Self.facts, options: .init())
            FuzzInput.checkDiagnostics(
                diagnostics, files: [file.path: file.text, walls.path: walls.text, about.path: about.text], input: body)
            #expect((site == nil) == diagnostics.containsErrors, "input: \(body.debugDescription)")
            let again = SiteResolver.resolve(content, facts: Self.facts, options: .init())
            #expect(again.1 == diagnostics)
        }
    }

    static let factFragments = [
        "- id: ", "  id: ", "- ", "  ", "    ", "title: ", "summary: ", "date: ", "end: ", "entities: ", "themes: ",
        "sources: ", "source: ", "confidence: ", "publisher: ", "url: ", "via: ", "name: ", "kind: ", "parent: ",
        "description: ", "color: ", "columns:\n", "rows:\n", "cells:\n", "type: ", "label: ", "value: ", "asOf: ",
        "scale: ", "currency: ", "percentage", "money", "number", "boolean", "date", "text", "billion", "CNY",
        "tencent", "alibaba", "wechat-pay", "paper-2024", "wire-2021", "live", "share", "pct", "medium", "company",
        "2021", "2021-02-30", "2013-11", "0000", "99999-01-01", "-5", "38.8", "true", "\"#1d4ed8\"", "#zzz",
        "[tencent, alibaba]", "[", "{value: 1, asOf: 2021, source: wire-2021}", "&x ", "*x", "https://example.org",
        "unit: ", "points:\n", "\"%\"", "million accounts", "2021-Q2", "2021-Q5", "approx: ", "55.6%",
        "{asOf: 2021-Q1, value: 53.8, source: wire-2021}",
    ]

    static let factFiles = ["sources.yaml", "entities.yaml", "events.yaml", "comparisons.yaml", "series.yaml"]

    @Test("facts: parse and validate")
    func factsLoader() async {
        await propertyCheck(
            count: FuzzInput.iterations, input: Gen.int(in: 0...4), FuzzInput.text(Self.factFragments, pieces: 0...80)
        ) { which, text in
            var files: [String: SourceFile] = [:]
            for name in Self.factFiles {
                files[name] = SourceFile(path: "Content/facts/\(name)", text: "")
            }
            let name = Self.factFiles[which]
            files[name] = SourceFile(path: "Content/facts/\(name)", text: text)
            let (_, diagnostics) = FactBookLoader.load(files: files)
            var texts: [String: String] = [:]
            for file in files.values { texts[file.path] = file.text }
            FuzzInput.checkDiagnostics(diagnostics, files: texts, input: text)
            #expect(FactBookLoader.load(files: files).1 == diagnostics)
        }
    }
}
