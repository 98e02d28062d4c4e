import BroadsheetCore
import BroadsheetYAML
import Testing

/// The parsed node, or the recorded failure when the text is not valid YAML.
func parsed(_ text: String, lineOffset: Int = 0) throws -> YAMLNode? {
    try YAMLParser.parse(text, path: "Content/x.yaml", lineOffset: lineOffset).get()
}

/// The syntax error of `text`, or nil when it parses.
func parseError(_ text: String, lineOffset: Int = 0) -> Diagnostic? {
    switch YAMLParser.parse(text, path: "Content/x.yaml", lineOffset: lineOffset) {
    case .success: nil
    case .failure(let diagnostic): diagnostic
    }
}

/// The value of `key` in a mapping node.
func value(_ key: String, in node: YAMLNode?) -> YAMLNode? {
    guard case .mapping(let pairs)? = node?.content else { return nil }
    return pairs.first { $0.key.content == .scalar(key, quoted: false) }?.value
}

@Suite("YAMLParser: syntax errors")
struct YAMLSyntaxErrorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var text: String
        var lineOffset: Int
        /// `Diagnostic.description`: `path:line:column: error: message`.
        var expected: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "mapping value inside a plain scalar",
            text: "title: a\n  b: c\n", lineOffset: 0,
            expected: "Content/x.yaml:2:4: error: invalid YAML: mapping values are not allowed in this context"),
        Case(
            name: "the same error below front matter's opening ---",
            text: "title: a\n  b: c\n", lineOffset: 1,
            expected: "Content/x.yaml:3:4: error: invalid YAML: mapping values are not allowed in this context"),
        Case(
            name: "a large line offset",
            text: "ok: 1\ntitle: a\n  b: c\n", lineOffset: 40,
            expected: "Content/x.yaml:43:4: error: invalid YAML: mapping values are not allowed in this context"),
        Case(
            name: "a tab used for indentation",
            text: "a:\n\tb: c\n", lineOffset: 0,
            expected:
                "Content/x.yaml:2:1: error: invalid YAML: found character that cannot start any token (while scanning for the next token at line 2)"
        ),
        Case(
            name: "an unclosed double quote, with its context line offset too",
            text: "id: x\ntitle: \"unclosed\nnext: y\n", lineOffset: 5,
            expected:
                "Content/x.yaml:7:8: error: invalid YAML: a quoted scalar starts here and is never closed"
        ),
        Case(
            name: "an alias to an anchor that was never defined",
            text: "a: 1\nb: *missing\n", lineOffset: 0,
            expected: "Content/x.yaml:2:4: error: invalid YAML: found undefined alias"),
    ]

    @Test("reports the exact line and column", arguments: cases)
    func location(_ testCase: Case) throws {
        let diagnostic = try #require(parseError(testCase.text, lineOffset: testCase.lineOffset))
        #expect(diagnostic.description == testCase.expected)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.hint != nil)
    }

    @Test("a duplicate key is an error naming the key")
    func duplicateKey() throws {
        let diagnostic = try #require(parseError("id: a\ntitle: b\nid: c\n", lineOffset: 1))
        #expect(diagnostic.message == "duplicate key 'id' in a mapping (first written on line 2)")
        #expect(diagnostic.hint == "each key may appear only once; remove or rename the repeated key")
        #expect(diagnostic.location.path == "Content/x.yaml")
        // Yams reports the mapping; the diagnostic points at the repeated key itself.
        #expect(diagnostic.location.line == 4)
        #expect(diagnostic.location.column == 1)
    }

    @Test("several duplicate keys are all named")
    func duplicateKeys() throws {
        let diagnostic = try #require(parseError("b: 1\na: 2\nb: 3\na: 4\n"))
        #expect(diagnostic.message == "duplicate keys 'a', 'b' in a mapping ('a' first written on line 2)")
        #expect(diagnostic.location.line == 4)
    }

    @Test("a duplicate key in a nested mapping is found too")
    func nestedDuplicateKey() throws {
        let diagnostic = try #require(parseError("- id: a\n  cells:\n    x: 1\n    x: 2\n"))
        #expect(diagnostic.description == "Content/x.yaml:4:5: error: duplicate key 'x' in a mapping (first written on line 3)")
    }
}

