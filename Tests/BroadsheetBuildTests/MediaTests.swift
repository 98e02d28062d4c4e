import BroadsheetContent
import BroadsheetCore
import BroadsheetDocument
import Foundation
import Testing

@testable import BroadsheetBuild

/// `Content/media/`: files copied under hashed names, images sized, alt text required, and
/// images absolute in email and written as text in the EPUB.
@Suite("Media and images")
struct MediaTests {
    /// A 640 × 480 PNG header (enough for the size; browsers are not asked to draw it).
    static let png: [UInt8] =
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8) + [0, 0, 2, 128, 0, 0, 1, 224]
        + [8, 6, 0, 0, 0]

    private func site(_ body: String, media: [String: [UInt8]] = ["photo.png": png]) throws -> FixtureSite {
        var files = EverythingSite.files
        files["Content/articles/pictures.md"] = "---\ntitle: Pictures\ndate: 2024-01-02\n---\n\n" + body + "\n"
        let site = try FixtureSite(files)
        for (name, bytes) in media {
            let url = site.root.appendingPathComponent("Content/media/" + name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
        return site
    }

    private func diagnostics(_ site: FixtureSite) -> [Diagnostic] {
        do {
            return try SiteBuilder.build(SiteBuilder.Options(root: site.root, write: false)).warnings
        } catch {
            return error.diagnostics
        }
    }

    @Test("an image in media/ is published under a hashed name with its width and height")
    func publishedAndSized() throws {
        let site = try site("![A photo](media/photo.png) and ![The same](/media/photo.png \"Title\").")
        defer { site.delete() }
        let report = try SiteBuilder.build(SiteBuilder.Options(root: site.root, write: false))
        let hashed = "media/" + MediaLibrary.hashedName("photo.png", data: Data(Self.png))
        #expect(hashed.hasPrefix("media/photo.") && hashed.hasSuffix(".png") && hashed.count == "media/photo.12345678.png".count)
        #expect(report.files.contains { $0.path == hashed })
        let page = try #require(report.files.first { $0.path == "articles/pictures/index.html" }?.text)
        #expect(page.contains(#"<img src="/gazette/\#(hashed)" alt="A photo" width="640" height="480" />"#))
        #expect(page.contains(#"<img src="/gazette/\#(hashed)" alt="The same" title="Title" width="640" height="480" />"#))
    }

    @Test("front matter `image:` becomes the card image, og:image and the JSON-LD image")
    func documentImage() throws {
        let site = try site("Nothing.")
        defer { site.delete() }
        try site.write(
            "Content/articles/pictures.md", "---\ntitle: Pictures\ndate: 2024-01-02\nimage: photo.png\n---\n\nText.\n")
        let report = try SiteBuilder.build(SiteBuilder.Options(root: site.root, write: false))
        let hashed = "media/" + MediaLibrary.hashedName("photo.png", data: Data(Self.png))
        let page = try #require(report.files.first { $0.path == "articles/pictures/index.html" }?.text)
        #expect(page.contains(#"<meta property="og:image" content="https://example.org/gazette/\#(hashed)">"#))
        #expect(page.contains(#"<meta property="og:image:width" content="640">"#))
        #expect(
            page.contains(
                #""image":{"@type":"ImageObject","height":480,"url":"https://example.org/gazette/\#(hashed)","width":640}"#))
        // The fixture pages its lists one card at a time: the card is on one of the archive's pages.
        let archive = report.files.filter { $0.path.hasPrefix("archive/") }.compactMap(\.text).joined()
        #expect(
            archive.contains(
                #"<img class="card-image" src="/gazette/\#(hashed)" alt="" width="640" height="480" loading="lazy">"#))
        try site.write(
            "Content/articles/pictures.md", "---\ntitle: Pictures\ndate: 2024-01-02\nimage: media/phot.png\n---\n\nText.\n")
        let errors = diagnostics(site).filter { $0.severity == .error }
        #expect(errors.map(\.description) == ["Content/articles/pictures.md:4:8: error: unknown media file 'phot.png'"])
        #expect(errors.first?.hint == "did you mean 'photo.png'?")
        try site.write("Content/media/notes.txt", "hi")
        try site.write(
            "Content/articles/pictures.md", "---\ntitle: Pictures\ndate: 2024-01-02\nimage: notes.txt\n---\n\nText.\n")
        #expect(
            diagnostics(site).filter { $0.severity == .error }.map(\.description) == [
                "Content/articles/pictures.md:4:8: error: the image 'notes.txt' is not a PNG, JPEG, GIF, WebP or SVG file"
            ])
    }

    @Test("hashed names are deterministic and change with the bytes")
    func hashedNames() {
        let first = MediaLibrary.hashedName("maps/china.png", data: Data([1, 2, 3]))
        #expect(first == MediaLibrary.hashedName("maps/china.png", data: Data([1, 2, 3])))
        #expect(first != MediaLibrary.hashedName("maps/china.png", data: Data([1, 2, 4])))
        #expect(first.hasPrefix("maps/china.") && first.hasSuffix(".png"))
        #expect(MediaLibrary.hashedName("README", data: Data()).hasPrefix("README."))
    }

    @Test("an image needs alt text; `decorative` writes an empty alt")
    func altText() throws {
        let site = try site("![](media/photo.png)\n\n![decorative](media/photo.png)")
        defer { site.delete() }
        let errors = diagnostics(site).filter { $0.severity == .error }
        #expect(errors.map(\.description) == ["Content/articles/pictures.md:6:5: error: this image has no alt text"])
        try site.write(
            "Content/articles/pictures.md", "---\ntitle: Pictures\ndate: 2024-01-02\n---\n\n![decorative](media/photo.png)\n")
        let report = try SiteBuilder.build(SiteBuilder.Options(root: site.root, write: false))
        let page = try #require(report.files.first { $0.path == "articles/pictures/index.html" }?.text)
        #expect(page.contains(#"alt="" width="640" height="480" />"#))
    }

    @Test("an unknown media file is an error with a did-you-mean")
    func unknownFile() throws {
        let site = try site("![A photo](media/phot.png)")
        defer { site.delete() }
        let errors = diagnostics(site).filter { $0.severity == .error }
        #expect(errors.map(\.description) == ["Content/articles/pictures.md:6:12: error: unknown media file 'phot.png'"])
        #expect(errors.first?.hint == "did you mean 'photo.png'?")
    }

    @Test("an image whose header cannot be read is an error at the file")
    func brokenImage() throws {
        let site = try site("Nothing.", media: ["cut.png": Array(Self.png.prefix(20)), "notes.txt": Array("hi".utf8)])
        defer { site.delete() }
        let errors = diagnostics(site).filter { $0.severity == .error }
        #expect(
            errors.map(\.description) == [
                "Content/media/cut.png: error: cannot read the image's size: the PNG header is cut short"
            ])
    }

    @Test("an unknown folder in Content/ is a warning")
    func unknownFolder() throws {
        let site = try site("Nothing.")
        defer { site.delete() }
        try site.write("Content/images/x.txt", "x")
        let warnings = diagnostics(site).filter { $0.severity == .warning && $0.location.path == "Content/images" }
        #expect(
            warnings.map(\.message) == [
                "ignored: Content/ holds only site.yaml, articles/, pages/, newsletters/, facts/ and media/"
            ])
        #expect(warnings.first?.hint?.contains("Content/media/") == true)
    }

    @Test("email images are absolute; the EPUB writes them as text")
    func otherOutputs() throws {
        var files = EverythingSite.files
        files["Content/newsletters/first.md"] = files["Content/newsletters/first.md"]!.replacingOccurrences(
            of: "Hello from the desk.", with: "![A photo](media/photo.png) Hello from the desk.")
        let site = try FixtureSite(files)
        defer { site.delete() }
        try FileManager.default.createDirectory(
            at: site.root.appendingPathComponent("Content/media"), withIntermediateDirectories: true)
        try Data(Self.png).write(to: site.root.appendingPathComponent("Content/media/photo.png"))
        let report = try SiteBuilder.build(SiteBuilder.Options(root: site.root, write: false))
        let hashed = MediaLibrary.hashedName("photo.png", data: Data(Self.png))
        let emails = report.files.filter { $0.path.hasPrefix("newsletters/") && $0.path.hasSuffix(".html") }
        #expect(emails.contains { $0.text?.contains("src=\"https://example.org/gazette/media/\(hashed)\"") == true })
        let html = HTMLWriter<Never>.html(
            [.image(ResolvedLink(target: .sitePath, href: "/m.png", width: 1, height: 1), alt: [.text("A & B")])],
            style: HTMLStyle.website.withImagesAsText)
        #expect(html == "<span class=\"image-alt\">[Image: A &amp; B]</span>")
    }
}
