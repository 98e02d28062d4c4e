import BroadsheetBuild
import BroadsheetCore
import Foundation
import Testing

/// A broken variant of the everything fixture and the exact report it must produce.
struct InvalidSite: Sendable, CustomTestStringConvertible {
    var name: String
    /// Files replaced (or added) in the fixture.
    var changes: [String: String]
    /// Files removed from the fixture.
    var removals: [String] = []
    /// The formatted diagnostics, as `broadsheet build` prints them.
    var expected: String
    var testDescription: String { name }
}

@Suite("Invalid sites")
struct InvalidSiteTests {
    static let cases: [InvalidSite] = [
        InvalidSite(
            name: "load errors stop the build before links are checked",
            changes: [
                "Content/articles/walls.md": "---\ntitle: The walls\ndate: 2013-02-30\n---\nText.\n",
                "Content/articles/extra.md": "---\ntitle: Extra\ndate: 2021-01-01\n---\n\nSee [this](source:paper-2042).\n",
            ],
            expected: """
                Content/articles/walls.md:3:7: error: '2013-02-30' is not a valid date
                    date: 2013-02-30
                          ^
                    hint: write YYYY-MM-DD (a real calendar day) or YYYY-MM-DDTHH:MM:SS+08:00

                """),
        InvalidSite(
            name: "unknown ids in content and facts",
            changes: [
                "Content/articles/extra.md": "---\ntitle: Extra\ndate: 2021-01-01\n---\n\nSee [this](source:paper-2042).\n"
            ],
            expected: """
                Content/articles/extra.md:6:12: error: unknown source id 'paper-2042'
                    See [this](source:paper-2042).
                               ^
                    hint: did you mean 'paper-2024'?

                """),
        InvalidSite(
            name: "template syntax error and missing partial",
            changes: [
                "Templates/list.mustache": "{{<base}}{{$main}}\n{{#groups}}\n{{>partials/crad}}\n{{/group}}\n{{/main}}{{/base}}\n"
            ],
            expected: """
                Templates/list.mustache:3:1: error: the partial 'partials/crad' does not exist
                    {{>partials/crad}}
                    ^
                    hint: did you mean 'partials/card'?
                Templates/list.mustache:4:4: error: template syntax error: a section is closed with the wrong name
                    {{/group}}
                       ^
                    hint: make {{/name}} match the {{#name}} or {{^name}} it closes

                """),
        InvalidSite(
            name: "missing required template",
            changes: [:], removals: ["Templates/sources.mustache"],
            expected: """
                Templates/sources.mustache: error: the template 'sources' is missing
                    hint: create Templates/sources.mustache; every site needs: base, home, article, page, list, tags, 404, timeline, entities, entity, comparisons, comparison, sources, components/timeline, components/comparison

                """),
        InvalidSite(
            name: "facts: an event without a source",
            changes: [
                "Content/facts/events.yaml": """
                - id: rules
                  date: 2021
                  title: New platform rules
                  summary: The regulator issued rules.
                  entities: [samr]
                """
            ],
            expected: """
                Content/facts/events.yaml:1:3: error: event 'rules' has no source; every event must cite at least one
                    - id: rules
                      ^
                    hint: add `sources: [source-id]` with ids from sources.yaml

                """),
        InvalidSite(
            name: "site.yaml missing",
            changes: [:], removals: ["Content/site.yaml"],
            expected: """
                Content/site.yaml: error: Content/site.yaml is missing
                    hint: create Content/site.yaml with title, description, baseURL, language, author and publisher

                """),
    ]

    @Test("fails with the exact report and writes nothing", arguments: cases)
    func invalid(_ invalid: InvalidSite) throws {
        let site = try FixtureSite(EverythingSite.files)
        defer { site.delete() }
        for (path, text) in invalid.changes { try site.write(path, text) }
        for path in invalid.removals { try site.remove(path) }
        let output = site.root.appendingPathComponent("Output")
        do {
            _ = try SiteBuilder.build(SiteBuilder.Options(root: site.root, output: output))
            Issue.record("the build should have failed")
        } catch {
            let errors = error.diagnostics.filter { $0.severity == .error }
            #expect(DiagnosticFormatter(root: site.root).format(errors) == invalid.expected)
        }
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test("a failed build leaves the previous output byte for byte")
    func keepsPreviousOutput() throws {
        let site = try FixtureSite(EverythingSite.files)
        defer { site.delete() }
        let output = site.root.appendingPathComponent("Output")
        _ = try SiteBuilder.build(SiteBuilder.Options(root: site.root, output: output))
        let before = try FixtureSite.contents(of: output)
        try site.write("Content/articles/walls.md", "---\ntitle: [unclosed\n---\n")
        #expect(throws: DiagnosticsError.self) {
            try SiteBuilder.build(SiteBuilder.Options(root: site.root, output: output))
        }
        #expect(try FixtureSite.contents(of: output) == before)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: site.root.path).sorted()
        #expect(siblings == ["Content", "Output", "Templates"])
    }

    @Test("output folders that would overwrite the sources are refused")
    func refusesSourceFolders() throws {
        let site = try FixtureSite(EverythingSite.files)
        defer { site.delete() }
        for folder in ["", "Content", "Templates", "Content/articles"] {
            #expect(throws: DiagnosticsError.self) {
                try SiteBuilder.build(SiteBuilder.Options(root: site.root, output: site.root.appendingPathComponent(folder)))
            }
        }
        #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Content/site.yaml").path))
    }
}
