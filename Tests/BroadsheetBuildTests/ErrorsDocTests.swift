import Foundation
import Testing

/// A diagnostic message as written in `Sources/`: literal text with `nil` for each `\(…)`.
struct MessageTemplate: Sendable, CustomTestStringConvertible {
    var file: String
    var severity: String
    var pieces: [String?]
    var testDescription: String { "\(severity): \(text) (\(file))" }

    /// The template with `…` for the variable parts, as docs/errors.md writes it.
    var text: String { pieces.map { $0 ?? "…" }.joined() }

    /// Matches a printed message that this template produces.
    var pattern: NSRegularExpression {
        let body = pieces.map { $0.map(NSRegularExpression.escapedPattern(for:)) ?? ".*?" }.joined()
        do {
            return try NSRegularExpression(pattern: "^" + body, options: [.dotMatchesLineSeparators])
        } catch {
            fatalError("cannot make a pattern of \(text): \(error)")
        }
    }
}

/// Finds every `.error(at: LOCATION, "message"…)` and `.warning(at: …)` in Swift sources.
enum MessageScanner {
    static func templates(in folder: URL) throws -> [MessageTemplate] {
        var result: [MessageTemplate] = []
        let files = try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }.sorted()
        for file in files {
            let text = Array(try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8).unicodeScalars)
            result += scan(text).map { MessageTemplate(file: file, severity: $0.severity, pieces: $0.pieces) }
        }
        return result
    }

    static func scan(_ s: [Unicode.Scalar]) -> [(severity: String, pieces: [String?])] {
        var found: [(String, [String?])] = []
        var index = 0
        while index < s.count {
            if s[index] == "\"" {
                index = skipString(s, index)
                continue
            }
            guard s[index] == ".", let severity = ["error(", "warning("].first(where: { matches(s, index + 1, $0) }) else {
                index += 1
                continue
            }
            var k = index + 1 + severity.unicodeScalars.count
            while k < s.count, s[k] == " " || s[k] == "\n" { k += 1 }
            guard matches(s, k, "at:") else {
                index = k
                continue
            }
            // Skip the location argument, up to the comma at depth 0.
            var depth = 0
            k += 3
            while k < s.count {
                let c = s[k]
                if c == "\"" {
                    k = skipString(s, k)
                    continue
                }
                if c == "(" || c == "[" { depth += 1 }
                if c == ")" || c == "]" {
                    if depth == 0 { break }
                    depth -= 1
                }
                if c == "," && depth == 0 { break }
                k += 1
            }
            index = k
            guard k < s.count, s[k] == "," else { continue }
            k += 1
            while k < s.count, s[k] == " " || s[k] == "\n" { k += 1 }
            guard k < s.count, s[k] == "\"" else { continue }
            found.append((String(severity.dropLast()), literal(s, k)))
        }
        return found
    }

    private static func matches(_ s: [Unicode.Scalar], _ at: Int, _ word: String) -> Bool {
        let scalars = Array(word.unicodeScalars)
        return at + scalars.count <= s.count && Array(s[at..<at + scalars.count]) == scalars
    }

    /// The index after the string literal starting at `start` (a `"`).
    private static func skipString(_ s: [Unicode.Scalar], _ start: Int) -> Int {
        var k = start + 1
        while k < s.count {
            if s[k] == "\\" && k + 1 < s.count && s[k + 1] == "(" {
                k = skipParentheses(s, k + 1)
                continue
            }
            if s[k] == "\\" {
                k += 2
                continue
            }
            if s[k] == "\"" { return k + 1 }
            k += 1
        }
        return k
    }

    /// The index after the parenthesised group starting at `start` (a `(`).
    private static func skipParentheses(_ s: [Unicode.Scalar], _ start: Int) -> Int {
        var depth = 0
        var k = start
        while k < s.count {
            if s[k] == "\"" {
                k = skipString(s, k)
                continue
            }
            if s[k] == "(" { depth += 1 }
            if s[k] == ")" {
                depth -= 1
                if depth == 0 { return k + 1 }
            }
            k += 1
        }
        return k
    }

    /// The literal starting at `start` as text pieces and `nil` for each interpolation.
    private static func literal(_ s: [Unicode.Scalar], _ start: Int) -> [String?] {
        var pieces: [String?] = []
        var current = ""
        var k = start + 1
        while k < s.count, s[k] != "\"" {
            if s[k] == "\\" && k + 1 < s.count {
                let next = s[k + 1]
                if next == "(" {
                    pieces.append(current)
                    pieces.append(nil)
                    current = ""
                    k = skipParentheses(s, k + 1)
                    continue
                }
                switch next {
                case "n": current += "\n"
                case "t": current += "\t"
                default: current.unicodeScalars.append(next)
                }
                k += 2
                continue
            }
            current.unicodeScalars.append(s[k])
            k += 1
        }
        pieces.append(current)
        return pieces.filter { $0 != "" }
    }
}

@Suite("docs/errors.md lists every diagnostic with a real example")
struct ErrorsDocTests {
    static let doc: String = {
        do {
            return try String(contentsOf: FixtureSite.packageRoot.appendingPathComponent("docs/errors.md"), encoding: .utf8)
        } catch {
            fatalError("cannot read docs/errors.md: \(error)")
        }
    }()

    /// Code blocks of the doc: (fence info, lines).
    static let blocks: [(kind: String, lines: [String])] = {
        var result: [(String, [String])] = []
        var current: (String, [String])?
        for line in doc.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("```") {
                if let block = current {
                    result.append(block)
                    current = nil
                } else {
                    current = (String(line.dropFirst(3)), [])
                }
            } else if current != nil {
                current!.1.append(line)
            }
        }
        return result
    }()

    static let templates: [MessageTemplate] = {
        do {
            return try MessageScanner.templates(in: FixtureSite.packageRoot.appendingPathComponent("Sources"))
        } catch {
            fatalError("cannot scan Sources/: \(error)")
        }
    }()

    @Test("the scanner finds the messages of Sources/")
    func scannerWorks() {
        #expect(Self.templates.count > 80)
        #expect(Self.templates.contains { $0.text == "unknown source id '…'" && $0.severity == "error" })
    }

    @Test("every message in Sources/ has an example in docs/errors.md", arguments: templates)
    func documented(_ template: MessageTemplate) {
        let marker = ": \(template.severity): "
        let examples = Self.blocks.flatMap(\.lines).compactMap { line -> String? in
            guard let range = line.range(of: marker), !line.hasPrefix(" ") else { return nil }
            return String(line[range.upperBound...])
        }
        let pattern = template.pattern
        #expect(
            examples.contains { pattern.firstMatch(in: $0, range: NSRange($0.startIndex..., in: $0)) != nil },
            "add an example of `\(template.text)` to docs/errors.md")
    }

    @Test("every `text` example in docs/errors.md is verbatim in a corpus report")
    func examplesAreReal() throws {
        var reports: [String] = []
        for corpusCase in CorpusCase.all {
            reports.append(try String(contentsOf: corpusCase.expectedURL, encoding: .utf8))
        }
        let examples = Self.blocks.filter { $0.kind == "text" }
        #expect(examples.count > 60)
        for example in examples {
            let text = example.lines.joined(separator: "\n") + "\n"
            #expect(reports.contains { $0.contains(text) }, "not in any corpus report (re-copy it): \(text)")
        }
    }
}
