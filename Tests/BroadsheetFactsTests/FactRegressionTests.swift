import BroadsheetCore
import BroadsheetFacts
import Testing

/// Bugs found while writing these tests and since fixed, kept as regression cases.
@Suite("FactBookLoader: regressions")
struct FactRegressionTests {
    @Test("a duplicate event id is reported at the later line, even when the later event has an earlier date")
    func duplicateEventOrderedByFile() {
        let events = """
            - id: fine
              date: 2021-04-10
              title: Fine
              summary: Fined.
              entities: [alibaba]
              sources: [variety-2021-04-09]
            - id: fine
              date: 2020
              title: Earlier fine
              summary: Fined before.
              entities: [alibaba]
              sources: [variety-2021-04-09]
            """
        var texts = FactFixtures.base
        texts["events.yaml"] = events
        let (_, diagnostics) = FactFixtures.load(texts)
        #expect(diagnostics.count == 1)
        #expect(
            diagnostics.map(\.description) == [
                "Content/facts/events.yaml:7:3: error: duplicate event id 'fine' (first defined at Content/facts/events.yaml:1:3)"
            ])
    }

    @Test("an unquoted #colour is a YAML comment; it should not vanish silently")
    func unquotedColour() {
        let entities = FactFixtures.baseEntities + "  color: #1aad19\n"
        let (book, diagnostics) = FactFixtures.load(["entities.yaml": entities])
        #expect(book.entity(EntityID("alibaba"))?.color == nil)
        #expect(diagnostics.map(\.location.description) == ["Content/facts/entities.yaml:9:3"])
    }

    @Test("a misspelt column type is one error, not one more for every cell of that column")
    func columnTypeCascade() {
        let comparisons = """
            - id: t
              title: T
              columns:
                - id: users
                  label: Users
                  type: nmber
              rows:
                - id: r
                  label: R
                  cells:
                    users:
                      value: 5
                      asOf: 2021
                      source: variety-2021-04-09
            """
        var texts = FactFixtures.base
        texts["comparisons.yaml"] = comparisons
        let (_, diagnostics) = FactFixtures.load(texts)
        #expect(
            diagnostics.sortedByLocation().first?.description
                == "Content/facts/comparisons.yaml:6:13: error: unknown column type 'nmber'")
        #expect(diagnostics.count == 1)
    }

    @Test("the id hint suggests an id that is itself valid")
    func idHintIsValid() {
        let (_, diagnostics) = FactFixtures.load([
            "sources.yaml": "- id: Café-Daily\n  publisher: P\n  title: T\n  url: https://x.example/\n"
        ])
        #expect(diagnostics.map(\.message) == ["id 'Café-Daily' must be a lower-case slug"])
        #expect(diagnostics.first?.hint == "use a-z, 0-9 and '-' only, e.g. 'cafe-daily'")
    }
}
