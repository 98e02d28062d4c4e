import Foundation
import Testing

@testable import BroadsheetCore
@testable import BroadsheetOutput

/// The output writer never deletes, moves or replaces what Broadsheet did not write.
@Suite("Output writer: files Broadsheet did not write")
struct OutputOwnershipTests {
    let parent: URL
    let output: URL

    init() throws {
        parent = try OutputFixture.parentFolder("bs-own")
        output = parent.appendingPathComponent("Output")
    }

    /// Writes `files` (path → text) under `folder`, creating folders.
    func plant(_ files: [String: String], in folder: URL) throws {
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: false, encoding: .utf8)
        }
    }

    func tree(_ folder: URL) throws -> [String: String] { try OutputFixture.tree(folder) }

    func site(_ pages: [String: String]) -> [OutputFile] { OutputFixture.site(pages) }

    /// Home folders, checkouts and photo folders: none of it is Broadsheet's.
    static let foreignFolders: [[String: String]] = [
        ["Documents/taxes.pdf": "receipts", ".ssh/id_ed25519": "KEY", ".bashrc": "alias"],
        [".git/HEAD": "ref: refs/heads/main", "CNAME": "report.example.org", "photos/team.jpg": "JPEG"],
        ["index.html": "a hand-written home page"],
        ["deep/er/still/notes.txt": "notes"],
    ]

    @Test("a non-empty folder without a manifest is refused, and nothing in it moves", arguments: foreignFolders)
    func refusesForeignFolder(_ planted: [String: String]) throws {
        defer { try? FileManager.default.removeItem(at: parent) }
        try plant(planted, in: output)
        do {
            try OutputWriter(destination: output).write(site(["index.html": "site", "a/index.html": "a"]))
            Issue.record("the foreign folder was not refused")
        } catch {
            let message = try #require(error.diagnostics.first?.message)
            #expect(message.hasPrefix("refusing to build into a folder Broadsheet did not create: it already holds "))
            let topLevel = Set(planted.keys.map { String($0.split(separator: "/").first!) })
            for name in topLevel { #expect(message.contains("'\(name)"), "\(name) not named in: \(message)") }
            #expect(error.diagnostics.first?.hint?.contains("--adopt-output") == true)
        }
        #expect(try tree(output) == planted)
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["Output"])
    }

    @Test("an adopted folder keeps every foreign file through many builds", arguments: [0, 1])
    func adoptedFolderKeepsForeignFiles(_ variant: Int) throws {
        defer { try? FileManager.default.removeItem(at: parent) }
        let planted = Self.foreignFolders[variant]
        try plant(planted, in: output)
        let summary = try OutputWriter(destination: output, adoptsFolder: true).write(
            site(["page/index.html": "1", "x.css": "x"]))
        #expect(
            summary.keptEntries
                == Set(
                    planted.keys.map { path in
                        path.contains("/") ? String(path.split(separator: "/").first!) + "/" : path
                    }
                ).sorted())
        // Later builds need no flag: the manifest makes the folder Broadsheet's.
        try OutputWriter(destination: output).write(site(["page/index.html": "2", "other/index.html": "o"]))
        try OutputWriter(destination: output).write(site(["other/index.html": "o2"]))
        var expected = planted
        expected["other/index.html"] = "o2"
        var actual = try tree(output)
        let removed = actual.removeValue(forKey: ".broadsheet-manifest")
        let manifest = try #require(removed)
        #expect(actual == expected)
        #expect(manifest.hasSuffix("\nother/index.html\n"))
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("page").path), "a stale page was kept")
    }

    @Test("files added by hand to Broadsheet's own output are kept, and so is an empty folder")
    func keepsFilesAddedLater() throws {
        defer { try? FileManager.default.removeItem(at: parent) }
        try OutputWriter(destination: output).write(site(["index.html": "1", "old/index.html": "old"]))
        try plant([".git/config": "[core]", "CNAME": "example.org", "old/keep-me.txt": "mine"], in: output)
        try FileManager.default.createDirectory(at: output.appendingPathComponent("empty"), withIntermediateDirectories: false)
        let summary = try OutputWriter(destination: output).write(site(["index.html": "2"]))
        #expect(summary.keptEntries == [".git/", "CNAME", "empty/", "old/keep-me.txt"])
        var actual = try tree(output)
        actual.removeValue(forKey: ".broadsheet-manifest")
        #expect(actual == [".git/config": "[core]", "CNAME": "example.org", "old/keep-me.txt": "mine", "index.html": "2"])
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("empty").path))
        // Once the foreign files are gone, the atomic exchange (with its spare) is used again.
        for name in [".git", "CNAME", "old", "empty"] {
            try FileManager.default.removeItem(at: output.appendingPathComponent(name))
        }
        try OutputWriter(destination: output).write(site(["index.html": "3"]))
        #expect(try tree(output)["index.html"] == "3")
    }

    @Test(
        "a file of the site where a foreign file stands is refused, and nothing changes",
        arguments: ["CNAME", "notes/a.txt", "notes"])
    func refusesToReplaceForeignFile(_ conflict: String) throws {
        defer { try? FileManager.default.removeItem(at: parent) }
        try OutputWriter(destination: output).write(site(["index.html": "1"]))
        let planted = conflict == "notes" ? ["notes/x.txt": "mine"] : [conflict: "mine"]
        try plant(planted, in: output)
        let before = try tree(output)
        let newFile = conflict == "notes/a.txt" ? "notes/a.txt/index.html" : conflict
        do {
            try OutputWriter(destination: output).write(site(["index.html": "2", newFile: "generated"]))
            Issue.record("replacing a foreign file was not refused")
        } catch {
            #expect(error.diagnostics.first?.message.hasPrefix("the site would replace '") == true)
        }
        #expect(try tree(output) == before)
    }

    @Test("a write that fails in an output with foreign files changes nothing and leaves no temporary files")
    func failedInPlaceWriteKeepsEverything() throws {
        defer { try? FileManager.default.removeItem(at: parent) }
        try OutputWriter(destination: output).write(site(["index.html": "1", "a/index.html": "a"]))
        try plant(["CNAME": "example.org"], in: output)
        let before = try tree(output)
        #expect(throws: DiagnosticsError.self) {
            try OutputWriter(destination: output).write(
                site(["index.html": "2", "b/new.html": "new"]) + [
                    OutputFile(path: "assets/x.css", copying: parent.appendingPathComponent("missing.css"))
                ])
        }
        #expect(try tree(output) == before)
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("b").path))
    }

    @Test("an existing empty folder is written in place and becomes Broadsheet's")
    func emptyFolder() throws {
        defer { try? FileManager.default.removeItem(at: parent) }
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try OutputWriter(destination: output).write(site(["index.html": "1"]))
        #expect(try tree(output)["index.html"] == "1")
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["Output"])
    }

    @Test("a damaged manifest is an error, not a guess")
    func damagedManifest() throws {
        defer { try? FileManager.default.removeItem(at: parent) }
        try plant([".broadsheet-manifest": "index.html\n", "index.html": "mine"], in: output)
        do {
            try OutputWriter(destination: output).write(site(["index.html": "site"]))
            Issue.record("a manifest without its signature was trusted")
        } catch {
            #expect(error.diagnostics.first?.message.hasPrefix("cannot tell which files of the output Broadsheet wrote") == true)
        }
        #expect(try tree(output)["index.html"] == "mine")
    }

    @Test("a spare holding foreign files is never deleted")
    func foreignSpareIsKept() throws {
        defer { try? FileManager.default.removeItem(at: parent) }
        try OutputWriter(destination: output).write(site(["index.html": "1"]))
        let spare = parent.appendingPathComponent(".Output.broadsheet-spare")
        try plant(["precious.txt": "mine"], in: spare)
        #expect(throws: DiagnosticsError.self) { try OutputWriter(destination: output).write(site(["index.html": "2"])) }
        #expect(try tree(spare)["precious.txt"] == "mine")
        #expect(try tree(output)["index.html"] == "1")
    }

    @Test("folders named like Broadsheet's staging folders are left alone unless they are Broadsheet's")
    func stagingLookalikes() throws {
        defer { try? FileManager.default.removeItem(at: parent) }
        let lookalike = parent.appendingPathComponent(".Output.staging-1-2")
        try plant(["mine.txt": "mine"], in: lookalike)
        try OutputWriter(destination: output).write(site(["index.html": "1"]))
        #expect(try tree(lookalike) == ["mine.txt": "mine"])
    }

    @Test(
        "names Broadsheet keeps for itself cannot be written by a site",
        arguments: [".broadsheet-manifest", "a/b.broadsheet-tmp"])
    func reservedNames(_ path: String) throws {
        defer { try? FileManager.default.removeItem(at: parent) }
        #expect(throws: DiagnosticsError.self) { try OutputWriter(destination: output).write(site([path: "x"])) }
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }
}
