import BroadsheetCore
import Testing

@testable import BroadsheetContent

@Suite("Publication dates")
struct PublicationDateTests {
    @Test(
        "timestamps always have four-digit years",
        arguments: [
            ("1000-01-01T00:00:00+08:00", "0999-12-31T16:00:00Z"), ("1000-01-01", "1000-01-01T00:00:00Z"),
            ("0024-05-01", "0024-05-01T00:00:00Z"), ("0001-01-01", "0001-01-01T00:00:00Z"),
            ("2024-09-12T10:00:00+08:00", "2024-09-12T02:00:00Z"),
        ])
    func fourDigitYears(_ text: String, _ expected: String) throws {
        #expect(try #require(PublicationDate(iso: text)).rfc3339 == expected)
    }

    @Test(
        "years before 1000 are refused at the field",
        arguments: ["0999-12-31", "0001-01-01", "0100-06-30T10:00:00Z", "0000-01-01"])
    func earlyYears(_ text: String) throws {
        let file = SourceFile(path: "Content/articles/a.md", text: "---\ntitle: A\ndate: \(text)\n---\n\nText.\n")
        let (document, diagnostics) = DocumentLoader.load(file, kind: .article, defaultAuthor: "X")
        #expect(document == nil)
        #expect(diagnostics.map(\.description) == ["Content/articles/a.md:3:7: error: '\(text)' is before the year 1000"])
    }

    @Test("the year 1000 and later are accepted", arguments: ["1000-01-01", "1999-12-31", "9999-12-31"])
    func lateEnough(_ text: String) throws {
        let file = SourceFile(path: "Content/articles/a.md", text: "---\ntitle: A\ndate: \(text)\n---\n\nText.\n")
        let (document, diagnostics) = DocumentLoader.load(file, kind: .article, defaultAuthor: "X")
        #expect(diagnostics.isEmpty)
        #expect(document?.date?.isoDate == text)
    }
}
