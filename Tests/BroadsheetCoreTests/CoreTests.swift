import Foundation
import Testing

@testable import BroadsheetCore
@testable import BroadsheetOutput

@Suite("Slugs")
struct SlugTests {
    @Test(
        "titles become readable slugs",
        arguments: [
            ("The Alibaba–Tencent opening", "the-alibaba-tencent-opening"),
            ("What's new?  Links & Mini Programs", "whats-new-links-mini-programs"),
            ("微信支付 WeChat Pay", "微信支付-wechat-pay"),
            ("Café", "café"),
            ("  --  ", ""),
        ])
    func make(_ input: String, _ expected: String) {
        #expect(Slug.make(from: input) == expected)
    }

    @Test("the ASCII fast path gives the same slug as the Unicode path, byte for byte")
    func asciiFastPathAgrees() throws {
        // Every printable ASCII character and the controls, alone, between letters and doubled,
        // plus a seeded random sample of short ASCII strings.
        var inputs = (0..<128).map { String(UnicodeScalar(UInt8($0))) }
        inputs += (0..<128).map { "Ab\(UnicodeScalar(UInt8($0)))Cd 9" }
        inputs += ["", "  --  ", "What's New -- in 2021?", "A.B_C", "x'y", "--Lead--"]
        var generator = SplitMix64(seed: 0x5EED)
        for _ in 0..<2_000 {
            let length = Int(generator.next() % 24)
            inputs.append(String((0..<length).map { _ in Character(UnicodeScalar(UInt8(generator.next() % 128))) }))
        }
        for input in inputs {
            let fast = try #require(Slug.asciiSlug(input))
            #expect(fast == Slug.unicodeSlug(input), "\(input.debugDescription)")
        }
        #expect(Slug.asciiSlug("Café") == nil)
        #expect(Slug.asciiSlug("微信") == nil)
    }

    @Test(
        "unsafe path segments are rejected",
        arguments: ["", ".", "..", ".hidden", "a/b", "a\\b", "a b", "a%2e", "a?b", "tab\tx"])
    func unsafe(_ slug: String) {
        #expect(!Slug.isValidSegment(slug))
    }

    @Test("safe segments pass", arguments: ["overview", "微信", "2021-walls", "a.b"])
    func safe(_ slug: String) {
        #expect(Slug.isValidSegment(slug))
    }
}

@Suite("Source files")
struct SourceFileTests {
    @Test("CRLF and CR line endings and a byte-order mark are normalised")
    func normalisation() throws {
        let data = Data([0xEF, 0xBB, 0xBF] + Array("a\r\nb\rc\n".utf8))
        let file = try SourceFile.decode(data, displayPath: "x.md").get()
        #expect(file.text == "a\nb\nc\n")
    }

    @Test("invalid UTF-8 is reported at its line and column")
    func invalidUTF8() {
        let data = Data(Array("line one\nab".utf8) + [0xC3, 0x28] + Array("\n".utf8))
        guard case .failure(let diagnostic) = SourceFile.decode(data, displayPath: "Content/a.md") else {
            Issue.record("expected a failure")
            return
        }
        #expect(diagnostic.description == "Content/a.md:2:3: error: invalid UTF-8 byte 0xC3 in the text")
    }

    @Test("a NUL byte is reported")
    func nulByte() {
        guard case .failure(let diagnostic) = SourceFile.decode(Data([0x61, 0x00]), displayPath: "a.md") else {
            Issue.record("expected a failure")
            return
        }
        #expect(diagnostic.description == "a.md:1:2: error: the file contains a NUL byte")
    }
}

