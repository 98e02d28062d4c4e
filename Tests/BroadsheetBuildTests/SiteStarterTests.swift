import BroadsheetBuild
import BroadsheetCore
import BroadsheetTheme
import Foundation
import Testing

/// `broadsheet init`: the site it writes builds with no diagnostic, and it never overwrites.
@Suite("broadsheet init")
struct SiteStarterTests {
    static func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("broadsheet-init-\(UUID().uuidString)")
    }

    @Test("the new site builds and checks with zero diagnostics", arguments: [false, true])
    func buildsClean(withTemplates: Bool) throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let written = try SiteStarter.start(in: folder, displayPath: "site", date: "2026-11-25", withTemplates: withTemplates)
        #expect(written.contains("Content/site.yaml"))
        #expect(written.contains("Content/facts/README.md"))
        #expect(written.contains("Templates/assets/style.css") == withTemplates)
        if withTemplates { #expect(written.count == 5 + BuiltInTheme.files.count) }
        for write in [false, true] {
            var options = SiteBuilder.Options(root: folder, write: write)
            options.printEdition = write ? .build(required: false) : .check
            let report = try SiteBuilder.build(options)
            #expect(report.warnings.isEmpty, "\(report.warnings)")
            #expect(report.files.contains { $0.path == "articles/welcome/index.html" })
        }
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("Output/index.html").path))
    }

    @Test("a folder that is not empty is refused and left as it was")
    func refusesNonEmpty() throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "mine\n".write(to: folder.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        #expect {
            try SiteStarter.start(in: folder, displayPath: "my-site", date: "2026-11-25", withTemplates: false)
        } throws: { error in
            let diagnostic = error as? Diagnostic
            return diagnostic?.description == "my-site: error: the folder is not empty (it holds notes.txt)"
                && diagnostic?.hint?.contains("never overwrites") == true
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["notes.txt"])

        let file = folder.appendingPathComponent("notes.txt")
        #expect {
            try SiteStarter.start(in: file, displayPath: "notes.txt", date: "2026-11-25", withTemplates: false)
        } throws: { error in
            (error as? Diagnostic)?.description == "notes.txt: error: this is a file, not a folder"
        }
    }

    @Test("new article refuses to run outside a site folder, naming what it looked for")
    func outsideASite() throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let problem = try #require(SiteFolder.check(folder, displayRoot: "."))
        #expect(
            problem.description
                == "Content/site.yaml: error: not a Broadsheet site: there is no Content/site.yaml in the current folder")
        #expect(problem.hint?.contains("--root") == true && problem.hint?.contains("broadsheet init") == true)
        _ = try SiteStarter.start(in: folder, displayPath: "site", date: "2026-11-25", withTemplates: false)
        #expect(SiteFolder.check(folder, displayRoot: "site") == nil)
    }
}
