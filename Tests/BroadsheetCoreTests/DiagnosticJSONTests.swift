import BroadsheetCore
import Foundation
import Testing

@Suite("Diagnostics as JSON Lines (--format json)")
struct DiagnosticJSONTests {
    @Test("one object per diagnostic, escaped, with null for what is unknown; then a summary")
    func lines() throws {
        let diagnostics: [Diagnostic] = [
            .warning(at: SourceLocation(path: "Content/site.yaml"), "unknown key 'titel'"),
            .error(
                at: SourceLocation(path: "Content/articles/\"quoted\".md", line: 14, column: 22),
                "unknown source id 'reuters-2021'\u{1B}", hint: "did you mean 'reuters-2021-07'?\nsee docs\\errors"),
        ]
        let text = DiagnosticJSON.lines(diagnostics) + DiagnosticJSON.summary(diagnostics, counts: ["pages": 3])
        let lines = text.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(
            lines[0]
                == #"{"column":22,"file":"Content/articles/\"quoted\".md","hint":"did you mean 'reuters-2021-07'?\nsee docs\\errors","line":14,"message":"unknown source id 'reuters-2021'\u001b","severity":"error","type":"diagnostic"}"#
        )
        #expect(
            lines[1]
                == #"{"column":null,"file":"Content/site.yaml","hint":null,"line":null,"message":"unknown key 'titel'","severity":"warning","type":"diagnostic"}"#
        )
        #expect(lines[2] == #"{"errors":1,"pages":3,"status":"failed","type":"summary","warnings":1}"#)
        // Every line is JSON that a standard parser reads back.
        for line in lines {
            #expect(try JSONSerialization.jsonObject(with: Data(line.utf8)) is [String: Any])
        }
        #expect(DiagnosticJSON.summary([]) == #"{"errors":0,"status":"ok","type":"summary","warnings":0}"# + "\n")
    }

    @Test("help text: paragraphs are joined for the parser to wrap; indented lines are kept")
    func helpReflow() {
        let text = "One line\nand the next.\n\nExamples:\n  broadsheet build\n  broadsheet check\nLast."
        #expect(HelpText.reflow(text) == "One line and the next.\n\nExamples:\n  broadsheet build\n  broadsheet check\nLast.")
    }
}