@Suite("Diagnostics")
struct DiagnosticFormatterTests {
    @Test("prints the offending line with a caret and the hint")
    func compilerStyle() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("bs-diag-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try "title: x\ndate: 2021-02-30\n".write(to: root.appendingPathComponent("a.md"), atomically: true, encoding: .utf8)
        let diagnostic = Diagnostic.error(
            at: SourceLocation(path: "a.md", line: 2, column: 7), "'2021-02-30' is not a valid date", hint: "write YYYY-MM-DD")
        let text = DiagnosticFormatter(root: root).format([diagnostic])
        #expect(
            text == """
                a.md:2:7: error: '2021-02-30' is not a valid date
                    date: 2021-02-30
                          ^
                    hint: write YYYY-MM-DD

                """)
    }

    @Test("did-you-mean suggestions pick close candidates only")
    func suggestions() {
        #expect(Suggestion.closest(to: "tencnet", in: ["tencent", "alibaba"]) == "tencent")
        #expect(Suggestion.closest(to: "zzz", in: ["tencent", "alibaba"]) == nil)
    }
}

@Suite("Output writer")
struct OutputWriterTests {
    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bs-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("replaces the whole folder and leaves no staging folders")
    func replaces() throws {
        let parent = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let output = parent.appendingPathComponent("Output")
        try OutputWriter(destination: output).write([
            OutputFile(path: "index.html", text: "one"), OutputFile(path: "old/index.html", text: "old"),
        ])
        try OutputWriter(destination: output).write([
            OutputFile(path: "index.html", text: "two"), OutputFile(path: "a/b/c.txt", text: "c"),
        ])
        #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8) == "two")
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("old").path))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: parent.path).sorted() == [".Output.broadsheet-spare", "Output"])
    }

    @Test(
        "paths that would leave the output folder are refused and nothing is written",
        arguments: ["../escaped.html", "a/../../escaped.html", "/tmp/escaped.html", "a//b.html", "./a.html", "a/..", ""])
    func refusesEscapingPaths(_ path: String) throws {
        let parent = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let output = parent.appendingPathComponent("Output")
        #expect(throws: DiagnosticsError.self) {
            try OutputWriter(destination: output).write([
                OutputFile(path: "index.html", text: "x"), OutputFile(path: path, text: "x"),
            ])
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: "/tmp/escaped.html"))
    }

    @Test("a second writer while the first holds the lock is refused with a clear message")
    func lockRefusesSecondWriter() throws {
        let parent = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let output = parent.appendingPathComponent("Output")
        let lock = try FolderLock.acquire(parent, for: output)
        defer { lock.release() }
        do {
            try OutputWriter(destination: output).write([OutputFile(path: "index.html", text: "x")])
            Issue.record("the second writer was not refused")
        } catch {
            #expect(error.diagnostics.map(\.message) == ["another Broadsheet build is writing to this output folder right now"])
        }
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test("the spare is brought up to date in place over many builds", arguments: [0, 1, 2])
    func spareReuse(_ seed: Int) throws {
        let parent = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let output = parent.appendingPathComponent("Output")
        let builds: [[OutputFile]] = [
            [
                OutputFile(path: "a/index.html", text: "1"), OutputFile(path: "b/index.html", text: "b"),
                OutputFile(path: "x", text: "file"),
            ],
            [OutputFile(path: "a/index.html", text: "2"), OutputFile(path: "x/index.html", text: "now a folder")],
            [OutputFile(path: "a/index.html", text: "2"), OutputFile(path: "c/d/e.txt", text: "deep")],
            [OutputFile(path: "a/index.html", text: "3"), OutputFile(path: "x", text: "a file again")],
        ]
        for (index, files) in builds.enumerated() where index >= seed {
            try OutputWriter(destination: output).write(files)
            let actual = try Self.contents(of: output)
            let expected = Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.text ?? "") })
            #expect(actual == expected, "build \(index)")
        }
    }

    static func contents(of folder: URL) throws -> [String: String] {
        var result: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let relative = enumerator?.nextObject() as? String {
            if relative == ".broadsheet-manifest" { continue }
            if enumerator?.fileAttributes?[.type] as? FileAttributeType != .typeDirectory {
                result[relative] = try String(contentsOf: folder.appendingPathComponent(relative), encoding: .utf8)
            }
        }
        return result
    }

    @Test("a write that fails leaves the previous output untouched")
    func failureKeepsPrevious() throws {
        let parent = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let output = parent.appendingPathComponent("Output")
        try OutputWriter(destination: output).write([OutputFile(path: "index.html", text: "good")])
        let missing = parent.appendingPathComponent("does-not-exist.css")
        #expect(throws: DiagnosticsError.self) {
            try OutputWriter(destination: output).write([
                OutputFile(path: "index.html", text: "bad"), OutputFile(path: "assets/x.css", copying: missing),
            ])
        }
        #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8) == "good")
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["Output"])
    }

    @Test("unchanged files are kept (same inode), changed files are written anew")
    func reusesUnchangedFiles() throws {
        let parent = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let output = parent.appendingPathComponent("Output")
        func inode(_ path: String) throws -> UInt64 {
            let attributes = try FileManager.default.attributesOfItem(atPath: output.appendingPathComponent(path).path)
            return (attributes[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0
        }
        try OutputWriter(destination: output).write([
            OutputFile(path: "same.html", text: "same"), OutputFile(path: "a/changed.html", text: "v1"),
        ])
        let sameBefore = try inode("same.html")
        let changedBefore = try inode("a/changed.html")
        try OutputWriter(destination: output).write([
            OutputFile(path: "same.html", text: "same"), OutputFile(path: "a/changed.html", text: "v2"),
        ])
        #expect(try inode("same.html") == sameBefore)
        #expect(try inode("a/changed.html") != changedBefore)
        #expect(try String(contentsOf: output.appendingPathComponent("a/changed.html"), encoding: .utf8) == "v2")
    }

    @Test("refuses to replace a file with a folder")
    func refusesFile() throws {
        let parent = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let output = parent.appendingPathComponent("Output")
        try "not a folder".write(to: output, atomically: true, encoding: .utf8)
        #expect(throws: DiagnosticsError.self) {
            try OutputWriter(destination: output).write([OutputFile(path: "index.html", text: "x")])
        }
        #expect(try String(contentsOf: output, encoding: .utf8) == "not a folder")
    }
}

