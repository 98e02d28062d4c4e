import Foundation
import Testing

@testable import BroadsheetCore
@testable import BroadsheetOutput

/// Files handed to the output while the site still renders (`OutputSession.offer`) are written
/// early into the new site's folder, never into the output: the output changes only at commit,
/// exactly as `OutputWriter.write` would change it, and a build that stops leaves nothing behind.
@Suite("Output writer: files written while the site renders")
struct EarlyOutputTests {
    let parent: URL
    let output: URL

    init() throws {
        parent = try OutputFixture.parentFolder("bs-early")
        output = parent.appendingPathComponent("Output")
    }

    func site(_ pages: [String: String]) -> [OutputFile] { OutputFixture.site(pages) }

    func tree(_ folder: URL) throws -> [String: String] { try OutputFixture.tree(folder) }

    func entries(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    static let pages = [
        "index.html": "home", "articles/one/index.html": "one", "articles/two/index.html": "two",
        "tags/pay/index.html": "tag", "search/entries/0.pack": "pack",
    ]

    @Test("offered files reach the output only at commit, as a plain write leaves it")
    func commitMatchesWrite() throws {
        defer { try? FileManager.default.removeItem(at: parent) }
        let reference = parent.appendingPathComponent("Reference")
        try OutputWriter(destination: reference).write(site(Self.pages))

        let session = try OutputWriter(destination: output).begin()
        session.offer(site(Self.pages.filter { $0.key.hasPrefix("articles/") }))
        session.offer(site(["index.html": "home"]))
        #expect(!FileManager.default.fileExists(atPath: output.path))
        try session.commit(site(Self.pages))

        #expect(try tree(output) == tree(reference))
        #expect(try entries(parent) == ["Output", "Reference"])
    }

    @Test("a cancelled session leaves the previous output as it was, and no folder beside it")
    func cancelKeepsOutput() throws {
        defer { try? FileManager.default.removeItem(at: parent) }
        try OutputWriter(destination: output).write(site(["index.html": "first", "old/index.html": "old"]))
        let before = try tree(output)
        let session = try OutputWriter(destination: output).begin()
        session.offer(site(Self.pages))
        session.cancel()
        #expect(try tree(output) == before)
        #expect(try entries(parent) == ["Output"])
        // The lock was released: the next build writes.
        try OutputWriter(destination: output).write(site(["index.html": "second"]))
        #expect(try tree(output)["index.html"] == "second")
    }

    @Test("a session dropped without commit or cancel cleans up and releases the folder")
    func droppedSession() throws {
        defer { try? FileManager.default.removeItem(at: parent) }
        do {
            let session = try OutputWriter(destination: output).begin()
            session.offer(site(Self.pages))
        }
        #expect(try entries(parent) == [])
        try OutputWriter(destination: output).write(site(["index.html": "built"]))
        #expect(try tree(output)["index.html"] == "built")
    }

    @Test("an offered file the finished site does not have is neither in the output nor in its manifest")
    func staleEarlyFile() throws {
        defer { try? FileManager.default.removeItem(at: parent) }
        let session = try OutputWriter(destination: output).begin()
        session.offer(site(["index.html": "home", "gone/deeper/index.html": "gone"]))
        try session.commit(site(["index.html": "home"]))
        let written = try tree(output)
        #expect(Set(written.keys) == ["index.html", OutputManifest.fileName])
        #expect(written[OutputManifest.fileName]?.contains("gone") == false)
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("gone").path))
    }

    @Test("a folder left by a build killed while writing early names every file in it, and the next build removes it")
    func killedBuildLeftovers() throws {
        defer { try? FileManager.default.removeItem(at: parent) }
        let leftover = parent.appendingPathComponent(".Output.staging-99-1")
        let writer = try StagingWriter(folder: leftover, linkSource: nil)
        writer.offer(site(Self.pages))
        let written = try #require(writer.finish())
        #expect(written.files == Set(Self.pages.keys))
        // Claimed before created: the manifest names every file, so the folder is recognisably Broadsheet's.
        let manifest = try #require(try OutputManifest.read(in: leftover))
        #expect(manifest.paths == Set(Self.pages.keys))
        #expect(!OutputInventory(of: leftover, manifest: manifest).hasForeignEntries)

        try OutputWriter(destination: output).write(site(["index.html": "next"]))
        #expect(try entries(parent) == ["Output"])
    }

    @Test("when early writing fails, commit reports the problem as a plain write does and leaves nothing beside the output")
    func earlyFailure() throws {
        defer { try? FileManager.default.removeItem(at: parent) }
        try OutputWriter(destination: output).write(site(["index.html": "first"]))
        let before = try tree(output)
        let missing = OutputFile(path: "assets/x.css", copying: parent.appendingPathComponent("missing.css"))
        let session = try OutputWriter(destination: output).begin()
        session.offer([missing])
        do {
            try session.commit(site(["index.html": "second"]) + [missing])
            Issue.record("a file that cannot be read was not reported")
        } catch {
            #expect(error.diagnostics.first?.message.hasPrefix("cannot write the site:") == true)
            #expect(error.diagnostics.first?.message.contains("missing.css") == true)
        }
        #expect(try tree(output) == before)
        #expect(try entries(parent) == ["Output"])
    }

    @Test("when early writing stops at a clash, commit writes the whole site the usual way")
    func earlyClashFallsBack() throws {
        defer { try? FileManager.default.removeItem(at: parent) }
        let session = try OutputWriter(destination: output).begin()
        // A file where a later file needs a folder: the early writer stops; the finished site has only the second.
        session.offer(site(["a": "file"]))
        session.offer(site(["a/b.html": "page"]))
        try session.commit(site(["a/b.html": "page", "index.html": "home"]))
        #expect(try tree(output)["a/b.html"] == "page")
        #expect(try tree(output)["index.html"] == "home")
        #expect(try entries(parent) == ["Output"])
    }

    @Test("files that would land outside the output are never written early, and commit refuses them")
    func escapingPathsNotWritten() throws {
        defer { try? FileManager.default.removeItem(at: parent) }
        let session = try OutputWriter(destination: output).begin()
        let escaping = [OutputFile(path: "../escaped.html", text: "x"), OutputFile(path: ".broadsheet-manifest", text: "x")]
        session.offer(escaping)
        #expect(throws: DiagnosticsError.self) { try session.commit(escaping) }
        #expect(try entries(parent) == [])
        #expect(!FileManager.default.fileExists(atPath: parent.deletingLastPathComponent().appendingPathComponent("escaped.html").path))
    }

    @Test("a folder someone fills while the site renders is refused at commit, and nothing in it moves")
    func outputFilledDuringRender() throws {
        defer { try? FileManager.default.removeItem(at: parent) }
        let session = try OutputWriter(destination: output).begin()
        session.offer(site(Self.pages))
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try "mine".write(to: output.appendingPathComponent("CNAME"), atomically: false, encoding: .utf8)
        #expect(throws: DiagnosticsError.self) { try session.commit(site(Self.pages)) }
        #expect(try tree(output) == ["CNAME": "mine"])
        #expect(try entries(parent) == ["Output"])
    }

    @Test("two files with the same path are refused")
    func duplicatePaths() throws {
        defer { try? FileManager.default.removeItem(at: parent) }
        do {
            try OutputWriter(destination: output).write(site(["index.html": "a"]) + site(["index.html": "b"]))
            Issue.record("two files with one path were written")
        } catch {
            #expect(error.diagnostics.first?.message == "refusing to write 'index.html' twice: two outputs of the site have the same path")
        }
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }
}
