import BroadsheetCore
import BroadsheetFacts
import Testing

@Suite("FactBookLoader: a valid set")
struct FactBookValidSetTests {
    let book: FactBook
    let diagnostics: [Diagnostic]

    init() {
        (book, diagnostics) = FactFixtures.load(FactFixtures.valid)
    }

    @Test("loads with no diagnostics at all")
    func noDiagnostics() {
        #expect(diagnostics.map(\.description) == [])
        #expect(book.sources.count == 3)
        #expect(book.entities.count == 5)
        #expect(book.events.count == 3)
        #expect(book.comparisons.count == 1)
    }

    @Test("no files is an empty book, not an error")
    func noFiles() {
        let (book, diagnostics) = FactBookLoader.load(files: [:])
        #expect(diagnostics.isEmpty)
        #expect(book == .empty)
    }

    @Test("the file names read, in order")
    func fileNames() {
        #expect(FactBookLoader.fileNames == ["sources.yaml", "entities.yaml", "events.yaml", "comparisons.yaml", "series.yaml"])
    }

    @Test("sources keep every field, with defaults for the optional ones")
    func sources() throws {
        let full = try #require(book.source(SourceID("reuters-2021-07")))
        #expect(full.publisher == "Yicai Global")
        #expect(full.via == "Reuters")
        #expect(full.title == "Tencent: WeChat opens to Alipay links")
        #expect(full.url == "https://www.yicaiglobal.com/news/x")
        #expect(full.date == PartialDate(year: 2021, month: 7))
        #expect(full.archiveURL == "https://web.archive.org/web/2021/x")
        #expect(full.note == "Date not shown in the excerpt.")
        #expect(full.location.description == "Content/facts/sources.yaml:6:3")

        let bare = try #require(book.source(SourceID("variety-2021-04-09")))
        #expect(bare.via == nil)
        #expect(bare.language == "en")
        #expect(bare.archiveURL == nil)
        #expect(book.source(SourceID("annual-report-2020"))?.date == nil)
        #expect(book.source(SourceID("annual-report-2020"))?.language == "zh")
        #expect(book.sources.map(\.id.rawValue) == ["variety-2021-04-09", "reuters-2021-07", "annual-report-2020"])
    }

    @Test("entities keep every field")
    func entities() throws {
        let tencent = try #require(book.entity(EntityID("tencent")))
        #expect(tencent.nativeName == "腾讯")
        #expect(tencent.color == "#1aad19")
        #expect(tencent.isMain)
        #expect(tencent.parent == nil)
        let samr = try #require(book.entity(EntityID("samr")))
        #expect(samr.shortName == "SAMR")
        #expect(samr.kind == "regulator")
        #expect(!samr.isMain)
        #expect(book.entity(EntityID("wechat-pay"))?.parent == EntityID("wechat"))
        #expect(book.entity(EntityID("nobody")) == nil)
    }

    @Test("events are sorted by date, less precise dates first")
    func eventOrder() {
        #expect(book.events.map(\.id.rawValue) == ["year-of-reform", "alibaba-fined-2021-04", "link-blocking-talks"])
    }

    @Test("events keep every field")
    func events() throws {
        let fine = try #require(book.event(EventID("alibaba-fined-2021-04")))
        #expect(fine.date.iso == "2021-04-10")
        #expect(fine.end == nil)
        #expect(fine.summary == "The market regulator fined Alibaba for \"choose one of two\".")
        #expect(fine.entities == [EntityID("samr"), EntityID("alibaba")])
        #expect(fine.themes == ["regulation", "antitrust"])
        #expect(fine.sources == [SourceID("variety-2021-04-09"), SourceID("annual-report-2020")])
        #expect(fine.confidence == .high)
        #expect(fine.factReference == "F04")
        #expect(fine.location.description == "Content/facts/events.yaml:10:3")

        let talks = try #require(book.event(EventID("link-blocking-talks")))
        #expect(talks.end?.iso == "2021-09")
        #expect(talks.confidence == .medium)
        #expect(book.event(EventID("year-of-reform"))?.title == "2021")
    }

    @Test("themes are every event's themes, sorted and unique")
    func themes() {
        #expect(book.themes == ["antitrust", "interoperability", "regulation"])
    }

