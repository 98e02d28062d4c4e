import BroadsheetDocument
import Foundation
import Testing

@testable import BroadsheetMarkdown

/// The GitHub-flavoured extensions against the examples of the GFM specification
/// (`GFM/spec-examples.txt`, copied from cmark-gfm's test/spec.txt with attribution).
@Suite("GFM specification examples")
struct GFMSpecTests {
    struct Example: CustomTestStringConvertible, Sendable {
        var number: Int
        var kind: String
        var markdown: String
        var html: String
        var testDescription: String { "\(kind) example \(number): \(markdown.debugDescription)" }
    }

    static let examples: [Example] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "GFM/spec-examples.txt")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        let fence = String(repeating: "`", count: 32)
        var examples: [Example] = []
        for chunk in text.components(separatedBy: fence + " example ").dropFirst() {
            guard let end = chunk.range(of: fence) else { continue }
            let body = chunk[..<end.lowerBound]
            let kind = String(body.prefix { $0 != "\n" })
            let rest = body.drop { $0 != "\n" }.dropFirst()
            guard let dot = rest.range(of: "\n.\n") ?? (rest.hasPrefix(".\n") ? rest.range(of: ".\n") : nil) else { continue }
            let markdown = rest.hasPrefix(".\n") ? "" : String(rest[..<dot.lowerBound]) + "\n"
            examples.append(
                Example(
                    number: examples.count + 1, kind: kind, markdown: markdown, html: String(rest[dot.upperBound...])))
        }
        return examples
    }()

    @Test("the examples file is read")
    func examplesRead() {
        #expect(Self.examples.count == 24)
    }

    @Test("Broadsheet writes each example's HTML", arguments: examples)
    func example(_ example: Example) {
        let options = MarkdownOptions(smartPunctuation: false, headingAnchors: false)
        let tree: MarkdownDocument<Never> = MarkdownParser.parse(example.markdown, options: options)
        #expect(HTMLWriter<Never>.blocksHTML(tree.blocks, style: .gfm) == example.html)
    }
}
