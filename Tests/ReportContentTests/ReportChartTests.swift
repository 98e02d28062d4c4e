import BroadsheetContent
import BroadsheetDocument
import BroadsheetFacts
import Testing

/// The report's charts: enough of them, and every value drawn equal to a value of the facts.
@Suite("Report charts")
struct ReportChartTests {
    let report = ReportFixture.shared

    /// The charts of the document at `path`.
    func charts(_ path: String) -> [Chart] {
        guard let document = report.document(path) else { return [] }
        return Block.embeds(in: document.body).compactMap { embed in
            if case .chart(let chart) = embed { return chart }
            return nil
        }
    }

    @Test("the report has at least four charts in at least three chapters")
    func enoughCharts() {
        let chapters = ReportFixture.articlePaths.filter { !charts($0).isEmpty }
        let count = ReportFixture.articlePaths.map { charts($0).count }.reduce(0, +)
        #expect(count >= 4, "\(count) charts")
        #expect(chapters.count >= 3, "charts in \(chapters)")
    }

    @Test("every value in a chart equals a value in the facts, from the same source", arguments: ReportFixture.documentPaths)
    func chartValuesAreFacts(path: String) throws {
        let facts = try #require(report.site?.facts)
        for chart in charts(path) {
            for series in chart.series {
                for point in series.points where !ChartFacts.supports(point, unit: series.unit, in: facts) {
                    Issue.record(
                        "\(path): chart '\(chart.title)': \(series.label), \(point.category) = \(chart.text(point)) is not a value of the facts citing '\(point.source)'"
                    )
                }
            }
        }
    }

    @Test("every value in series.yaml equals a value in the comparisons or events, from the same source")
    func seriesValuesAreFacts() throws {
        let facts = try #require(report.site?.facts)
        #expect(!facts.series.isEmpty)
        for series in facts.series {
            for point in series.points where !ChartFacts.supports(point, unit: series.unit, in: facts) {
                Issue.record(
                    "\(point.location): \(series.id) \(point.asOf.iso) = \(series.unit.format(point.value)) is not a value of the facts citing '\(point.source)'"
                )
            }
        }
    }

    @Test(
        "every number in a chart's title and note rests on the facts the chart or its document cites",
        arguments: ReportFixture.documentPaths)
    func chartWordsAreSourced(path: String) throws {
        let facts = try #require(report.site?.facts)
        let document = try #require(report.document(path))
        for chart in charts(path) {
            let sources = Set(chart.sources.map(\.id)).union(document.citations.map(\.source))
            let failures = NumberAuditor.audit(
                path: path, lines: [chart.title, chart.note ?? ""], factTexts: CitedFacts.texts(citing: sources, in: facts))
            for failure in failures { Issue.record("chart '\(chart.title)': \(failure.text) is not in a cited fact") }
        }
    }
}

/// Whether a chart's value is a value of the facts.
enum ChartFacts {
    /// True when a comparison cell citing the point's source holds the same amount, or a fact text citing it states the value.
    static func supports(_ point: Series.Point, unit: SeriesUnit, in facts: FactBook) -> Bool {
        let amount = point.value * scale(unit.text)
        for comparison in facts.comparisons {
            for column in comparison.columns where column.type.isNumeric {
                for row in comparison.rows {
                    guard let cell = row.cells[column.id], cell.source == point.source, case .number(let number) = cell.value
                    else { continue }
                    let columnScale = column.type == .number ? scale(column.unit ?? "") : 1
                    let cellAmount = number * NumberText.multiplier(cell.scale) * columnScale
                    if abs(cellAmount - amount) <= abs(amount) * 1e-9 { return true }
                }
            }
        }
        let texts = CitedFacts.texts(citing: [point.source], in: facts)
        return NumberAuditor.audit(path: "", lines: [unit.format(point.value)], factTexts: texts).isEmpty
    }

    /// The multiplier a unit's scale word stands for: "RMB billion" is 1e9, "%" is 1.
    static func scale(_ unit: String) -> Double {
        unit.split(separator: " ").map { NumberText.multiplier(String($0)) }.max() ?? 1
    }
}
