import BroadsheetBuild
import BroadsheetCore
import BroadsheetPrint
import Foundation
import Testing

/// The print edition: the engine input for the everything fixture against golden files, the
/// EPUB's container, the default order, and what a missing or failing engine does to a build.
///
/// Re-record the golden input on purpose with
/// `BROADSHEET_RECORD=1 swift test --disable-xctest --filter PrintEditionTests` and review the
/// diff of `Tests/BroadsheetBuildTests/Golden/print/`.
@Suite("Print edition")
struct PrintEditionTests {
    static let golden = FixtureSite.packageRoot.appendingPathComponent("Tests/BroadsheetBuildTests/Golden/print")

    /// The resolved everything fixture, with `edition:` lines added to its site.yaml.
    static func resolvedSite(edition: String? = nil) throws -> SiteBuilder.ResolvedSite {
        var files = EverythingSite.files
        if let edition { files["Content/site.yaml"]! += "\n" + edition }
        let site = try FixtureSite(files)
        defer { site.delete() }
        return try SiteBuilder.resolve(SiteBuilder.Options(root: site.root, write: false))
    }

    /// A stand-in for `python3` that passes the engine check and then behaves as `typeset` says.
    static func fakePython(in folder: URL, typeset: String) throws -> URL {
        let url = folder.appendingPathComponent("fake-python3")
        try """
        #!/bin/sh
        if [ "$2" = "import typst" ]; then exit 0; fi
        \(typeset)
        """.write(to: url, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        return url
    }

    @Test("the Typst input for the everything fixture matches its golden file")
    func typstGolden() throws {
        let source = try PrintRenderer.render(try Self.resolvedSite(edition: "edition:\n  chapters: [opening, walls]\n").site)
        let actual = ["main.typ": Data(source.main.utf8)].merging(source.files) { first, _ in first }
        if ProcessInfo.processInfo.environment["BROADSHEET_RECORD"] == "1" {
            try FileManager.default.createDirectory(at: Self.golden, withIntermediateDirectories: true)
            for (name, data) in actual { try data.write(to: Self.golden.appendingPathComponent(name)) }
            return
        }
        for (name, data) in actual.sorted(by: { $0.key < $1.key }) {
            let expected = try Data(contentsOf: Self.golden.appendingPathComponent(name))
            if expected != data {
                let line = EverythingSiteTests.firstDifference(expected, data)
                Issue.record("\(name) differs from its golden file at line \(line.line):\n- \(line.expected)\n+ \(line.actual)")
            }
        }
    }

    @Test("chapters, cross-references, citations, tables and the chronology are in the engine input")
    func typstContent() throws {
        let main = try PrintRenderer.render(try Self.resolvedSite().site).main
        // Default order: the lead article, the other articles, then the pages as appendices.
        let opening = try #require(main.range(of: "#kicker[Chapter 1]"))
        let appendix = try #require(main.range(of: "#kicker[Appendix A]"))
        #expect(opening.lowerBound < appendix.lowerBound)
        #expect(main.contains("<part:opening>"))
        #expect(main.contains("table.header(repeat: true"))
        #expect(main.contains("#heading(level: 1, supplement: [Appendix B])[Chronology] <part:chronology>"))
        #expect(main.contains("[Bibliography] <part:bibliography>"))
        #expect(main.contains("#outline(title: [Contents]"))
        #expect(main.contains("#set document(title: \"The Fixture Gazette\""))
        #expect(main.contains("paper: \"a4\""))
        // Text that is Typst syntax is escaped, never interpreted.
        #expect(!main.contains("“quotes”, links & 中文\""))
        #expect(main.contains("中文"))
    }

    @Test("paper: Letter sets US Letter; the file name comes from site.yaml")
    func letterPaper() throws {
        let resolved = try Self.resolvedSite(edition: "edition:\n  paper: Letter\n  file: gazette-print\n")
        #expect(try PrintRenderer.render(resolved.site).main.contains("paper: \"us-letter\""))
        #expect(PrintEdition.fileName(resolved.site.config) == "gazette-print")
    }

    @Test("the EPUB starts with its mimetype, stored uncompressed, and is the same bytes every time")
    func epubContainer() throws {
        let site = try Self.resolvedSite().site
        let epub = try EPUBWriter.write(site, location: SourceLocation(path: "Content/site.yaml"))
        let bytes = [UInt8](epub.prefix(58))
        #expect(bytes[0..<4] == [0x50, 0x4B, 0x03, 0x04])
        #expect(bytes[8] == 0 && bytes[9] == 0, "the mimetype entry must be stored, not deflated")
        #expect(String(decoding: bytes[30..<38], as: UTF8.self) == "mimetype")
        #expect(String(decoding: bytes[38..<58], as: UTF8.self) == "application/epub+zip")
        #expect(try EPUBWriter.write(site, location: SourceLocation(path: "Content/site.yaml")) == epub)
    }

    @Test("edition: false builds no PDF and no EPUB, and warns about nothing")
    func disabled() throws {
        let site = try FixtureSite(
            EverythingSite.files.merging(["Content/site.yaml": EverythingSite.files["Content/site.yaml"]! + "\nedition: false\n"])
            { $1 })
        defer { site.delete() }
        var options = SiteBuilder.Options(root: site.root, write: false)
        options.printEdition = .build(required: true)
        options.typesetter = PDFTypesetter(environment: ["BROADSHEET_PYTHON": "/nonexistent/python3"])
        let report = try SiteBuilder.build(options)
        #expect(!report.files.contains { $0.path.hasSuffix(".pdf") || $0.path.hasSuffix(".epub") })
        #expect(report.warnings.isEmpty)
    }

    @Test("without the engine the site and the EPUB are built, with one warning naming the install command")
    func missingEngineWarns() throws {
        let site = try FixtureSite(EverythingSite.files)
        defer { site.delete() }
        var options = SiteBuilder.Options(root: site.root, write: false)
        options.printEdition = .build(required: false)
        options.typesetter = PDFTypesetter(environment: ["BROADSHEET_PYTHON": "/nonexistent/python3"])
        let report = try SiteBuilder.build(options)
        #expect(report.warnings.count == 1)
        #expect(report.warnings.first?.message == "the PDF edition was not built: python3 was not found")
        #expect(report.warnings.first?.hint?.contains("pip install typst") == true)
        #expect(report.files.contains { $0.path == "the-fixture-gazette.epub" })
        #expect(!report.files.contains { $0.path.hasSuffix(".pdf") })
        // The website links what was built, with its size.
        let home = try #require(report.files.first { $0.path == "index.html" }?.text)
        #expect(home.contains("Download the report: <a href=\"/gazette/the-fixture-gazette.epub\" download>EPUB</a>"))
        #expect(!home.contains(".pdf"))
    }

    @Test("with --require-print a missing engine fails the build and leaves the previous output as it was")
    func missingEngineRequired() throws {
        let site = try FixtureSite(EverythingSite.files)
        defer { site.delete() }
        let output = site.root.appendingPathComponent("Output")
        _ = try SiteBuilder.build(SiteBuilder.Options(root: site.root, output: output))
        let before = try FixtureSite.contents(of: output)
        var options = SiteBuilder.Options(root: site.root, output: output)
        options.printEdition = .build(required: true)
        options.typesetter = PDFTypesetter(environment: ["BROADSHEET_PYTHON": "/nonexistent/python3"])
        let error = #expect(throws: DiagnosticsError.self) { try SiteBuilder.build(options) }
        #expect(error?.diagnostics.map(\.severity) == [.error])
        #expect(error?.diagnostics.first?.message == "the PDF edition was not built: python3 was not found")
        #expect(try FixtureSite.contents(of: output) == before)
    }

    @Test("a PDF that fails to typeset fails the build and leaves the previous output untouched")
    func typesettingFailure() throws {
        let site = try FixtureSite(EverythingSite.files)
        defer { site.delete() }
        let output = site.root.appendingPathComponent("Output")
        _ = try SiteBuilder.build(SiteBuilder.Options(root: site.root, output: output))
        let before = try FixtureSite.contents(of: output)
        let python = try Self.fakePython(in: site.root, typeset: "echo 'error: unknown font family' >&2\nexit 2")
        var options = SiteBuilder.Options(root: site.root, output: output)
        options.printEdition = .build(required: false)
        options.typesetter = PDFTypesetter(environment: ["BROADSHEET_PYTHON": python.path])
        let error = #expect(throws: DiagnosticsError.self) { try SiteBuilder.build(options) }
        #expect(
            error?.diagnostics.first?.message == "Typst could not typeset the print edition: error: unknown font family")
        #expect(error?.diagnostics.first?.location.path == "Content/site.yaml")
        #expect(try FixtureSite.contents(of: output) == before)
    }

