import BroadsheetBuild
import BroadsheetCore
import Foundation
import Testing

/// Failed builds and the output folder. The exact reports of broken sites are in the
/// corpus (`Corpus/`, run by `CorpusTests`).
@Suite("Invalid sites")
struct InvalidSiteTests {
    /// Broken front matter stops the build before rendering; a broken link stops it after
    /// every page was rendered, and written early into the new site's folder.
    static let breakages = [
        "---\ntitle: [unclosed\n---\n",
        "---\ntitle: Walls\ndate: 2024-01-01\n---\n\nSee [the timeline](/timelin/).\n",
    ]

    @Test("a failed build leaves the previous output byte for byte, and nothing beside it", arguments: breakages)
    func keepsPreviousOutput(_ breakage: String) throws {
        let site = try FixtureSite(EverythingSite.files)
        defer { site.delete() }
        let output = site.root.appendingPathComponent("Output")
        _ = try SiteBuilder.build(SiteBuilder.Options(root: site.root, output: output))
        let before = try FixtureSite.contents(of: output)
        try site.write("Content/articles/walls.md", breakage)
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
