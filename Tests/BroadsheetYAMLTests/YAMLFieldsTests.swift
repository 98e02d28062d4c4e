import BroadsheetCore
import BroadsheetYAML
import Testing

/// Fields over the mapping in `text` (subject "event", path `Content/x.yaml`).
func fields(_ text: String, lineOffset: Int = 0) throws -> YAMLFields {
    let root = try #require(try parsed(text, lineOffset: lineOffset))
    var diagnostics: [Diagnostic] = []
    let fields = try #require(YAMLFields(root, path: "Content/x.yaml", subject: "event", diagnostics: &diagnostics))
    #expect(diagnostics.isEmpty)
    return fields
}

@Suite("YAMLFields")
struct YAMLFieldsTests {
    @Test("a node that is not a mapping is an error and no fields")
    func notAMapping() throws {
        let root = try #require(try parsed("- a\n- b\n", lineOffset: 2))
        var diagnostics: [Diagnostic] = []
        let result = YAMLFields(root, path: "Content/x.yaml", subject: "event", diagnostics: &diagnostics)
        #expect(result == nil)
        #expect(
            diagnostics.map(\.description) == [
                "Content/x.yaml:3:1: error: event must be a mapping of `key: value` lines, found a list"
            ])
    }

    @Test("a key that is not a plain name is an error; the other keys still read")
    func complexKey() throws {
        let root = try #require(try parsed("? [a, b]\n: 1\ntitle: x\n"))
        var diagnostics: [Diagnostic] = []
        var result = try #require(YAMLFields(root, path: "Content/x.yaml", subject: "event", diagnostics: &diagnostics))
        #expect(diagnostics.map(\.description) == ["Content/x.yaml:1:3: error: keys in event must be plain names"])
        #expect(result.string("title") == "x")
    }

    // MARK: - Text

    @Test("text values, absent keys and empty values")
    func strings() throws {
        var f = try fields("title: Hello\nid: 2021\nempty:\n")
        #expect(f.string("title") == "Hello")
        #expect(f.string("id") == "2021", "bare numbers are text when acceptsBareScalars is true")
        #expect(f.string("empty") == nil)
        #expect(f.string("absent") == nil)
        #expect(f.diagnostics.isEmpty)
    }

    @Test("a missing required field is an error at the mapping with the fix")
    func missingRequired() throws {
        var f = try fields("id: a\nsummary: b\n", lineOffset: 1)
        #expect(f.string("title", required: true) == nil)
        #expect(f.diagnostics.map(\.description) == ["Content/x.yaml:2:1: error: event is missing the required field 'title'"])
        #expect(f.diagnostics.first?.hint == "add a line `title: …` with some text")
    }

    @Test("a required field with an empty value counts as missing")
    func requiredNull() throws {
        var f = try fields("id: a\ntitle:\n")
        #expect(f.string("title", required: true) == nil)
        #expect(f.diagnostics.map(\.message) == ["event is missing the required field 'title'"])
    }

    @Test("a required field with blank quoted text is an error at the value")
    func requiredBlank() throws {
        var f = try fields("id: a\ntitle: '  '\n")
        #expect(f.string("title", required: true) == nil)
        #expect(f.diagnostics.map(\.description) == ["Content/x.yaml:2:8: error: 'title' in event is empty"])
        #expect(f.diagnostics.first?.hint == "write a value after `title:`")
    }

    @Test(
        "bare numbers and booleans are type errors where only text is accepted",
        arguments: [
            ("title: 2021", "2021"),
            ("title: 18.5", "18.5"),
            ("title: true", "true"),
            ("title: -3", "-3"),
            ("title: 1_000", "1_000"),
        ])
    func bareScalarRejected(text: String, written: String) throws {
        var f = try fields(text, lineOffset: 4)
        #expect(f.string("title", acceptsBareScalars: false) == nil)
        #expect(
            f.diagnostics.map(\.description) == [
                "Content/x.yaml:5:8: error: 'title' in event must be text, found '\(written)'"
            ])
        #expect(f.diagnostics.map(\.hint) == ["put it in quotes to use it as text: `title: \"\(written)\"`"])
    }

    @Test(
        "quoted numbers and ordinary words are text even where bare scalars are refused",
        arguments: ["title: '2021'", "title: \"true\"", "title: 2021 in review", "title: yes"])
    func quotedAccepted(text: String) throws {
        var f = try fields(text)
        #expect(f.string("title", acceptsBareScalars: false) != nil)
        #expect(f.diagnostics.isEmpty)
    }

    @Test("a list or mapping where text is expected is a type error")
    func stringGivenList() throws {
        var f = try fields("title: [a, b]\nsummary: {x: 1}\n")
        #expect(f.string("title") == nil)
        #expect(f.string("summary") == nil)
        #expect(
            f.diagnostics.map(\.description) == [
                "Content/x.yaml:1:8: error: 'title' in event must be text, found a list",
                "Content/x.yaml:2:10: error: 'summary' in event must be text, found a mapping",
            ])
    }

    // MARK: - Booleans and numbers

    @Test(
        "booleans",
        arguments: [
            ("main: true", true as Bool?, nil as String?),
            ("main: False", false, nil),
            ("main: TRUE", true, nil),
            ("main: yes", nil, "Content/x.yaml:1:7: error: 'main' in event must be true or false, found 'yes'"),
            ("main: 'true'", nil, "Content/x.yaml:1:7: error: 'main' in event must be true or false, found 'true'"),
            ("main: 1", nil, "Content/x.yaml:1:7: error: 'main' in event must be true or false, found '1'"),
            ("main: [true]", nil, "Content/x.yaml:1:7: error: 'main' in event must be true or false, found a list"),
        ])
    func bools(text: String, expected: Bool?, error: String?) throws {
        var f = try fields(text)
        #expect(f.bool("main") == expected)
        #expect(f.diagnostics.map(\.description) == (error.map { [$0] } ?? []))
    }

    @Test(
        "numbers",
        arguments: [
            ("n: 1225", 1225 as Double?, nil as String?),
            ("n: 18.228", 18.228, nil),
            ("n: -0.5", -0.5, nil),
            ("n: +5", 5, nil),
            ("n: 1_000_000", 1_000_000, nil),
            ("n: 1.5e3", 1500, nil),
            ("n: '12'", nil, "Content/x.yaml:1:4: error: 'n' in event must be a number, found '12'"),
            ("n: twelve", nil, "Content/x.yaml:1:4: error: 'n' in event must be a number, found 'twelve'"),
            ("n: .nan", nil, "Content/x.yaml:1:4: error: 'n' in event must be a number, found '.nan'"),
            ("n: 1e999", nil, "Content/x.yaml:1:4: error: 'n' in event must be a number, found '1e999'"),
            ("n: {a: 1}", nil, "Content/x.yaml:1:4: error: 'n' in event must be a number, found a mapping"),
        ])
    func numbers(text: String, expected: Double?, error: String?) throws {
        var f = try fields(text)
        #expect(f.number("n") == expected)
        #expect(f.diagnostics.map(\.description) == (error.map { [$0] } ?? []))
    }

    @Test("a missing required number names the expected kind")
    func missingNumber() throws {
        var f = try fields("other: 1\n")
        #expect(f.number("n", required: true) == nil)
        #expect(f.diagnostics.first?.hint == "add a line `n: …` with a number")
    }

    // MARK: - Lists

    @Test("lists of text, flow and block style")
    func lists() throws {
        var f = try fields("tags: [a, b, 2021]\nmore:\n  - x\n  - 'y'\n")
        #expect(f.stringList("tags") == ["a", "b", "2021"])
        #expect(f.stringList("more") == ["x", "y"])
        #expect(f.stringList("absent") == nil)
        #expect(f.diagnostics.isEmpty)
    }

    @Test("a single value where a list is expected gives the fix `tags: [x]`")
    func singleValueForList() throws {
        var f = try fields("id: a\ntags: x\n", lineOffset: 1)
        #expect(f.stringList("tags") == nil)
        #expect(
            f.diagnostics.map(\.description) == ["Content/x.yaml:3:7: error: 'tags' must be a list, found the single value 'x'"])
        #expect(f.diagnostics.first?.hint == "write it as a list: `tags: [x]`")
    }

    @Test("a mapping where a list is expected is a type error")
    func mappingForList() throws {
        var f = try fields("tags: {a: 1}\n")
        #expect(f.stringList("tags") == nil)
        #expect(
            f.diagnostics.map(\.description) == ["Content/x.yaml:1:7: error: 'tags' in event must be a list, found a mapping"])
    }

    @Test("nested items are each an error; the single values are kept")
    func nestedItems() throws {
        var f = try fields("tags: [a, [b], {c: 1}, d]\n")
        #expect(f.stringList("tags") == ["a", "d"])
        #expect(
            f.diagnostics.map(\.description) == [
                "Content/x.yaml:1:11: error: each item of 'tags' must be a single value, found a list",
                "Content/x.yaml:1:16: error: each item of 'tags' must be a single value, found a mapping",
            ])
    }

    @Test("a required list must have an item")
    func requiredEmptyList() throws {
        var f = try fields("tags: []\n")
        #expect(f.stringList("tags", required: true) == [])
        #expect(f.diagnostics.map(\.description) == ["Content/x.yaml:1:7: error: 'tags' in event needs at least one item"])
    }

    @Test("a missing required list suggests the list syntax")
    func requiredMissingList() throws {
        var f = try fields("id: a\n")
        #expect(f.stringList("tags", required: true) == nil)
        #expect(f.diagnostics.first?.hint == "add a line `tags: …` with a list such as [a, b]")
    }

    // MARK: - Unknown keys

    @Test("an unread key is a warning with the closest read key")
    func unknownKeyDidYouMean() throws {
        var f = try fields("title: a\ntitel: b\nsumary: c\n", lineOffset: 1)
        _ = f.string("title")
        _ = f.string("summary")
        f.reportUnknownKeys()
        #expect(
            f.diagnostics.map(\.description) == [
                "Content/x.yaml:3:1: warning: unknown key 'titel' in event is ignored",
                "Content/x.yaml:4:1: warning: unknown key 'sumary' in event is ignored",
            ])
        #expect(f.diagnostics.map(\.hint) == ["did you mean 'title'?", "did you mean 'summary'?"])
        #expect(!f.diagnostics.containsErrors)
    }

    @Test("with nothing close, the hint lists the known keys, sorted")
    func unknownKeyFallback() throws {
        var f = try fields("title: a\nzzzzzzzz: b\n")
        _ = f.string("title")
        f.reportUnknownKeys(known: ["title", "date", "summary"])
        #expect(f.diagnostics.map(\.hint) == ["known keys: date, summary, title"])
    }

    @Test("an explicit list of known keys is used for suggestions")
    func unknownKeyKnownList() throws {
        var f = try fields("dat: 2021\n")
        f.reportUnknownKeys(known: ["date"])
        #expect(f.diagnostics.map(\.message) == ["unknown key 'dat' in event is ignored"])
        #expect(f.diagnostics.map(\.hint) == ["did you mean 'date'?"])
    }

    @Test("a key read with an empty value is not unknown")
    func readNullIsKnown() throws {
        var f = try fields("note:\n")
        _ = f.string("note")
        f.reportUnknownKeys()
        #expect(f.diagnostics.isEmpty)
    }

    // MARK: - Locations and collection

    @Test("locations of keys and values, and of absent keys")
    func locations() throws {
        let f = try fields("id: a\ncolor:   '#fff'\n", lineOffset: 10)
        #expect(f.location(ofKey: "color").description == "Content/x.yaml:12:10")
        #expect(f.location(ofKeyName: "color").description == "Content/x.yaml:12:1")
        #expect(f.location(ofKey: "absent").description == "Content/x.yaml:11:1")
        #expect(f.location(ofKeyName: "absent").description == "Content/x.yaml:11:1")
        #expect(f.contains("color"))
        #expect(!f.contains("absent"))
    }

    @Test("every problem of a mapping is collected, in reading order")
    func collectsEverything() throws {
        var f = try fields("title: 2021\nmain: maybe\ntags: x\nn: many\n")
        _ = f.string("title", acceptsBareScalars: false)
        _ = f.bool("main")
        _ = f.stringList("tags")
        _ = f.number("n")
        _ = f.string("summary", required: true)
        f.report(.warning(at: f.location(ofKey: "n"), "a caller's own finding"))
        #expect(f.diagnostics.count == 6)
        #expect(
            f.diagnostics.map(\.location.description) == [
                "Content/x.yaml:1:8", "Content/x.yaml:2:7", "Content/x.yaml:3:7", "Content/x.yaml:4:4", "Content/x.yaml:1:1",
                "Content/x.yaml:4:4",
            ])
    }
}

