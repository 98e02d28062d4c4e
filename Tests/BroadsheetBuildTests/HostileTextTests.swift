import BroadsheetBuild
import BroadsheetCore
import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Hostile text in every field: control characters are refused where they are written, and
/// everything else (markup, quotes, CDATA closers, bidi text, line separators) leaves every XML
/// output well-formed.
@Suite("Hostile text")
struct HostileTextTests {
    /// Text that is legal in the sources but dangerous in XML and HTML.
    static let hostile = #"<b>&amp; "q" 'a' ]]> <!-- --> <?xml?> &#0; &bogus; \u{1b} 中文 عربي \#u{2028}x\#u{2029} e\#u{301} 👩‍💻"#

    /// The fixture with `hostile` in titles, summaries, bodies, facts, site.yaml and an edition.
    static func hostileSite() throws -> FixtureSite {
        var files = EverythingSite.files
        let yamlText = "'" + hostile.replacingOccurrences(of: "'", with: "''") + "'"
        func replace(_ path: String, _ old: String, _ new: String) {
            let text = files[path]!
            precondition(text.contains(old), "\(old) not in \(path)")
            files[path] = text.replacingOccurrences(of: old, with: new)
        }
        replace("Content/site.yaml", "title: The Fixture Gazette", "title: \(yamlText)")
        replace(
            "Content/site.yaml", "description: A test site that exercises every Broadsheet feature.", "description: \(yamlText)")
        replace("Content/articles/walls.md", "title: The walls", "title: \(yamlText)\nsummary: \(yamlText)")
        replace("Content/articles/walls.md", "Nothing else here.", "Nothing else here. \(hostile)")
        replace("Content/articles/opening.md", "tags: [payments, Overview]", "tags: [payments, Overview, \(yamlText)]")
        replace("Content/facts/events.yaml", "title: Taobao blocks WeChat links", "title: \(yamlText)")
        replace("Content/facts/events.yaml", "summary: The regulator issued rules.", "summary: \(yamlText)")
        replace("Content/facts/entities.yaml", "name: Alibaba", "name: \(yamlText)")
        replace("Content/facts/comparisons.yaml", "label: Alipay", "label: \(yamlText)")
        replace("Content/newsletters/first.md", #"subject: "First edition: 微信支付 & “the walls”""#, "subject: \(yamlText)")
        replace("Content/newsletters/first.md", "Hello from the desk.", "Hello from the desk. \(hostile)")
        return try FixtureSite(files)
    }

    @Test("every XML output parses: Atom feeds, sitemap, the timeline SVGs")
    func xmlOutputsParse() throws {
        let site = try Self.hostileSite()
        defer { site.delete() }
        let report = try SiteBuilder.build(SiteBuilder.Options(root: site.root, write: false))
        var documents: [(String, String)] = []
        for file in report.files {
            guard let text = file.text else { continue }
            if file.path.hasSuffix(".xml") || file.path.hasSuffix(".svg") {
                documents.append((file.path, text))
            } else if file.path.hasSuffix(".html") {
                // Inline SVG charts (the timeline pages).
                var rest = text[...]
                while let start = rest.range(of: "<svg"),
                    let end = rest.range(of: "</svg>", range: start.upperBound..<rest.endIndex)
                {
                    documents.append(("\(file.path) (svg)", String(rest[start.lowerBound..<end.upperBound])))
                    rest = rest[end.upperBound...]
                }
            }
        }
        let paths = documents.map(\.0)
        for required in ["feed.xml", "sitemap.xml", "newsletters/feed.xml", "timeline/index.html (svg)"] {
            #expect(paths.contains(required), "no \(required) among \(paths)")
        }
        for (path, text) in documents {
            let parser = XMLParser(data: Data(text.utf8))
            let parsed = parser.parse()
            #expect(parsed, "\(path) is not well-formed XML: \(String(describing: parser.parserError))")
        }
        let feed = try #require(report.files.first { $0.path == "feed.xml" }?.text)
        #expect(feed.contains("中文 عربي"))
        #expect(!feed.contains("<b>&amp;"), "markup reached the feed unescaped")
    }

    /// Control characters, each in one kind of field: every one is refused at its exact line and column.
    static let controls: [Unicode.Scalar] = ["\u{07}", "\u{08}", "\u{0B}", "\u{0C}", "\u{1B}", "\u{7F}", "\u{85}", "\u{9B}"]
    /// Where a control goes: after `offset` characters of the `old` text, which lands at `line`:`column`.
    static let fields: [(path: String, old: String, offset: Int, line: Int, column: Int)] = [
        ("Content/articles/walls.md", "title: The walls", 11, 2, 12),
        ("Content/articles/walls.md", "Nothing else here.", 8, 19, 9),
        ("Content/site.yaml", "publisher: Fixture Press", 11, 7, 12),
        ("Content/facts/events.yaml", "title: New platform rules", 11, 26, 14),
        ("Content/newsletters/first.md", "preheader: WeChat Pay", 11, 4, 12),
    ]

    @Test("a control character in any text field is refused at its line and column", arguments: controls.indices)
    func controlCharacters(_ index: Int) throws {
        let control = Self.controls[index]
        let field = Self.fields[index % Self.fields.count]
        var files = EverythingSite.files
        let text = try #require(files[field.path])
        let cut = field.old.index(field.old.startIndex, offsetBy: field.offset)
        let replaced = String(field.old[..<cut]) + String(Character(control)) + String(field.old[cut...])
        files[field.path] = text.replacingOccurrences(of: field.old, with: replaced)
        let site = try FixtureSite(files)
        defer { site.delete() }
        let (report, failed) = buildReport(site)
        #expect(failed)
        let code = String(format: "U+%04X", control.value)
        #expect(
            report.hasPrefix(
                "\(field.path):\(field.line):\(field.column): error: the file contains the control character \(code)"),
            "\(report)")
        #expect(!report.unicodeScalars.contains { $0 == control }, "the report printed the control character")
    }

