import BroadsheetContent
import BroadsheetCore
import Foundation
import Testing

@testable import BroadsheetCharts
@testable import BroadsheetFacts

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Small charts built in code, drawn, and parsed back as XML.
enum ChartSamples {
    static let location = SourceLocation(path: "Content/facts/series.yaml", line: 1, column: 3)

    static func source(_ id: String, _ publisher: String) -> Source {
        Source(
            id: SourceID(id), publisher: publisher, via: nil, title: "A headline with <angle> & “quotes”",
            url: "https://example.org/\(id)", date: nil, language: "en", archiveURL: nil, note: nil, location: location)
    }

    static func point(_ asOf: String, _ value: Double, _ source: String, label: String? = nil) -> Series.Point {
        Series.Point(
            asOf: Period(iso: asOf)!, value: value, source: SourceID(source), label: label, isApproximate: false, note: nil,
            display: nil, location: location)
    }

    static let share = [
        Series(
            id: SeriesID("alipay"), title: "Alipay share", label: "Alipay", entity: nil, unit: SeriesUnit("%"), note: nil,
            points: [point("2019-Q1", 53.8, "a"), point("2020-Q1", 55.4, "b"), point("2021-06", 55.6, "b")], location: location),
        Series(
            id: SeriesID("tenpay"), title: "Tenpay share", label: "Tenpay", entity: nil, unit: SeriesUnit("%"), note: nil,
            points: [point("2019-Q1", 39.9, "a"), point("2020-Q1", 38.8, "b"), point("2021-06", 38.8, "b")], location: location),
    ]

    static func chart(_ kind: Chart.Kind, highlight: String? = nil) -> Chart {
        Chart(
            id: "chart-share", kind: kind, title: "Payment share & <rivals>", note: "iResearch", highlight: highlight,
            unit: SeriesUnit("%"), series: kind == .bar ? [share[0]] : share,
            sources: [source("a", "China Banking News"), source("b", "Yicai Global")])
    }
}

@Suite("ChartSVG")
struct ChartSVGTests {
    final class Collector: NSObject, XMLParserDelegate {
        var elements: [String] = []
        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) { elements.append(name) }
    }

    @Test("every kind draws well-formed SVG with a title, a description and linked marks", arguments: Chart.Kind.allCases)
    func parses(kind: Chart.Kind) throws {
        let svg = ChartSVG.render(ChartSamples.chart(kind), style: .website { "/sources/#\($0)" })
        let parser = XMLParser(data: Data(svg.utf8))
        let collector = Collector()
        parser.delegate = collector
        #expect(parser.parse(), "\(kind): \(parser.parserError.map { "\($0)" } ?? "")")
        #expect(collector.elements.first == "svg")
        #expect(collector.elements.contains("title") && collector.elements.contains("desc"))
        #expect(svg.contains("role=\"img\""))
        #expect(svg.contains("href=\"/sources/#a\""))
        #expect(svg.contains("Payment share &amp; &lt;rivals&gt;"))
        let marks = collector.elements.filter { $0 == "a" }.count
        #expect(marks == (kind == .bar ? 3 : 6))
    }

    @Test("the print style has fixed colours and sizes and no links")
    func printStyle() {
        let svg = ChartSVG.render(ChartSamples.chart(.groupedBar), style: .print)
        #expect(!svg.contains("<a "))
        #expect(svg.contains("fill=\"#0b4f8a\"") && svg.contains("fill=\"#e69f00\""))
        #expect(svg.contains(" width=\"440\""))
    }

    @Test("a quarter is drawn as a span on a line chart, a day is not")
    func spans() {
        let svg = ChartSVG.render(ChartSamples.chart(.line), style: .print)
        #expect(svg.components(separatedBy: "class=\"span ").count - 1 == 6)
    }

    @Test("the description names every value")
    func description() {
        let text = ChartSVG.description(of: ChartSamples.chart(.dot))
        #expect(text.contains("Alipay: Q1 2019 53.8%; Q1 2020 55.4%; June 2021 55.6%."))
        #expect(text.contains("Sources: China Banking News; Yicai Global."))
    }

    @Test("the data table has a row per period and a cell per series")
    func table() {
        let table = ChartTable(ChartSamples.chart(.groupedBar))
        #expect(table.rowHeader == "Period")
        #expect(table.rows.map(\.label) == ["Q1 2019", "Q1 2020", "June 2021"])
        #expect(table.rows[0].cells.map { $0?.text } == ["53.8%", "39.9%"])
        #expect(table.rows[2].cells.map { $0?.sourceNumber } == [2, 2])
    }

    @Test("nice ticks cover the data with round steps")
    func ticks() {
        #expect(NiceScale(minimum: 0, maximum: 18.228, count: 4, fromZero: true).ticks == [0, 5, 10, 15, 20])
        #expect(
            NiceScale(minimum: 1097.6, maximum: 1411, count: 4, fromZero: false).ticks == [1000, 1100, 1200, 1300, 1400, 1500])
        #expect(NiceScale(minimum: 38.8, maximum: 55.6, count: 4, fromZero: false).ticks == [35, 40, 45, 50, 55, 60])
    }

    @Test("units format values as the facts write them")
    func units() {
        #expect(SeriesUnit("%").format(55.6) == "55.6%")
        #expect(SeriesUnit("RMB billion").format(18.228) == "RMB 18.228 billion")
        #expect(SeriesUnit("million accounts").format(1097.6) == "1,097.6 million accounts")
        #expect(SeriesUnit("RMB billion").format(0.0005) == "RMB 0.0005 billion")
        #expect(SeriesUnit("million").format(1130, approximate: true) == "~1,130 million")
    }

    @Test("periods parse quarters and know their spans")
    func periods() throws {
        let quarter = try #require(Period(iso: "2021-Q2"))
        #expect(quarter.display == "Q2 2021")
        #expect(quarter.start == 2021.25 && quarter.end == 2021.5)
        #expect(Period(iso: "2021-Q5") == nil)
        #expect(Period(iso: "2021-02-30") == nil)
        #expect(Period(iso: "2021-06")?.display == "June 2021")
        #expect(Period(iso: "2018-12-31")?.isSpan == false)
        #expect(try #require(Period(iso: "2019-Q1")) < #require(Period(iso: "2019-04")))
    }
}

