import BroadsheetBuild
import BroadsheetCore
import BroadsheetSearch
import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The "everything" fixture built end to end and compared, file by file, with golden output.
///
/// Re-record on purpose with `BROADSHEET_RECORD=1 swift test --filter EverythingSiteTests`
/// and review the diff of `Tests/BroadsheetBuildTests/Golden/everything/`.
@Suite("Everything fixture")
struct EverythingSiteTests {
    static let golden = FixtureSite.packageRoot.appendingPathComponent("Tests/BroadsheetBuildTests/Golden/everything")

    @Test("builds the expected site")
    func matchesGolden() throws {
        let site = try FixtureSite(EverythingSite.files)
        defer { site.delete() }
        let output = site.root.appendingPathComponent("Output")
        let report = try SiteBuilder.build(SiteBuilder.Options(root: site.root, output: output))
        #expect(report.warnings.isEmpty, "\(report.warnings)")
        var actual = try FixtureSite.contents(of: output)
        // The manifest names every file the build wrote, and nothing else.
        let manifest = try #require(actual.removeValue(forKey: ".broadsheet-manifest").map { String(decoding: $0, as: UTF8.self) })
        #expect(Set(manifest.split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init)) == Set(actual.keys))
        // Assets are copies of the repository's files; their presence is checked, their bytes are not golden.
        #expect(actual["assets/style.css"] != nil)
        #expect(actual["assets/broadsheet.js"] != nil)
        actual = actual.filter { !$0.key.hasPrefix("assets/") }
        // The cache-busting suffix hashes the repository's stylesheet and script, which change
        // on their own; it is checked for shape here and normalised in the golden files.
        let html = try #require(actual["index.html"].map { String(decoding: $0, as: UTF8.self) })
        #expect(html.range(of: #"style\.css\?v=[0-9a-f]{1,16}""#, options: .regularExpression) != nil)
        actual = actual.mapValues(Self.normalisingAssetVersions)
        // Search entry packs are zlib-compressed: their golden files hold the JSON inside, readable in a diff.
        for (path, data) in actual where path.hasPrefix("search/entries/") {
            #expect(path.hasSuffix(".pack"), "\(path): entries are packed")
            actual[path] = try SearchIndexRenderer.unpack(data)
        }

        if ProcessInfo.processInfo.environment["BROADSHEET_RECORD"] == "1" {
            try? FileManager.default.removeItem(at: Self.golden)
            for (path, data) in actual {
                let url = Self.golden.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
            }
            return
        }
        let expected = try FixtureSite.contents(of: Self.golden)
        #expect(Set(actual.keys) == Set(expected.keys), "files differ from the golden set")
        for path in actual.keys.sorted() where expected[path] != nil && expected[path] != actual[path] {
            let lineDiff = Self.firstDifference(expected[path]!, actual[path]!)
            Issue.record(
                "\(path) differs from its golden file at line \(lineDiff.line):\n- \(lineDiff.expected)\n+ \(lineDiff.actual)")
        }
    }

    @Test("drafts are built only when asked, with a badge")
    func drafts() throws {
        let site = try FixtureSite(EverythingSite.files)
        defer { site.delete() }
        let plain = try SiteBuilder.build(SiteBuilder.Options(root: site.root, write: false))
        #expect(!plain.files.contains { $0.path == "articles/draft/index.html" })
        let withDrafts = try SiteBuilder.build(SiteBuilder.Options(root: site.root, includeDrafts: true, write: false))
        let draft = try #require(withDrafts.files.first { $0.path == "articles/draft/index.html" }?.text)
        #expect(draft.contains("<span class=\"badge draft\">Draft</span>"))
    }

    @Test("the same input builds byte-identical output")
    func deterministic() throws {
        let site = try FixtureSite(EverythingSite.files)
        defer { site.delete() }
        let first = try SiteBuilder.build(SiteBuilder.Options(root: site.root, write: false)).files
        let second = try SiteBuilder.build(SiteBuilder.Options(root: site.root, write: false)).files
        #expect(first == second)
    }

    @Test("the timeline chart is well-formed XML with accessible text")
    func chartIsXML() throws {
        let site = try FixtureSite(EverythingSite.files)
        defer { site.delete() }
        let report = try SiteBuilder.build(SiteBuilder.Options(root: site.root, write: false))
        let html = try #require(report.files.first { $0.path == "timeline/index.html" }?.text)
        let start = try #require(html.range(of: "<svg"))
        let end = try #require(html.range(of: "</svg>"))
        let svg = String(html[start.lowerBound..<end.upperBound])
        let document = try XMLDocument(xmlString: svg)
        let root = try #require(document.rootElement())
        #expect(root.name == "svg")
        let title = try #require(root.elements(forName: "title").first)
        #expect(title.stringValue == "Timeline overview, 2013–2024")
        let description = try #require(root.elements(forName: "desc").first?.stringValue)
        #expect(description.hasPrefix("4 events from November 2013 to 12 September 2024, in lanes for Tencent, Alibaba, Others."))
        #expect(
            root.attributes?.first { $0.name == "aria-labelledby" }?.stringValue == "timeline-chart-title timeline-chart-desc")
        #expect(svg.components(separatedBy: "<circle").count - 1 == 7)
    }

    /// Replaces `?v=<hex>` after asset URLs with a fixed marker.
    static func normalisingAssetVersions(_ data: Data) -> Data {
        let text = String(decoding: data, as: UTF8.self)
        guard text.contains("?v=") else { return data }
        let normalised = text.replacingOccurrences(
            of: #"\?v=[0-9a-f]{1,16}""#, with: "?v=VERSION\"", options: .regularExpression)
        return Data(normalised.utf8)
    }

    static func firstDifference(_ expected: Data, _ actual: Data) -> (line: Int, expected: String, actual: String) {
        let left = String(decoding: expected, as: UTF8.self).components(separatedBy: "\n")
        let right = String(decoding: actual, as: UTF8.self).components(separatedBy: "\n")
        for index in 0..<max(left.count, right.count) {
            let a = index < left.count ? left[index] : "<end of file>"
            let b = index < right.count ? right[index] : "<end of file>"
            if a != b { return (index + 1, a, b) }
        }
        return (0, "", "")
    }
}
