import BroadsheetCore
import Testing

@testable import BroadsheetContent

@Suite("New article and page scaffolds")
struct DocumentScaffoldTests {
    static func made(_ kind: LoadedDocument.Kind, _ title: String, slug: String? = nil) throws -> DocumentScaffold {
        try DocumentScaffold.make(kind: kind, title: title, slug: slug, date: "2026-11-25").get()
    }

    @Test("an article starts as a draft with today's date, and loads without problems")
    func article() throws {
        let scaffold = try Self.made(.article, "WeChat Pay: arrives on \"Taobao\"")
        #expect(scaffold.path == "Content/articles/wechat-pay-arrives-on-taobao.md")
        #expect(
            scaffold.text == """
                ---
                title: "WeChat Pay: arrives on \\"Taobao\\""
                date: 2026-11-25
                # summary: one or two sentences for search engines and link previews
                tags: []
                draft: true
                ---


                """)
        let (document, problems) = DocumentLoader.load(
            SourceFile(path: scaffold.path, text: scaffold.text), kind: .article, defaultAuthor: "Desk")
        #expect(problems.isEmpty, "\(problems)")
        #expect(document?.slug == "wechat-pay-arrives-on-taobao")
        #expect(document?.isDraft == true)
        // No empty summary: it would blank the meta and Open Graph descriptions.
        #expect(document?.summary == nil)
    }

    @Test("a page has no date and no draft flag; a Chinese title keeps its characters")
    func page() throws {
        let scaffold = try Self.made(.page, "微信支付")
        #expect(scaffold.path == "Content/pages/微信支付.md")
        #expect(
            scaffold.text
                == "---\ntitle: \"微信支付\"\n# summary: one or two sentences for search engines and link previews\n---\n\n")
        let (document, problems) = DocumentLoader.load(
            SourceFile(path: scaffold.path, text: scaffold.text), kind: .page, defaultAuthor: "Desk")
        #expect(problems.isEmpty, "\(problems)")
        #expect(document?.title == "微信支付")
    }

    @Test("an explicit slug is written to the front matter")
    func explicitSlug() throws {
        let scaffold = try Self.made(.page, "Corrections and clarifications", slug: "corrections")
        #expect(scaffold.path == "Content/pages/corrections.md")
        #expect(scaffold.text.contains("\nslug: corrections\n"))
    }

    @Test(
        "unusable titles and slugs are refused with a hint",
        arguments: [
            ("  ", nil, "the title is empty"), ("!!!", nil, "the title '!!!' gives no usable URL slug"),
            ("Fine", "Bad Slug", "'Bad Slug' is not a valid slug"), ("Fine", "../x", "'../x' is not a valid slug"),
            ("Tags", "tags", "page slug 'tags' is reserved for a generated section"),
        ] as [(String, String?, String)])
    func refused(title: String, slug: String?, message: String) {
        let kind: LoadedDocument.Kind = slug == "tags" ? .page : .article
        guard case .failure(let diagnostic) = DocumentScaffold.make(kind: kind, title: title, slug: slug, date: "2026-11-25")
        else {
            Issue.record("'\(title)' was accepted")
            return
        }
        #expect(diagnostic.message == message)
        #expect(diagnostic.hint != nil)
    }

    @Test(
        "a title with a control character or a slug Windows reserves is refused",
        arguments: [
            ("Breaking \u{1B}]0;owned\u{07}", nil, "broadsheet new: error: the title contains the control character U+001B"),
            ("Tab\u{0B}bed", nil, "broadsheet new: error: the title contains the control character U+000B"),
            ("Next\u{85}line", nil, "broadsheet new: error: the title contains the control character U+0085"),
            ("Con", nil, "broadsheet new: error: slug 'con' is a device name Windows reserves ('con')"),
            ("Printers", "lpt1", "broadsheet new: error: slug 'lpt1' is a device name Windows reserves ('lpt1')"),
        ])
    func refused(_ title: String, _ slug: String?, _ expected: String) {
        guard case .failure(let problem) = DocumentScaffold.make(kind: .page, title: title, slug: slug, date: "2026-11-25")
        else {
            Issue.record("\(title.debugDescription) was accepted")
            return
        }
        #expect(problem.description == expected)
    }
}
