import BroadsheetCore
import Foundation
import PropertyBased
import Testing

/// Fuzz inputs: texts assembled from fragments that matter to a parser (delimiters, keys,
/// anchors, fences, link schemes) and single characters from the whole Latin-1 range
/// (control characters included), so shrinking works on a list of small pieces.
enum FuzzInput {
    /// How many inputs each property tries: short in the normal test run, longer on demand
    /// with `BROADSHEET_FUZZ_ITERATIONS=N` (see docs/testing.md).
    static let iterations: Int = {
        guard let text = ProcessInfo.processInfo.environment["BROADSHEET_FUZZ_ITERATIONS"] else { return 300 }
        guard let count = Int(text), count > 0 else {
            fatalError("BROADSHEET_FUZZ_ITERATIONS must be a positive whole number, found '\(text)'")
        }
        return count
    }()

    /// A generator of texts made of up to `pieces` fragments or characters.
    static func text(_ fragments: [String], pieces: ClosedRange<Int> = 0...60) -> Generator<String, some SendableSequenceType> {
        let extra = [
            "\n", "\n", "\n", " ", "  ", "\t", "\r\n", "\r", "\u{FEFF}", "\u{2028}", "é", "e\u{301}", "微信支付", "📰", "\u{0}",
            "\\", "\"", "'", "#", "%", "&", "*", "!", "|", ">", "-", ":", "[", "]", "{", "}", ",", "?", "`", "~", "...",
        ]
        let all = fragments + extra
        let count = all.count
        return Gen.int(in: 0...(count + 255)).array(of: pieces).map { indices in
            var text = ""
            for index in indices {
                if index < count {
                    text += all[index]
                } else {
                    text.unicodeScalars.append(Unicode.Scalar(UInt8(index - count)))
                }
            }
            return text
        }
    }

    /// The number of lines of `text` as diagnostics count them.
    static func lineCount(_ text: String) -> Int {
        text.split(separator: "\n", omittingEmptySubsequences: false).count
    }

    /// Every diagnostic is in one of `files` (path → text) within its lines, and every error has a hint.
    static func checkDiagnostics(
        _ diagnostics: [Diagnostic], files: [String: String], input: String,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        for diagnostic in diagnostics {
            let location = diagnostic.location
            guard let text = files[location.path] else {
                Issue.record(
                    "a diagnostic in an unknown file: \(diagnostic)\ninput: \(input.debugDescription)",
                    sourceLocation: sourceLocation)
                continue
            }
            if let line = location.line {
                #expect(
                    line >= 1 && line <= lineCount(text) + 1,
                    "line out of range: \(diagnostic)\ninput: \(input.debugDescription)",
                    sourceLocation: sourceLocation)
            }
            if let column = location.column {
                #expect(column >= 1, "column out of range: \(diagnostic)", sourceLocation: sourceLocation)
            }
            if diagnostic.severity == .error {
                #expect(
                    !(diagnostic.hint ?? "").isEmpty, "an error without a hint: \(diagnostic)\ninput: \(input.debugDescription)",
                    sourceLocation: sourceLocation)
            }
            #expect(!diagnostic.message.isEmpty, sourceLocation: sourceLocation)
        }
    }
}
