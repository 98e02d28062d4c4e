import BroadsheetBuild
import BroadsheetCore
import Foundation
import Testing

/// Failed builds and the output folder. The exact reports of broken sites are in the
/// corpus (`Corpus/`, run by `CorpusTests`).
@Suite("Invalid sites")
struct InvalidSiteTests {
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
