import Foundation
import Testing

@testable import BroadsheetCore

/// The quoted line of a diagnostic: cut around the caret on long lines, wide characters counted.
@Suite("Source excerpts and shortened-id suggestions")
struct SourceExcerptTests {
    static func excerpt(_ line: String, column: Int?) -> SourceExcerpt {
        SourceExcerpt(Array(line.unicodeScalars), column: column)
    }

    /// The character the caret points at, read back from the shown text by terminal cells.
    static func character(under excerpt: SourceExcerpt) -> Unicode.Scalar? {
        guard var offset = excerpt.caretOffset else { return nil }
        for scalar in excerpt.text.unicodeScalars {
            if offset == 0 { return scalar }
            offset -= SourceExcerpt.width(scalar)
            if offset < 0 { return nil }
        }
        return nil
    }

    @Test("a short line is shown whole with the caret under its column")
    func shortLine() {
        let shown = Self.excerpt("See [this](source:paper-2042).", column: 12)
        #expect(shown.text == "See [this](source:paper-2042).")
        #expect(shown.caretOffset == 11)
    }

    @Test("wide characters take two cells, so the caret stays under the right character")
    func wideCharacters() {
        let shown = Self.excerpt("支付宝 [x](source:y)", column: 5)
        #expect(shown.caretOffset == 7)
        #expect(Self.character(under: shown) == "[")
    }

    @Test("a long line is cut around the caret, with … on each cut side, at every column")
    func longLine() {
        let line = String(repeating: "word ", count: 200) + "[target](source:x)" + String(repeating: " tail", count: 200)
        let column = 1001
        let shown = Self.excerpt(line, column: column)
        #expect(shown.text.hasPrefix("…") && shown.text.hasSuffix("…"))
        #expect(shown.text.unicodeScalars.map(SourceExcerpt.width).reduce(0, +) <= SourceExcerpt.maximumWidth)
        #expect(Self.character(under: shown) == "[")
        for column in stride(from: 1, through: line.unicodeScalars.count + 1, by: 37) {
            let cut = Self.excerpt(line, column: column)
            let expected = column <= line.unicodeScalars.count ? Array(line.unicodeScalars)[column - 1] : nil
            if let expected { #expect(Self.character(under: cut) == expected, "column \(column)") }
            #expect(cut.caretOffset != nil)
        }
        // The start of the line is not cut on the left.
        #expect(!Self.excerpt(line, column: 3).text.hasPrefix("…"))
    }

    @Test("a long line of Chinese is cut by cells, not characters")
    func longChineseLine() {
        let line = String(repeating: "互联互通", count: 100) + "[a](source:b)" + String(repeating: "进展缓慢", count: 100)
        let column = 401
        let shown = Self.excerpt(line, column: column)
        #expect(Self.character(under: shown) == "[")
        #expect(shown.text.unicodeScalars.map(SourceExcerpt.width).reduce(0, +) <= SourceExcerpt.maximumWidth)
    }

    @Test("a column past the end of the line has no caret")
    func columnOutside() {
        #expect(Self.excerpt("short", column: 40).caretOffset == nil)
        #expect(Self.excerpt("short", column: 6).caretOffset == 5)
    }

    @Test("the formatter quotes a 1 MB line as a short window with the caret")
    func formatterWindow() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("excerpt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let line = String(repeating: "a", count: 1_000_000) + "X" + String(repeating: "b", count: 100)
        try line.write(to: root.appendingPathComponent("long.md"), atomically: true, encoding: .utf8)
        let text = DiagnosticFormatter(root: root).format(
            .error(at: SourceLocation(path: "long.md", line: 1, column: 1_000_001), "here", hint: "fix"))
        let lines = text.split(separator: "\n")
        #expect(lines.count == 4)
        let caretColumn = try #require(lines[2].firstIndex(of: "^")).utf16Offset(in: lines[2])
        let quoted = Array(lines[1].unicodeScalars)
        #expect(quoted.count < 130)
        #expect(quoted[caretColumn] == "X")
    }

    @Test("a shortened id is completed: the shortest ids starting with it, up to three")
    func completions() {
        let ids = ["yicai-2021-07-15", "yicai-2021-09-01", "reuters-2021-07-07", "yicai-2020"]
        #expect(Suggestion.completions(of: "yicai-2021", in: ids) == ["yicai-2021-07-15", "yicai-2021-09-01"])
        #expect(
            Suggestion.hint(for: "yicai-2021", in: ids, otherwise: "none")
                == "did you mean 'yicai-2021-07-15' or 'yicai-2021-09-01'?")
        #expect(Suggestion.hint(for: "reuters", in: ids, otherwise: "none") == "did you mean 'reuters-2021-07-07'?")
        #expect(Suggestion.hint(for: "yi", in: ids, otherwise: "none") == "none")
        // Without a completion, the closest misspelling.
        #expect(Suggestion.hint(for: "yicai-2002", in: ids, otherwise: "none") == "did you mean 'yicai-2020'?")
    }
}