@Suite("YAMLParser: alias bombs")
struct YAMLAliasBombTests {
    /// The classic "billion laughs": nine levels of nine aliases, 9^9 ≈ 387 million values.
    static let billionLaughs: String = {
        var lines = [#"a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]"#]
        let names = Array("abcdefghi").map(String.init)
        for (previous, name) in zip(names, names.dropFirst()) {
            let aliases = Array(repeating: "*\(previous)", count: 9).joined(separator: ", ")
            lines.append("\(name): &\(name) [\(aliases)]")
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    @Test("nine levels fail with the node-budget error instead of hanging", .timeLimit(.minutes(1)))
    func billionLaughsFails() throws {
        let clock = ContinuousClock()
        var result: Diagnostic?
        let elapsed = clock.measure { result = parseError(Self.billionLaughs, lineOffset: 2) }
        let diagnostic = try #require(result)
        #expect(diagnostic.message == "the YAML expands to more than 200000 values (an alias bomb?)")
        #expect(diagnostic.hint == "remove the anchors and aliases (& and *) that repeat large structures")
        #expect(diagnostic.location.path == "Content/x.yaml")
        #expect((3...11).contains(diagnostic.location.line ?? 0), "the location is a line of the document, offset applied")
        #expect(elapsed < .seconds(20))
    }

    @Test("the budget is the documented constant")
    func budget() {
        #expect(YAMLParser.nodeBudget == 200_000)
    }

    @Test("modest aliasing within the budget expands to copies")
    func aliasesExpand() throws {
        let root = try parsed("base: &b {x: 1, y: two}\ncopy: *b\n")
        let copy = try #require(value("copy", in: root))
        guard case .mapping(let pairs) = copy.content else {
            Issue.record("expected a mapping, found \(copy.kindDescription)")
            return
        }
        #expect(pairs.map(\.key.content) == [.scalar("x", quoted: false), .scalar("y", quoted: false)])
        #expect(pairs.map(\.value.content) == [.scalar("1", quoted: false), .scalar("two", quoted: false)])
    }

    @Test("a document just inside the budget parses")
    func justInsideBudget() throws {
        // 3 levels of 50: 50 + 2,500 + 125,000 leaves plus the lists themselves stay below 200,000.
        let first = "a: &a [" + Array(repeating: "x", count: 50).joined(separator: ", ") + "]"
        let second = "b: &b [" + Array(repeating: "*a", count: 50).joined(separator: ", ") + "]"
        let third = "c: [" + Array(repeating: "*b", count: 50).joined(separator: ", ") + "]"
        let root = try parsed([first, second, third].joined(separator: "\n"))
        #expect(root != nil)
    }
}

@Suite("YAMLParser: values and locations")
struct YAMLValueTests {
    @Test("empty and comment-only documents are nil, not an error")
    func emptyDocuments() throws {
        #expect(try parsed("") == nil)
        #expect(try parsed("# only a comment\n") == nil)
    }

    @Test(
        "null spellings become .null; quoted and tagged ones stay text",
        arguments: [
            ("a:", YAMLNode.Content.null),
            ("a: ~", .null),
            ("a: null", .null),
            ("a: Null", .null),
            ("a: NULL", .null),
            ("a: 'null'", .scalar("null", quoted: true)),
            ("a: \"~\"", .scalar("~", quoted: true)),
            ("a: ''", .scalar("", quoted: true)),
            ("a: !!str null", .scalar("null", quoted: false)),
            ("a: nul", .scalar("nul", quoted: false)),
        ])
    func nulls(text: String, expected: YAMLNode.Content) throws {
        let node = try #require(value("a", in: try parsed(text)))
        #expect(node.content == expected)
    }

    @Test(
        "quoted, block and bare scalars",
        arguments: [
            ("a: 2021", YAMLNode.Content.scalar("2021", quoted: false)),
            ("a: '2021'", .scalar("2021", quoted: true)),
            ("a: \"2021\"", .scalar("2021", quoted: true)),
            ("a: true", .scalar("true", quoted: false)),
            ("a: plain text here", .scalar("plain text here", quoted: false)),
            ("a: \"tab\\there\"", .scalar("tab\there", quoted: true)),
            ("a: 'it''s'", .scalar("it's", quoted: true)),
            ("a: |\n  line one\n  line two\n", .scalar("line one\nline two\n", quoted: true)),
            ("a: >-\n  folded\n  text\n", .scalar("folded text", quoted: true)),
            ("a: 2021-04-10", .scalar("2021-04-10", quoted: false)),
            ("a: 腾讯", .scalar("腾讯", quoted: false)),
        ])
    func scalars(text: String, expected: YAMLNode.Content) throws {
        let node = try #require(value("a", in: try parsed(text)))
        #expect(node.content == expected)
    }

    @Test("every node carries its 1-based line and column, offset applied")
    func locations() throws {
        let root = try #require(try parsed("- id: a\n  title: b\n- id: c\n", lineOffset: 3))
        #expect((root.line, root.column) == (4, 1))
        guard case .sequence(let items) = root.content, items.count == 2 else {
            Issue.record("expected a list of two, found \(root.kindDescription)")
            return
        }
        #expect((items[0].line, items[0].column) == (4, 3))
        #expect((items[1].line, items[1].column) == (6, 3))
        guard case .mapping(let pairs) = items[0].content else {
            Issue.record("expected a mapping")
            return
        }
        #expect(pairs.map { [$0.key.line, $0.key.column, $0.value.line, $0.value.column] } == [[4, 3, 4, 7], [5, 3, 5, 10]])
    }

    @Test("mappings keep document order, not key order")
    func mappingOrder() throws {
        let root = try parsed("zeta: 1\nalpha: 2\nmid: 3\n")
        guard case .mapping(let pairs)? = root?.content else {
            Issue.record("expected a mapping")
            return
        }
        #expect(pairs.map(\.key.content) == ["zeta", "alpha", "mid"].map { .scalar($0, quoted: false) })
    }

    @Test(
        "kind descriptions used in messages",
        arguments: [
            ("a: x", "a single value"),
            ("a: [x]", "a list"),
            ("a: {x: 1}", "a mapping"),
            ("a: ~", "nothing"),
        ])
    func kindDescription(text: String, expected: String) throws {
        let node = try #require(value("a", in: try parsed(text)))
        #expect(node.kindDescription == expected)
    }
}

@Suite("Aliases as keys")
struct AliasKeyTests {
    @Test(
        "an alias in key position is refused before Yams can expand it",
        arguments: [
            "a: &i [1, 2]\n? *i\n: boom\n",
            "a: &i x\n*i : boom\n",
            "a: &i x\nb: {*i : boom}\n",
            "- &i x\n- *i: boom\n",
        ])
    func refused(_ text: String) {
        guard case .failure(let diagnostic) = YAMLParser.parse(text, path: "x.yaml") else {
            Issue.record("expected a failure")
            return
        }
        #expect(diagnostic.message == "an alias (*name) is used as a mapping key")
    }

    @Test("aliases as values still work", arguments: ["a: &i x\nb: *i\n", "list: [*a]\n", "b: '*not an alias'\n", "- *i\n"])
    func valuesAllowed(_ text: String) {
        if case .failure(let diagnostic) = YAMLParser.parse(text, path: "x.yaml") {
            #expect(diagnostic.message != "an alias (*name) is used as a mapping key")
        }
    }
}
