import BroadsheetContent
import BroadsheetCore
import BroadsheetFacts
import Testing

/// The repository's report (Content/) checked as a sourced document: it builds cleanly, every
/// source is used, every article cites, every number in the prose rests on a cited fact, and
/// no passage is told twice.
@Suite("Report content")
struct ReportContentTests {
    let report = ReportFixture.shared

    @Test("the report loads and resolves without errors")
    func noErrors() {
        let errors = report.diagnostics.filter { $0.severity == .error }
        for error in errors {
            Issue.record(Comment(rawValue: error.description + (error.hint.map { "\n    hint: \($0)" } ?? "")))
        }
        #expect(errors.isEmpty)
        #expect(report.site != nil, "the site did not resolve")
    }

    @Test("every source in sources.yaml is cited by an article, page, event or table")
    func everySourceIsCited() {
        let uncited = report.diagnostics.filter {
            $0.severity == .warning && $0.message.contains("is not cited by any")
        }
        for warning in uncited { Issue.record(Comment(rawValue: warning.description)) }
        #expect(uncited.isEmpty)
    }

    @Test("the report has articles and pages")
    func hasDocuments() {
        #expect(!ReportFixture.articlePaths.isEmpty)
        #expect(ReportFixture.documentPaths.count > ReportFixture.articlePaths.count)
    }

    @Test("every article cites at least one source", arguments: ReportFixture.articlePaths)
    func articleCites(path: String) throws {
        let document = try #require(report.document(path), "\(path) is not in the resolved site")
        #expect(!document.citations.isEmpty, "\(path): the article cites no source")
    }

    @Test("every number in the prose appears in a fact the document cites", arguments: ReportFixture.documentPaths)
    func numbersAreSourced(path: String) throws {
        let document = try #require(report.document(path), "\(path) is not in the resolved site")
        let facts = try #require(report.site?.facts)
        let factTexts = CitedFacts.texts(citing: Set(document.citations.map(\.source)), in: facts)
        let failures = NumberAuditor.audit(path: path, lines: try report.proseLines(path), factTexts: factTexts)
        for failure in failures { Issue.record(Comment(rawValue: failure.description)) }
        #expect(failures.isEmpty, "\(failures.count) unsourced number(s) in \(path)")
    }

    @Test("no passage of twelve or more words appears in two documents (allow-repeat markers excepted)")
    func noRepeatedPassages() throws {
        let repeats = PassageAuditor.repeats(in: try report.passageTexts())
        for passage in repeats { Issue.record(Comment(rawValue: passage.description)) }
        #expect(repeats.isEmpty, "\(repeats.count) repeated passage(s); tell each story once and link to it")
    }

    @Test("every edition cites, and every number in it appears in a fact it cites", arguments: ReportFixture.editionPaths)
    func editionNumbersAreSourced(path: String) throws {
        let edition = try #require(report.site?.editions.first { $0.path == path }, "\(path) is not in the resolved site")
        #expect(!edition.citations.isEmpty, "\(path): the edition cites no source")
        let facts = try #require(report.site?.facts)
        let factTexts = CitedFacts.texts(citing: Set(edition.citations.map(\.source)), in: facts)
        let failures = NumberAuditor.audit(path: path, lines: try report.editionProseLines(path), factTexts: factTexts)
        for failure in failures { Issue.record(Comment(rawValue: failure.description)) }
        #expect(failures.isEmpty, "\(failures.count) unsourced number(s) in \(path)")
    }
}