    @Test("the CSV export neutralises formulas and keeps numbers")
    func csvFormulas() throws {
        let corpus = try #require(CorpusCase.all.first { $0.name == "csv-formula-injection" })
        let site = try corpus.makeSite()
        defer { site.delete() }
        let report = try SiteBuilder.build(SiteBuilder.Options(root: site.root, write: false))
        let csv = try #require(report.files.first { $0.path == "compare/share/share.csv" }?.text)
        let records = Self.parseCSV(csv)
        #expect(records.count == 1 + 2 * 7)
        #expect(records.allSatisfy { $0.count == 13 })
        let triggers: Set<Character> = ["=", "+", "-", "@", "\t", "\r", "\n"]
        var numbers: [String] = []
        for field in records.joined() where field.first.map(triggers.contains) == true {
            // Only plain numbers may start with a sign.
            numbers.append(field)
            #expect(field.allSatisfy { "+-0123456789.,%".contains($0) }, "\(field.debugDescription) was not neutralised")
        }
        #expect(numbers.sorted() == ["-1,200", "-1200", "-3.5", "-3.5"])
        let fields = Set(records.joined())
        #expect(fields.contains(#"'=HYPERLINK("https://evil.example","Share")"#))
        #expect(fields.contains("'@SUM(1+1)"))
        #expect(fields.contains("'+Change"))
        #expect(fields.contains("'=1+1"))
        #expect(fields.contains("'\t=cmd"))
        #expect(fields.contains("'-2+3+cmd|' /C calc'!A0"))
    }

    /// RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks.
    static func parseCSV(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var characters = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        while let scalar = pending ?? characters.next() {
            pending = nil
            if quoted {
                if scalar == "\"" {
                    let next = characters.next()
                    if next == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; pending = next }
                } else {
                    field.unicodeScalars.append(scalar)
                }
            } else if scalar == "\"" && field.isEmpty {
                quoted = true
            } else if scalar == "," {
                record.append(field)
                field = ""
            } else if scalar == "\r" {
                continue
            } else if scalar == "\n" {
                record.append(field)
                records.append(record)
                record = []
                field = ""
            } else {
                field.unicodeScalars.append(scalar)
            }
        }
        return records
    }
}