    @Test("the PDF the engine writes becomes Output/<file>.pdf, linked with its size")
    func typesetPDFIsOutput() throws {
        let site = try FixtureSite(EverythingSite.files)
        defer { site.delete() }
        let python = try Self.fakePython(in: site.root, typeset: "printf '%%PDF-1.7 fake' > \"$3/out.pdf\"")
        var options = SiteBuilder.Options(root: site.root, write: false)
        options.printEdition = .build(required: true)
        options.typesetter = PDFTypesetter(environment: ["BROADSHEET_PYTHON": python.path])
        let report = try SiteBuilder.build(options)
        #expect(report.files.first { $0.path == "the-fixture-gazette.pdf" }?.text == "%PDF-1.7 fake")
        let about = try #require(report.files.first { $0.path == "about/index.html" }?.text)
        #expect(
            about.contains(
                "<a href=\"/gazette/the-fixture-gazette.pdf\" download>PDF</a> <span class=\"muted\">(13 bytes)</span>"))
    }

    @Test("Typst's warnings (a missing font) become one warning each, and the PDF is still written")
    func engineWarnings() throws {
        let site = try FixtureSite(EverythingSite.files)
        defer { site.delete() }
        let python = try Self.fakePython(
            in: site.root,
            typeset:
                "printf '%%PDF' > \"$3/out.pdf\"\necho 'warning: unknown font family: noto serif' >&2\necho 'warning: unknown font family: noto serif' >&2"
        )
        var options = SiteBuilder.Options(root: site.root, write: false)
        options.printEdition = .build(required: true)
        options.typesetter = PDFTypesetter(environment: ["BROADSHEET_PYTHON": python.path])
        let report = try SiteBuilder.build(options)
        #expect(report.warnings.map(\.message) == ["Typst: unknown font family: noto serif"])
        #expect(report.files.contains { $0.path == "the-fixture-gazette.pdf" })
    }

    @Test(
        "the real engine typesets a page and reports its warnings",
        .enabled(if: PDFTypesetter().availability() == .available, "Typst is not installed (Scripts/setup installs it)"))
    func realEngine() throws {
        let source = TypstSource(main: "#set text(font: \"No Such Font\")\nHello\n", files: [:])
        let typeset = try PDFTypesetter().typeset(source, location: SourceLocation(path: "Content/site.yaml"))
        #expect(typeset.pdf.starts(with: Data("%PDF-".utf8)))
        #expect(typeset.warnings.map(\.message) == ["Typst: unknown font family: no such font"])
    }

    @Test("check renders the engine input and the EPUB but runs no engine")
    func checkRunsNoEngine() throws {
        let site = try FixtureSite(EverythingSite.files)
        defer { site.delete() }
        var options = SiteBuilder.Options(root: site.root, write: false)
        options.printEdition = .check
        options.typesetter = PDFTypesetter(environment: ["BROADSHEET_PYTHON": "/nonexistent/python3"])
        let report = try SiteBuilder.build(options)
        #expect(report.warnings.isEmpty)
    }
}
