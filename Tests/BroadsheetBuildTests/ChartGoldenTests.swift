import BroadsheetBuild
import BroadsheetCore
import BroadsheetFacts
import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Every chart of the "everything" fixture as a golden SVG file, parsed as XML, its data table checked against the facts.
///
/// Re-record with `BROADSHEET_RECORD=1 swift test --disable-xctest --filter ChartGoldenTests` and review
/// `git diff Tests/BroadsheetBuildTests/Golden/charts`.
@Suite("Charts of the fixture site")
struct ChartGoldenTests {
    static let golden = FixtureSite.packageRoot.appendingPathComponent("Tests/BroadsheetBuildTests/Golden/charts")

    /// The built pages (HTML only), by output path.
    static func pages() throws -> [String: String] {
        let site = try FixtureSite(EverythingSite.files)
        defer { site.delete() }
        let report = try SiteBuilder.build(SiteBuilder.Options(root: site.root, write: false))
        return Dictionary(
            uniqueKeysWithValues: report.files.filter { $0.path.hasSuffix(".html") }.map { ($0.path, $0.text ?? "") })
    }

    /// Each chart figure of a page: its id, its SVG and its data table.
    static func figures(in html: String) -> [(id: String, svg: String, table: String)] {
        var result: [(id: String, svg: String, table: String)] = []
        var rest = html[...]
        while let start = rest.range(of: "<figure class=\"data-chart\" id=\""),
            let end = rest.range(of: "</figure>", range: start.upperBound..<rest.endIndex)
        {
            let figure = rest[start.upperBound..<end.lowerBound]
            let id = String(figure.prefix { $0 != "\"" })
            if let svgStart = figure.range(of: "<svg"), let svgEnd = figure.range(of: "</svg>"),
                let tableStart = figure.range(of: "<table>"), let tableEnd = figure.range(of: "</table>")
            {
                result.append(
                    (
                        id, String(figure[svgStart.lowerBound..<svgEnd.upperBound]),
                        String(figure[tableStart.lowerBound..<tableEnd.upperBound])
                    ))
            }
            rest = rest[end.upperBound...]
        }
        return result
    }

    @Test("every chart matches its golden SVG and parses as XML")
    func goldenSVGs() throws {
        var actual: [String: String] = [:]
        for (path, html) in try Self.pages() {
            for figure in Self.figures(in: html) {
                let name = path.replacingOccurrences(of: "/index.html", with: "").replacingOccurrences(of: "/", with: "--")
                actual["\(name.isEmpty ? "home" : name)--\(figure.id).svg"] = figure.svg + "\n"
            }
        }
        #expect(actual.count == 8, "\(actual.keys.sorted())")
        for (name, svg) in actual.sorted(by: { $0.key < $1.key }) {
            let parser = XMLParser(data: Data(svg.utf8))
            #expect(parser.parse(), "\(name) is not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "")")
            let document = try XMLDocument(xmlString: svg)
            let root = try #require(document.rootElement())
            #expect(root.attributes?.first { $0.name == "role" }?.stringValue == "img", "\(name)")
            let title = root.elements(forName: "title").first?.stringValue ?? ""
            let description = root.elements(forName: "desc").first?.stringValue ?? ""
            #expect(title.count > 2, "\(name) has no title")
            #expect(description.count > 20, "\(name) has no description")
        }
        if ProcessInfo.processInfo.environment["BROADSHEET_RECORD"] == "1" {
            try? FileManager.default.removeItem(at: Self.golden)
            try FileManager.default.createDirectory(at: Self.golden, withIntermediateDirectories: true)
            for (name, svg) in actual { try Data(svg.utf8).write(to: Self.golden.appendingPathComponent(name)) }
            return
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.golden.path).filter { $0.hasSuffix(".svg") }
        #expect(Set(names) == Set(actual.keys), "the charts differ from the golden set")
        for name in names.sorted() {
            let expected = try String(contentsOf: Self.golden.appendingPathComponent(name), encoding: .utf8)
            if let svg = actual[name], svg != expected {
                let line = EverythingSiteTests.firstDifference(Data(expected.utf8), Data(svg.utf8))
                Issue.record("\(name) differs from its golden file at line \(line.line):\n- \(line.expected)\n+ \(line.actual)")
            }
        }
    }

    @Test("every number in a chart's data table is a value of the facts, with its source")
    func tableNumbersComeFromFacts() throws {
        let site = try FixtureSite(EverythingSite.files)
        defer { site.delete() }
        let (book, diagnostics) = FactBookLoader.load(root: site.root)
        let facts = try #require(book, "\(diagnostics)")
        let allowed = ChartValueFacts.values(facts)
        var checked = 0
        for (path, html) in try Self.pages() {
            for figure in Self.figures(in: html) {
                for (text, source) in ChartValueFacts.cells(in: figure.table) {
                    checked += 1
                    let value = try #require(ChartValueFacts.number(in: text), "\(path) \(figure.id): no number in '\(text)'")
                    #expect(
                        allowed[source, default: []].contains { abs($0 - value) <= abs(value) * 1e-9 },
                        "\(path) \(figure.id): '\(text)' (source \(source)) is not a value of the facts")
                }
            }
        }
        #expect(checked > 20)
    }
}

/// The numbers the facts hold, in base units, and the numbers a chart's data table shows.
enum ChartValueFacts {
    /// Every numeric value of the series and comparisons, in base units, by source id.
    static func values(_ facts: FactBook) -> [String: [Double]] {
        var values: [String: [Double]] = [:]
        for series in facts.series {
            for point in series.points {
                values[point.source.rawValue, default: []].append(point.value * scale(in: series.unit.text))
            }
        }
        for comparison in facts.comparisons {
            for column in comparison.columns where column.type.isNumeric {
                for row in comparison.rows {
                    guard let cell = row.cells[column.id], case .number(let number) = cell.value else { continue }
                    let unit = column.type == .number ? scale(in: column.unit ?? "") : 1
                    values[cell.source.rawValue, default: []].append(number * NumberText.multiplier(cell.scale) * unit)
                }
            }
        }
        return values
    }

    /// The multiplier a unit's scale word stands for ("RMB billion" → 1e9, "%" → 1).
    static func scale(in text: String) -> Double {
        text.split(separator: " ").map { NumberText.multiplier(String($0)) }.max() ?? 1
    }

    /// "RMB 18.228 billion" → 18.228e9; "55.6%" → 55.6; "~1,411 million accounts" → 1.411e9.
    static func number(in text: String) -> Double? {
        let pattern = /(\d[\d,]*(?:\.\d+)?)/
        guard let match = text.firstMatch(of: pattern) else { return nil }
        guard let number = Double(match.1.replacingOccurrences(of: ",", with: "")) else { return nil }
        return number * scale(in: String(text[match.range.upperBound...]))
    }

    /// The values of a data table with the source each links to.
    static func cells(in table: String) -> [(text: String, source: String)] {
        let pattern = /<span class="value">([^<]*)<\/span><sup class="cell-source"><a href="[^"#]*#([^"]+)">/
        return table.matches(of: pattern).map { (String($0.1), String($0.2)) }
    }
}