@Suite("Parallel map")
struct ParallelMapTests {
    @Test("keeps the input order")
    func order() {
        let input = Array(0..<1000)
        #expect(input.parallelMap { $0 * 2 } == input.map { $0 * 2 })
    }
}

@Suite("Absolute links")
struct AbsoluteLinksTests {
    @Test("root-relative href and src get the origin; other URLs are left alone")
    func rewrite() {
        let html =
            ##"<a href="/a/">a</a> <img src="/i.png" alt=""> <a href="//cdn.example.org/x">x</a> <a href="https://e.org/">e</a> <a data-href="/d">d</a> <a href="#f">f</a>"##
        #expect(
            AbsoluteLinks.rewrite(html, origin: "https://example.org")
                == ##"<a href="https://example.org/a/">a</a> <img src="https://example.org/i.png" alt=""> <a href="//cdn.example.org/x">x</a> <a href="https://e.org/">e</a> <a data-href="/d">d</a> <a href="#f">f</a>"##
        )
    }

    @Test("fragment links point at the page; 中文 and other text survive")
    func fragments() {
        #expect(
            AbsoluteLinks.anchorFragments(
                ##"<p>微信 <a href="#ref-1">1</a> <a href="/x">x</a></p>"##, pageURL: "https://example.org/p/")
                == ##"<p>微信 <a href="https://example.org/p/#ref-1">1</a> <a href="/x">x</a></p>"##)
    }
}

/// A small seeded generator (SplitMix64), so test inputs are the same on every run.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("Unsafe slugs, terminal text, control characters")
struct HostileTextCoreTests {
    @Test(
        "Windows device names are refused in any case and with any extension",
        arguments: ["con", "CON", "Prn", "aux", "nul.txt", "NUL.tar.gz", "com1", "COM9", "lpt1", "Lpt9.html", "com²"])
    func windowsReserved(_ slug: String) {
        #expect(Slug.hazards(of: slug).contains { if case .windowsReservedName = $0 { true } else { false } })
    }

