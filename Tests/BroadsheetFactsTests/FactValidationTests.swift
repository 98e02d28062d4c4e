import BroadsheetCore
import BroadsheetFacts
import Foundation
import Testing

/// One invalid facts folder and every diagnostic it must produce, exactly.
struct FactErrorCase: Sendable, CustomTestStringConvertible {
    /// What the case checks.
    var name: String
    /// Files keyed by name; they replace the files of `FactFixtures.base` (two sources, two entities).
    var files: [String: String]
    /// `Diagnostic.description` of every diagnostic, sorted by location.
    var expected: [String]
    /// The hint of each diagnostic, in the same order; nil skips the check.
    var hints: [String?]? = nil

    var testDescription: String { name }
}

/// An event that is valid against `FactFixtures.base`, with `lines` spliced in (or replacing keys).
private func event(
    id: String = "fine", date: String = "2021-04-10", entities: String = "[alibaba]",
    sources: String? = "[variety-2021-04-09]", extra: [String] = []
) -> String {
    var lines = ["- id: \(id)", "  date: \(date)", "  title: Fine", "  summary: Fined.", "  entities: \(entities)"]
    if let sources { lines.append("  sources: \(sources)") }
    return (lines + extra.map { "  " + $0 }).joined(separator: "\n") + "\n"
}

/// A one-table comparisons file; `cells` is the YAML under the single row's `cells:` (indented 8).
private func table(columns: String = "    - id: users\n      label: Users\n      type: number", cells: String) -> String {
    """
    - id: t
      title: T
      columns:
    \(columns)
      rows:
        - id: r
          label: R
          cells:
    \(cells)

    """
}

private let goodCell = "        users:\n          value: 5\n          asOf: 2021\n          source: variety-2021-04-09"