@Suite("YAMLScalar")
struct YAMLScalarTests {
    @Test(
        "booleans in their YAML 1.2 spellings only",
        arguments: [
            ("true", true as Bool?), ("True", true), ("TRUE", true), ("false", false), ("False", false), ("FALSE", false),
            ("yes", nil), ("no", nil), ("on", nil), ("tRUE", nil), ("1", nil), ("", nil),
        ])
    func bool(text: String, expected: Bool?) {
        #expect(YAMLScalar.bool(text) == expected)
    }

    @Test(
        "numbers",
        arguments: [
            ("0", 0 as Double?), ("1225", 1225), ("-7", -7), ("+7", 7), ("18.228", 18.228), ("1_000", 1000),
            ("2e3", 2000), ("-1.5E-2", -0.015), ("+", nil), ("", nil), ("_", nil), ("abc", nil), ("1,000", nil),
            ("inf", nil), ("nan", nil), ("1e400", nil), ("12 apples", nil),
        ])
    func number(text: String, expected: Double?) {
        #expect(YAMLScalar.number(text) == expected)
    }

    @Test(
        "non-textual plain scalars",
        arguments: [
            ("2021", true), ("3.5", true), ("true", true), ("FALSE", true), ("2021-04-10", false), ("hello", false),
            ("yes", false), ("", false),
        ])
    func looksNonTextual(text: String, expected: Bool) {
        #expect(YAMLScalar.looksNonTextual(text) == expected)
    }
}