    @Test(
        "names that only resemble device names are fine",
        arguments: ["console", "com10", "lpt0", "nul-", "a.con", "auxiliary", "com"])
    func notReserved(_ slug: String) {
        #expect(Slug.hazards(of: slug).isEmpty)
    }

    @Test(
        "invisible characters are found",
        arguments: ["\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}", "\u{00AD}", "\u{202E}", "\u{2067}", "\u{061C}"])
    func invisible(_ scalar: String) {
        let hazards = Slug.hazards(of: "pay\(scalar)ments")
        #expect(hazards == [.invisibleCharacter(scalar.unicodeScalars.first!)])
        #expect(hazards.allSatisfy { $0.isError })
    }

    @Test("words mixing Latin, Greek and Cyrillic warn; other mixes are fine")
    func mixedScripts() {
        #expect(Slug.hazards(of: "p\u{0430}yments") == [.mixedScripts(word: "p\u{0430}yments")])  // Cyrillic а
        #expect(Slug.hazards(of: "micr\u{03BF}soft-news") == [.mixedScripts(word: "micr\u{03BF}soft")])  // Greek ο
        #expect(Slug.hazards(of: "\u{0441}\u{043E}m-x") == [.mixedScripts(word: "\u{0441}\u{043E}m")])  // Cyrillic с, о + Latin m
        #expect(!Slug.hazards(of: "p\u{0430}yments")[0].isError)
        for fine in ["iphone-苹果", "微信支付-wechat-pay", "москва-moscow", "αβγ-abc", "café", "straße"] {
            #expect(Slug.hazards(of: fine).isEmpty, "\(fine)")
        }
    }

    @Test("terminal text escapes controls and bidi controls, and leaves the rest alone")
    func terminalText() {
        #expect(TerminalText.escaped("a\u{1B}]0;owned\u{07}b") == "a\\u{1B}]0;owned\\u{7}b")
        #expect(TerminalText.escaped("x\u{9B}31m\u{202E}y\nz\u{7F}") == "x\\u{9B}31m\\u{202E}y\\u{A}z\\u{7F}")
        #expect(TerminalText.escaped("中文 café 👩‍💻 \\ tab") == "中文 café 👩‍💻 \\ tab")
    }

    @Test("the formatter escapes control characters in paths, messages, hints and quoted lines; colours stay")
    func formatterEscapes() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("broadsheet-term-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let name = "a\u{1B}[2J.md"
        try Data("title: x\u{1B}]0;hi\u{07} \u{9B}1m\n".utf8).write(to: root.appendingPathComponent(name))
        let diagnostic = Diagnostic.error(
            at: SourceLocation(path: name, line: 1, column: 9), "bad '\u{1B}]0;title\u{07}'", hint: "fix \u{1B}[31m it")
        let colored = DiagnosticFormatter(root: root, colored: true).format([diagnostic])
        let withoutColours = colored.replacingOccurrences(of: "\u{1B}[1;31m", with: "").replacingOccurrences(
            of: "\u{1B}[0m", with: "")
        #expect(!withoutColours.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) })
        #expect(colored.contains("\u{1B}[1;31merror:\u{1B}[0m"))
        #expect(
            withoutColours
                == "a\\u{1B}[2J.md:1:9: error: bad '\\u{1B}]0;title\\u{7}'\n    title: x\u{FFFD}]0;hi\u{FFFD} \u{FFFD}1m\n            ^\n    hint: fix \\u{1B}[31m it\n"
        )
    }