extension FactErrorCase {
    static let all: [FactErrorCase] = [
        // MARK: References
        FactErrorCase(
            name: "unknown source id, with the closest id suggested",
            files: ["events.yaml": event(sources: "[variety-2021-04-10]")],
            expected: ["Content/facts/events.yaml:1:3: error: unknown source id 'variety-2021-04-10' in event 'fine'"],
            hints: ["did you mean 'variety-2021-04-09'?"]),
        FactErrorCase(
            name: "unknown source id with nothing close",
            files: ["events.yaml": event(sources: "[bloomberg-2020]")],
            expected: ["Content/facts/events.yaml:1:3: error: unknown source id 'bloomberg-2020' in event 'fine'"],
            hints: ["add it to sources.yaml or correct the id"]),
        FactErrorCase(
            name: "unknown entity",
            files: ["events.yaml": event(entities: "[alibaba, bytedance]")],
            expected: ["Content/facts/events.yaml:1:3: error: unknown entity id 'bytedance' in event 'fine'"],
            hints: ["add it to entities.yaml or correct the id"]),
        FactErrorCase(
            name: "misspelt entity, with the closest id suggested",
            files: ["events.yaml": event(entities: "[alibab]")],
            expected: ["Content/facts/events.yaml:1:3: error: unknown entity id 'alibab' in event 'fine'"],
            hints: ["did you mean 'alibaba'?"]),
        FactErrorCase(
            name: "unknown parent",
            files: [
                "entities.yaml": """
                - id: tencent
                  name: Tencent
                  kind: company
                  description: A company.
                - id: wechat
                  name: WeChat
                  kind: product
                  parent: tencnet
                  description: An app.
                """
            ],
            expected: ["Content/facts/entities.yaml:5:3: error: unknown entity id 'tencnet' in the parent of entity 'wechat'"],
            hints: ["did you mean 'tencent'?"]),
        FactErrorCase(
            name: "parent cycles, including an entity that is its own parent",
            files: [
                "entities.yaml": """
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
                  parent: c
                  description: z.
                - id: d
                  name: D
                  kind: company
                  parent: a
                  description: below the cycle, not part of it.
                """
            ],
            expected: [
                "Content/facts/entities.yaml:1:3: error: entity parents form a cycle: a → b → a",
                "Content/facts/entities.yaml:6:3: error: entity parents form a cycle: b → a → b",
                "Content/facts/entities.yaml:11:3: error: entity parents form a cycle: c → c",
            ],
            hints: Array(repeating: "an entity cannot be its own ancestor; remove one `parent`", count: 3)),
        FactErrorCase(
            name: "unknown entity of a comparison row",
            files: ["comparisons.yaml": table(cells: goodCell).replacingOccurrences(of: "label: R", with: "entity: tencnt")],
            expected: ["Content/facts/comparisons.yaml:8:7: error: unknown entity id 'tencnt' in row 'r' of comparison 't'"],
            hints: ["did you mean 'tencent'?"]),
        FactErrorCase(
            name: "unknown source of a comparison cell",
            files: ["comparisons.yaml": table(cells: goodCell.replacingOccurrences(of: "variety-2021-04-09", with: "reuters"))],
            expected: ["Content/facts/comparisons.yaml:12:11: error: unknown source id 'reuters' in comparison 't'"]),

        // MARK: Duplicates
        FactErrorCase(
            name: "duplicate source ids",
            files: [
                "sources.yaml": """
                - id: dup
                  publisher: A
                  title: T
                  url: https://a.example/1
                - id: dup
                  publisher: B
                  title: U
                  url: https://b.example/2
                """
            ],
            expected: [
                "Content/facts/sources.yaml:5:3: error: duplicate source id 'dup' (first defined at Content/facts/sources.yaml:1:3)"
            ],
            hints: ["ids must be unique; rename one of them"]),
        FactErrorCase(
            name: "duplicate entity ids",
            files: [
                "entities.yaml": FactFixtures.baseEntities
                    + "- id: tencent\n  name: Tencent again\n  kind: company\n  description: Twice.\n"
            ],
            expected: [
                "Content/facts/entities.yaml:9:3: error: duplicate entity id 'tencent' (first defined at Content/facts/entities.yaml:1:3)"
            ]),
        FactErrorCase(
            name: "duplicate event ids",
            files: ["events.yaml": event() + event(date: "2021-05")],
            expected: [
                "Content/facts/events.yaml:7:3: error: duplicate event id 'fine' (first defined at Content/facts/events.yaml:1:3)"
            ]),
        FactErrorCase(
            name: "duplicate comparison ids",
            files: ["comparisons.yaml": table(cells: goodCell) + table(cells: goodCell)],
            expected: [
                "Content/facts/comparisons.yaml:15:3: error: duplicate comparison id 't' (first defined at Content/facts/comparisons.yaml:1:3)"
            ]),
        FactErrorCase(
            name: "duplicate column and row ids in one table",
            files: [
                "comparisons.yaml": table(
                    columns:
                        "    - id: users\n      label: Users\n      type: number\n    - id: users\n      label: Again\n      type: text",
                    cells: goodCell) + "    - id: r\n      label: Again\n      cells: {}\n"
            ],
            expected: [
                "Content/facts/comparisons.yaml:7:11: error: duplicate column id 'users' in this table",
                "Content/facts/comparisons.yaml:18:11: error: duplicate row id 'r' in this table",
            ]),

        // MARK: Dates
        FactErrorCase(
            name: "an impossible date",
            files: ["events.yaml": event(date: "2021-02-30")],
            expected: ["Content/facts/events.yaml:2:9: error: '2021-02-30' is not a valid date"],
            hints: ["write YYYY, YYYY-MM or YYYY-MM-DD with a real day (e.g. 2021-02-28)"]),
        FactErrorCase(
            name: "29 February outside a leap year",
            files: ["events.yaml": event(date: "2021-02-29")],
            expected: ["Content/facts/events.yaml:2:9: error: '2021-02-29' is not a valid date"]),
        FactErrorCase(
            name: "a date in the wrong format",
            files: ["events.yaml": event(date: "10/04/2021")],
            expected: ["Content/facts/events.yaml:2:9: error: '10/04/2021' is not a valid date"]),
        FactErrorCase(
            name: "an event that ends before it starts",
            files: ["events.yaml": event(extra: ["end: 2021-03"])],
            expected: ["Content/facts/events.yaml:1:3: error: event 'fine' ends (2021-03) before it starts (2021-04-10)"],
            hints: ["swap `date` and `end`, or correct one of them"]),
        FactErrorCase(
            name: "an impossible end date",
            files: ["events.yaml": event(extra: ["end: 2021-04-31"])],
            expected: ["Content/facts/events.yaml:7:8: error: '2021-04-31' is not a valid date"]),
        FactErrorCase(
            name: "an invalid source date",
            files: ["sources.yaml": FactFixtures.baseSources + "  date: 2021-13\n"],
            expected: ["Content/facts/sources.yaml:9:9: error: '2021-13' is not a valid date"]),
        FactErrorCase(
            name: "a cell's asOf is required and must be a date",
            files: ["comparisons.yaml": table(cells: goodCell.replacingOccurrences(of: "asOf: 2021", with: "asOf: Q1 2021"))],
            expected: ["Content/facts/comparisons.yaml:13:17: error: 'Q1 2021' is not a valid date"]),

        // MARK: Events
        FactErrorCase(
            name: "an event without sources",
            files: ["events.yaml": event(sources: nil)],
            expected: ["Content/facts/events.yaml:1:3: error: event 'fine' has no source; every event must cite at least one"],
            hints: ["add `sources: [source-id]` with ids from sources.yaml"]),
        FactErrorCase(
            name: "an event with an empty list of sources",
            files: ["events.yaml": event(sources: "[]")],
            expected: ["Content/facts/events.yaml:6:12: error: event 'fine' has no source; every event must cite at least one"]),
        FactErrorCase(
            name: "a single source written without brackets",
            files: ["events.yaml": event(sources: "variety-2021-04-09")],
            expected: [
                "Content/facts/events.yaml:6:12: error: 'sources' must be a list, found the single value 'variety-2021-04-09'",
                "Content/facts/events.yaml:6:12: error: event 'fine' has no source; every event must cite at least one",
            ],
            hints: ["write it as a list: `sources: [variety-2021-04-09]`", nil]),
        FactErrorCase(
            name: "a title written as a bare number",
            files: ["events.yaml": event().replacingOccurrences(of: "title: Fine", with: "title: 2021")],
            expected: [
                "Content/facts/events.yaml:3:10: error: 'title' in event must be text, found '2021'"
            ]),
        FactErrorCase(
            name: "themes must be slugs",
            files: ["events.yaml": event(extra: ["themes: [antitrust, Big Tech]"])],
            expected: ["Content/facts/events.yaml:7:11: error: theme 'Big Tech' is not a lower-case slug"],
            hints: ["use letters, digits and '-' only, e.g. 'big-tech'"]),
        FactErrorCase(
            name: "confidence is high or medium",
            files: ["events.yaml": event(extra: ["confidence: low"])],
            expected: ["Content/facts/events.yaml:7:15: error: confidence must be 'high' or 'medium', found 'low'"]),
        FactErrorCase(
            name: "an event missing every required field",
            files: ["events.yaml": "- fact: F01\n"],
            expected: [
                "Content/facts/events.yaml:1:3: error: event '?' has no source; every event must cite at least one",
                "Content/facts/events.yaml:1:3: error: event is missing the required field 'date'",
                "Content/facts/events.yaml:1:3: error: event is missing the required field 'entities'",
                "Content/facts/events.yaml:1:3: error: event is missing the required field 'id'",
                "Content/facts/events.yaml:1:3: error: event is missing the required field 'summary'",
                "Content/facts/events.yaml:1:3: error: event is missing the required field 'title'",
            ]),
        FactErrorCase(
            name: "a misspelt key is a warning with a suggestion",
            files: ["events.yaml": event(extra: ["sumary: Oops."])],
            expected: ["Content/facts/events.yaml:7:3: warning: unknown key 'sumary' in event is ignored"],
            hints: ["did you mean 'summary'?"]),

        // MARK: Comparisons
        FactErrorCase(
            name: "a comparison cell without a source",
            files: ["comparisons.yaml": table(cells: "        users:\n          value: 5\n          asOf: 2021")],
            expected: ["Content/facts/comparisons.yaml:12:11: error: cell 'users' has no source; every value must cite one"],
            hints: ["add `source: source-id` (an id from sources.yaml)"]),
        FactErrorCase(
            name: "a cell for an unknown column",
            files: ["comparisons.yaml": table(cells: goodCell.replacingOccurrences(of: "users:", with: "user:"))],
            expected: ["Content/facts/comparisons.yaml:11:9: error: cell for unknown column 'user'"],
            hints: ["did you mean 'users'?"]),
        FactErrorCase(
            name: "a quoted number in a number column",
            files: ["comparisons.yaml": table(cells: goodCell.replacingOccurrences(of: "value: 5", with: "value: \"12\""))],
            expected: ["Content/facts/comparisons.yaml:12:18: error: '12' is not a number, but column 'users' is of type number"],
            hints: ["write a plain number such as 18.228 (use `scale: billion` for large amounts, `approx: true` for ~)"]),
        FactErrorCase(
            name: "words in a number column",
            files: ["comparisons.yaml": table(cells: goodCell.replacingOccurrences(of: "value: 5", with: "value: about 5"))],
            expected: [
                "Content/facts/comparisons.yaml:12:18: error: 'about 5' is not a number, but column 'users' is of type number"
            ]),
        FactErrorCase(
            name: "a list as a cell value",
            files: ["comparisons.yaml": table(cells: goodCell.replacingOccurrences(of: "value: 5", with: "value: [5]"))],
            expected: ["Content/facts/comparisons.yaml:12:18: error: a cell value must be a single value, found a list"]),
        FactErrorCase(
            name: "a non-date in a date column and a non-boolean in a boolean column",
            files: [
                "comparisons.yaml": table(
                    columns:
                        "    - id: users\n      label: Founded\n      type: date\n    - id: listed\n      label: Listed\n      type: boolean",
                    cells: goodCell.replacingOccurrences(of: "value: 5", with: "value: 1999-13")
                        + "\n        listed:\n          value: yes\n          asOf: 2021\n          source: variety-2021-04-09")
            ],
            expected: [
                "Content/facts/comparisons.yaml:15:18: error: '1999-13' is not a date",
                "Content/facts/comparisons.yaml:19:18: error: 'yes' is not true or false (column 'listed' is yes/no)",
            ]),
        FactErrorCase(
            name: "an unknown scale",
            files: ["comparisons.yaml": table(cells: goodCell + "\n          scale: millions")],
            expected: ["Content/facts/comparisons.yaml:15:18: error: unknown scale 'millions'"],
            hints: ["use one of: thousand, million, billion, trillion"]),
        FactErrorCase(
            name: "a money column without a currency",
            files: ["comparisons.yaml": table(columns: "    - id: users\n      label: Fine\n      type: money", cells: goodCell)],
            expected: ["Content/facts/comparisons.yaml:4:7: error: money column 'users' needs a currency"],
            hints: ["add `currency: CNY` (an ISO 4217 code)"]),
        FactErrorCase(
            name: "empty columns",
            files: [
                "comparisons.yaml": "- id: t\n  title: T\n  columns: []\n  rows:\n    - id: r\n      label: R\n      cells: {}\n"
            ],
            expected: ["Content/facts/comparisons.yaml:3:12: error: 'columns' must be a non-empty list of columns"]),
        FactErrorCase(
            name: "missing columns and empty rows",
            files: ["comparisons.yaml": "- id: t\n  title: T\n  rows: []\n"],
            expected: [
                "Content/facts/comparisons.yaml:1:3: error: comparison is missing the required field 'columns'",
                "Content/facts/comparisons.yaml:3:9: error: 'rows' must be a non-empty list of rows",
            ]),
        FactErrorCase(
            name: "a row with neither label nor entity",
            files: ["comparisons.yaml": table(cells: goodCell).replacingOccurrences(of: "      label: R\n", with: "")],
            expected: ["Content/facts/comparisons.yaml:8:7: error: row 'r' needs a label or an entity"],
            hints: ["add `label: …` or `entity: entity-id`"]),
        FactErrorCase(
            name: "a misspelt column type",
            files: [
                "comparisons.yaml": table(columns: "    - id: users\n      label: Users\n      type: nmber", cells: "        {}")
            ],
            expected: ["Content/facts/comparisons.yaml:6:13: error: unknown column type 'nmber'"],
            hints: ["did you mean 'number'?"]),

        // MARK: Sources
        FactErrorCase(
            name: "a non-http URL",
            files: ["sources.yaml": "- id: s\n  publisher: P\n  title: T\n  url: ftp://example.com/a\n"],
            expected: ["Content/facts/sources.yaml:4:8: error: 'ftp://example.com/a' is not an absolute http(s) URL"],
            hints: ["write the full address, starting with https://"]),
        FactErrorCase(
            name: "a URL without a scheme, and an archive URL with a space",
            files: [
                "sources.yaml":
                    "- id: s\n  publisher: P\n  title: T\n  url: www.example.com/a\n  archive: https://web.archive.org/a b\n"
            ],
            expected: [
                "Content/facts/sources.yaml:4:8: error: 'www.example.com/a' is not an absolute http(s) URL",
                "Content/facts/sources.yaml:5:12: error: 'https://web.archive.org/a b' is not an absolute http(s) URL",
            ]),
        FactErrorCase(
            name: "a source missing its url",
            files: ["sources.yaml": "- id: s\n  publisher: P\n  title: T\n"],
            expected: ["Content/facts/sources.yaml:1:3: error: source is missing the required field 'url'"]),

        // MARK: Entities
        FactErrorCase(
            name: "a colour that is not #rrggbb",
            files: ["entities.yaml": FactFixtures.baseEntities + "  color: red\n"],
            expected: ["Content/facts/entities.yaml:9:10: error: colour 'red' is not a #rrggbb value"],
            hints: ["write it like \"#1aad19\" (in quotes, because # starts a YAML comment)"]),
        FactErrorCase(
            name: "a colour with five hex digits",
            files: ["entities.yaml": FactFixtures.baseEntities + "  color: \"#1aad1\"\n"],
            expected: ["Content/facts/entities.yaml:9:10: error: colour '#1aad1' is not a #rrggbb value"]),
        FactErrorCase(
            name: "an id that is not a slug",
            files: ["entities.yaml": FactFixtures.baseEntities.replacingOccurrences(of: "id: tencent", with: "id: Tencent_HQ")],
            expected: ["Content/facts/entities.yaml:1:7: error: id 'Tencent_HQ' must be a lower-case slug"],
            hints: ["use a-z, 0-9 and '-' only, e.g. 'tencent-hq'"]),
        FactErrorCase(
            name: "an id with a leading dash",
            files: [
                "sources.yaml": FactFixtures.baseSources.replacingOccurrences(of: "id: reuters-2021-07", with: "id: \"-reuters\"")
            ],
            expected: ["Content/facts/sources.yaml:5:7: error: id '-reuters' must be a lower-case slug"]),
        FactErrorCase(
            name: "an unknown entity kind, with a suggestion",
            files: [
                "entities.yaml": FactFixtures.baseEntities.replacingOccurrences(
                    of: "kind: company\n  description: A company.\n- id: alibaba",
                    with: "kind: compnay\n  description: A company.\n- id: alibaba")
            ],
            expected: ["Content/facts/entities.yaml:3:9: error: unknown entity kind 'compnay'"],
            hints: ["did you mean 'company'?"]),
        FactErrorCase(
            name: "an unknown entity kind with nothing close",
            files: [
                "entities.yaml": FactFixtures.baseEntities.replacingOccurrences(
                    of: "kind: company\n  description: A company.\n- id: alibaba",
                    with: "kind: startup\n  description: A company.\n- id: alibaba")
            ],
            expected: ["Content/facts/entities.yaml:3:9: error: unknown entity kind 'startup'"],
            hints: ["use one of: company, product, regulator, government, person, organisation"]),
        FactErrorCase(
            name: "main must be true or false",
            files: ["entities.yaml": FactFixtures.baseEntities + "  main: yes\n"],
            expected: ["Content/facts/entities.yaml:9:9: error: 'main' in entity must be true or false, found 'yes'"]),

        // MARK: Files
        FactErrorCase(
            name: "a file that is a mapping instead of a list",
            files: ["events.yaml": "id: fine\ndate: 2021\n"],
            expected: [
                "Content/facts/events.yaml:1:1: error: Content/facts/events.yaml must be a list of events, found a mapping"
            ],
            hints: ["start each event with `- id: …`"]),
        FactErrorCase(
            name: "an item that is not a mapping",
            files: ["sources.yaml": FactFixtures.baseSources + "- just-an-id\n"],
            expected: [
                "Content/facts/sources.yaml:9:3: error: source must be a mapping of `key: value` lines, found a single value"
            ]),
        FactErrorCase(
            name: "a YAML syntax error carries the facts file's path",
            files: ["entities.yaml": FactFixtures.baseEntities + "  main: [true\n"],
            expected: [
                "Content/facts/entities.yaml:9:9: error: invalid YAML: a flow sequence starts here and is never closed"
            ]),
        FactErrorCase(
            name: "an empty file is an empty list",
            files: ["events.yaml": "# nothing yet\n"],
            expected: []),
        FactErrorCase(
            name: "a series value that is not a number, a quarter that does not exist, a unit mismatch, no source",
            files: [
                "series.yaml": """
                - id: share
                  title: Share
                  unit: "%"
                  points:
                    - {asOf: 2021-Q1, value: 55.6%, source: variety-2021-04-09}
                    - {asOf: 2021-Q0, value: 55.6, source: variety-2021-04-09}
                    - {asOf: 2021-Q2, value: 0.5, unit: share, source: variety-2021-04-09}
                    - {asOf: 2021-Q3, value: 55}
                    - {asOf: 2021-Q4, value: 56, source: nope}

                """
            ],
            expected: [
                "Content/facts/series.yaml:5:30: error: '55.6%' is not a number",
                "Content/facts/series.yaml:6:14: error: '2021-Q0' is not a valid as-of date",
                "Content/facts/series.yaml:7:41: error: unit 'share' does not match the series' unit '%'",
                "Content/facts/series.yaml:8:7: error: point '2021-Q3' has no source; every value must cite one",
                "Content/facts/series.yaml:9:7: error: unknown source id 'nope' in series 'share'",
            ]),
        FactErrorCase(
            name: "a series with no points, an unknown entity and a repeated id",
            files: [
                "series.yaml": """
                - id: a
                  title: A
                  unit: million
                  points: []
                - id: b
                  title: B
                  entity: nobody
                  unit: million
                  points:
                    - {asOf: 2021, value: 1, source: variety-2021-04-09}
                - id: b
                  title: B again
                  unit: million
                  points:
                    - {asOf: 2022, value: 2, source: variety-2021-04-09}

                """
            ],
            expected: [
                "Content/facts/series.yaml:4:11: error: 'points' must be a non-empty list of points",
                "Content/facts/series.yaml:5:3: error: unknown entity id 'nobody' in series 'b'",
                "Content/facts/series.yaml:11:3: error: duplicate series id 'b' (first defined at Content/facts/series.yaml:5:3)",
            ]),
    ]
}