/// The print style's drawing of every kind, as golden files a print renderer can rely on.
///
/// Re-record with `BROADSHEET_RECORD=1 swift test --disable-xctest --filter ChartPrintGoldenTests`.
@Suite("ChartSVG print goldens")
struct ChartPrintGoldenTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    @Test("every kind in the print style matches its golden SVG", arguments: Chart.Kind.allCases)
    func printGolden(kind: Chart.Kind) throws {
        let svg = ChartSVG.render(ChartSamples.chart(kind, highlight: kind == .bar ? "Q1 2020" : nil), style: .print) + "\n"
        let url = Self.golden.appendingPathComponent("print-\(kind.rawValue).svg")
        if ProcessInfo.processInfo.environment["BROADSHEET_RECORD"] == "1" {
            try FileManager.default.createDirectory(at: Self.golden, withIntermediateDirectories: true)
            try Data(svg.utf8).write(to: url)
            return
        }
        #expect(svg == (try String(contentsOf: url, encoding: .utf8)), "print-\(kind.rawValue).svg changed; re-record and review")
    }
}

@Suite("ChartSVG edge cases")
struct ChartEdgeCaseTests {
    static func chart(_ kind: Chart.Kind, _ points: [Series.Point], unit: String = "RMB billion") -> Chart {
        let series = Series(
            id: SeriesID("only"), title: "Only", label: "Only", entity: nil, unit: SeriesUnit(unit), note: nil,
            points: points, location: ChartSamples.location)
        return Chart(
            id: "chart-edge", kind: kind, title: "Edge", unit: SeriesUnit(unit), series: [series],
            sources: [ChartSamples.source("a", "A")])
    }

    @Test(
        "one point, zeros, negatives and equal values still draw well-formed SVG with finite numbers",
        arguments: Chart.Kind.allCases)
    func degenerate(kind: Chart.Kind) {
        let cases: [[Series.Point]] = [
            [ChartSamples.point("2021", 5, "a")],
            [ChartSamples.point("2021", 0, "a"), ChartSamples.point("2022", 0, "a")],
            [ChartSamples.point("2021-Q1", -3, "a"), ChartSamples.point("2021-Q3", 2, "a")],
            [ChartSamples.point("2021-01-01", 7, "a"), ChartSamples.point("2021-01-01", 7, "a", label: "Same day")],
        ]
        for points in cases {
            let svg = ChartSVG.render(Self.chart(kind, points), style: .print)
            #expect(XMLParser(data: Data(svg.utf8)).parse(), "\(kind) \(points.map(\.value))")
            #expect(!svg.contains("nan") && !svg.contains("inf"), "\(kind) \(points.map(\.value)): \(svg)")
        }
    }
}