    @Test(
        "control characters are refused at their line and column, in any position",
        arguments: [
            ("\u{1B}", "U+001B (escape)"), ("\u{07}", "U+0007 (bell)"), ("\u{0B}", "U+000B (vertical tab)"),
            ("\u{0C}", "U+000C (form feed)"), ("\u{01}", "U+0001"), ("\u{1F}", "U+001F"), ("\u{7F}", "U+007F (delete)"),
            ("\u{80}", "U+0080"), ("\u{85}", "U+0085 (next line)"), ("\u{9F}", "U+009F"),
        ])
    func controls(_ control: String, _ name: String) {
        for (text, line, column) in [("\(control)", 1, 1), ("ab\r\n中\(control)", 2, 2), ("a\rb\nc\tdé\(control)x", 3, 5)] {
            let result = SourceFile.decode(Data(text.utf8), displayPath: "x.md")
            guard case .failure(let diagnostic) = result else {
                Issue.record("\(text.debugDescription) was accepted")
                continue
            }
            #expect(diagnostic.description == "x.md:\(line):\(column): error: the file contains the control character \(name)")
        }
    }

    @Test("tabs, line breaks and ordinary text pass; U+FFFE and U+FFFF are refused")
    func allowedText() throws {
        let text = "a\tb\r\nc\rd\n中文 \u{A0}\u{2028}\u{FFFD}\u{FFFC} 👩‍💻"
        #expect(
            try SourceFile.decode(Data(text.utf8), displayPath: "x.md").get().text
                == "a\tb\nc\nd\n中文 \u{A0}\u{2028}\u{FFFD}\u{FFFC} 👩‍💻")
        for (scalar, code) in [("\u{FFFE}", "U+FFFE"), ("\u{FFFF}", "U+FFFF")] {
            guard case .failure(let diagnostic) = SourceFile.decode(Data("ok\nx\(scalar)".utf8), displayPath: "x.md") else {
                Issue.record("\(code) was accepted")
                continue
            }
            #expect(diagnostic.description == "x.md:2:2: error: the file contains \(code), which is not a character")
        }
    }
}

@Suite("JSONText: script objects")
struct JSONScriptObjectTests {
    @Test("an object written key by key is the same text as forScript of the dictionary")
    func sameAsDictionary() {
        let values: [(String, Any)] = [
            ("@context", "https://schema.org"), ("@type", "NewsArticle"),
            ("author", [["@type": "Person", "name": "Li </script> & \"Wang\""]]), ("headline", "Line\nbreak\u{2028}"),
            ("keywords", ["a", "b"]), ("wordCount", 1200), ("isDraft", false),
        ].sorted { $0.0 < $1.0 }
        var object = JSONText.ScriptObject()
        for (key, value) in values { object.add(key, value) }
        let dictionary = Dictionary(uniqueKeysWithValues: values)
        #expect(object.text == JSONText.forScript(dictionary))
        #expect(!object.text.contains("</script>"))
        #expect(JSONText.ScriptObject().text == JSONText.forScript([String: Any]()))
    }

    @Test("typed values (strings, numbers, string arrays, objects, object arrays) write what forScript writes")
    func typedValues() {
        var author = JSONText.ScriptObject()
        author.add("@type", "Person")
        author.add("name", "Li </script> & \"Wang\"")
        var object = JSONText.ScriptObject()
        object.add("@type", "NewsArticle")
        object.add("author", objects: [author, JSONText.ScriptObject()])
        object.add("headline", "Line\nbreak\u{2028}")
        object.add("keywords", ["a", "<b>"])
        object.add("noKeywords", [String]())
        object.add("publisher", object: author)
        object.add("wordCount", 1200)
        let person: [String: Any] = ["@type": "Person", "name": "Li </script> & \"Wang\""]
        let dictionary: [String: Any] = [
            "@type": "NewsArticle", "author": [person, [String: Any]()], "headline": "Line\nbreak\u{2028}",
            "keywords": ["a", "<b>"], "noKeywords": [String](), "publisher": person, "wordCount": 1200,
        ]
        #expect(object.text == JSONText.forScript(dictionary))
    }
}