    @Test("comparisons keep columns, rows and typed cells")
    func comparison() throws {
        let table = try #require(book.comparison(ComparisonID("fines")))
        #expect(table.title == "Fines and market share")
        #expect(table.description == "Figures as *reported*.")
        #expect(table.rowHeader == "Company")
        #expect(table.columns.map(\.id) == ["fine", "share", "users", "listed", "founded", "hq"])
        #expect(table.columns.map(\.type) == [.money, .percentage, .number, .boolean, .date, .text])
        #expect(
            table.columns.map(\.headerWithUnit) == [
                "Fine (CNY)", "Share (%)", "Users (million)", "Listed", "Founded", "Headquarters",
            ])
        #expect(table.rows.map(\.id) == ["alibaba", "wechat"])
        #expect(table.rows.map(\.label) == ["Alibaba", "WeChat users"], "a row without a label takes its entity's name")
        #expect(table.rows.map(\.entity) == [EntityID("alibaba"), EntityID("wechat")])

        let alibaba = table.rows[0]
        #expect(alibaba.cells.keys.sorted() == ["fine", "founded", "hq", "listed", "share"])
        let fine = try #require(alibaba.cells["fine"])
        #expect(fine.value == .number(18.228))
        #expect(fine.scale == "billion")
        #expect(fine.asOf.iso == "2021-04-10")
        #expect(fine.source == SourceID("variety-2021-04-09"))
        #expect(!fine.isApproximate)
        #expect(fine.location.description == "Content/facts/comparisons.yaml:31:11")
        #expect(alibaba.cells["share"]?.isApproximate == true)
        #expect(alibaba.cells["listed"]?.value == .boolean(true))
        #expect(alibaba.cells["founded"]?.value == .date(PartialDate(year: 1999, month: 4)!))
        #expect(alibaba.cells["hq"]?.value == .text("Hangzhou"))
        #expect(alibaba.cells["hq"]?.note == "as reported")
        #expect(table.rows[1].cells["users"]?.value == .number(1225))
    }

    @Test("cells display as the tables show them")
    func cellText() throws {
        let table = try #require(book.comparison(ComparisonID("fines")))
        let texts = table.rows.map { row in
            table.columns.map { column in row.cells[column.id].map { $0.displayText(in: column) } ?? "unknown" }
        }
        #expect(
            texts == [
                ["RMB 18.228 billion", "~55.6%", "unknown", "Yes", "April 1999", "Hangzhou"],
                ["unknown", "unknown", "1,225", "unknown", "unknown", "unknown"],
            ])
        #expect(table.rows[0].cells["fine"]?.machineValue == "18228000000")
        #expect(table.rows[0].cells["founded"]?.machineValue == "1999-04")
        #expect(table.rows[0].cells["listed"]?.machineValue == "true")
    }

    @Test(
        "an entity with everything below it",
        arguments: [
            ("tencent", ["tencent", "wechat", "wechat-pay"]),
            ("wechat", ["wechat", "wechat-pay"]),
            ("wechat-pay", ["wechat-pay"]),
            ("alibaba", ["alibaba"]),
            ("not-an-entity", ["not-an-entity"]),
        ])
    func entityAndDescendants(id: String, expected: [String]) {
        #expect(book.entityAndDescendants(EntityID(id)) == Set(expected.map(EntityID.init)))
    }

    @Test("direct children only")
    func children() {
        #expect(book.children(of: EntityID("tencent")).map(\.id.rawValue) == ["wechat"])
        #expect(book.children(of: EntityID("wechat-pay")).isEmpty)
    }
}

@Suite("FactBook queries over invalid parents")
struct FactBookCycleQueryTests {
    @Test("descendants terminate even when parents form a cycle")
    func cycleTerminates() {
        let entities = """
            - id: a
              name: A
              kind: company
              parent: b
              description: x.
            - id: b
              name: B
              kind: company
              parent: a
              description: y.
            - id: c
              name: C
              kind: company
              parent: b
              description: z.
            """
        let (book, diagnostics) = FactFixtures.load(["entities.yaml": entities])
        #expect(diagnostics.containsErrors)
        #expect(book.entityAndDescendants(EntityID("a")) == [EntityID("a"), EntityID("b"), EntityID("c")])
        #expect(book.entityAndDescendants(EntityID("c")) == [EntityID("c")])
    }
}