@Suite("FactBookLoader: validation errors")
struct FactValidationTests {
    @Test("each invalid set gives exactly its diagnostics", arguments: FactErrorCase.all)
    func invalidSet(_ testCase: FactErrorCase) {
        var texts = FactFixtures.base
        texts.merge(testCase.files) { $1 }
        let (_, diagnostics) = FactFixtures.load(texts)
        let sorted = diagnostics.sortedByLocation()
        #expect(sorted.map(\.description) == testCase.expected)
        if let hints = testCase.hints, sorted.count == hints.count {
            for (diagnostic, hint) in zip(sorted, hints) where hint != nil {
                #expect(diagnostic.hint == hint, "hint of \(diagnostic)")
            }
        }
    }

    @Test("the base used by the error cases is valid on its own")
    func baseIsValid() {
        let (book, diagnostics) = FactFixtures.load(FactFixtures.base)
        #expect(diagnostics.isEmpty)
        #expect(book.sources.count == 2)
        #expect(book.entities.count == 2)
    }

    @Test("every problem of one file is reported in one run")
    func allProblemsOfOneFile() {
        let entities = """
            - id: Bad_ID
              name: X
              kind: compnay
              description: d
              color: red
            - id: ok
              kind: company
              description: d
              colour: "#ffffff"
            - id: ok
              name: Twice
              kind: person
              description: d
              main: maybe
            """
        let (_, diagnostics) = FactFixtures.load(["entities.yaml": entities])
        #expect(diagnostics.count == 6)
        #expect(
            diagnostics.sortedByLocation().map(\.description) == [
                "Content/facts/entities.yaml:1:7: error: id 'Bad_ID' must be a lower-case slug",
                "Content/facts/entities.yaml:3:9: error: unknown entity kind 'compnay'",
                "Content/facts/entities.yaml:5:10: error: colour 'red' is not a #rrggbb value",
                "Content/facts/entities.yaml:6:3: error: entity is missing the required field 'name'",
                "Content/facts/entities.yaml:9:3: warning: unknown key 'colour' in entity is ignored",
                "Content/facts/entities.yaml:14:9: error: 'main' in entity must be true or false, found 'maybe'",
            ])
    }

    @Test("problems in every file are reported together")
    func allProblemsOfAllFiles() {
        let (_, diagnostics) = FactFixtures.load([
            "sources.yaml": "- id: s\n  publisher: P\n  title: T\n  url: ftp://x.example/a\n",
            "entities.yaml": "- id: e\n  name: E\n  kind: compnay\n  description: d\n",
            "events.yaml": "- id: v\n  date: 2021-02-30\n  title: V\n  summary: S\n  entities: [e]\n  sources: [s]\n",
            "comparisons.yaml": "- id: c\n  title: C\n  columns: []\n  rows: []\n",
        ])
        #expect(diagnostics.count == 5)
        #expect(
            Set(diagnostics.map(\.location.path)) == [
                "Content/facts/sources.yaml", "Content/facts/entities.yaml", "Content/facts/events.yaml",
                "Content/facts/comparisons.yaml",
            ])
    }

    @Test("an invalid set still loads the valid parts")
    func partialBook() {
        var texts = FactFixtures.base
        texts["events.yaml"] = event(id: "good") + event(id: "bad", date: "2021-02-30")
        let (book, diagnostics) = FactFixtures.load(texts)
        #expect(diagnostics.count == 1)
        #expect(book.events.map(\.id.rawValue) == ["good"])
    }

    @Test("the file-based loader returns no book when there are errors")
    func loaderFromDisk() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("facts-\(UUID().uuidString)")
        let folder = root.appendingPathComponent("Content/facts")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { removeFolder(root) }
        try FactFixtures.baseSources.write(to: folder.appendingPathComponent("sources.yaml"), atomically: true, encoding: .utf8)
        try FactFixtures.baseEntities.write(to: folder.appendingPathComponent("entities.yaml"), atomically: true, encoding: .utf8)
        let (valid, none) = FactBookLoader.load(root: root)
        #expect(none.isEmpty)
        #expect(valid?.sources.count == 2)
        #expect(valid?.entities.count == 2)

        try event(sources: "[nope]").write(to: folder.appendingPathComponent("events.yaml"), atomically: true, encoding: .utf8)
        let (invalid, diagnostics) = FactBookLoader.load(root: root)
        #expect(invalid == nil)
        #expect(diagnostics.map(\.location.description) == ["Content/facts/events.yaml:1:3"])
    }
}

/// Removes a temporary folder, recording a failure instead of ignoring it.
func removeFolder(_ url: URL) {
    do {
        try FileManager.default.removeItem(at: url)
    } catch {
        Issue.record("cannot remove \(url.path): \(error)")
    }
}
