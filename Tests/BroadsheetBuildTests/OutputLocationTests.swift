import Testing

@testable import BroadsheetBuild

@Suite("Output folders no build may take")
struct OutputLocationTests {
    static let root = "/home/editor/report"
    static let home = "/home/editor"

    @Test(
        "the file system, the home folder, folders holding them or the site, and the sources are refused",
        arguments: [
            ("/", "refusing to build into '/'"),
            ("/home/editor", "refusing to build into your home folder"),
            ("/home", "refusing to build into /home: it holds your home folder"),
            ("/home/editor/report", "would replace the site's sources"),
            ("/home/editor/report/Content", "would replace the site's sources"),
            ("/home/editor/report/Templates", "would replace the site's sources"),
            ("/home/editor/report/Content/site", "is inside the site's sources"),
            ("/home/editor/report/Templates/assets/out", "is inside the site's sources"),
        ])
    func refused(_ output: String, _ message: String) throws {
        let refusal = try #require(OutputLocation.refusal(for: output, siteRoot: Self.root, home: Self.home))
        #expect(refusal.message.contains(message))
        #expect(refusal.hint == "choose a separate folder, e.g. --output /home/editor/report/Output")
    }

    @Test(
        "separate folders are allowed, including ones beside the site and inside home",
        arguments: ["/home/editor/report/Output", "/home/editor/site", "/tmp/site", "/home/editor/report-out", "/home/editorial"])
    func allowed(_ output: String) {
        #expect(OutputLocation.refusal(for: output, siteRoot: Self.root, home: Self.home) == nil)
    }

    @Test("a site at the file system's root still refuses '/' and allows other folders")
    func siteAtRoot() {
        #expect(OutputLocation.refusal(for: "/", siteRoot: "/", home: nil) != nil)
        #expect(OutputLocation.refusal(for: "/srv/out", siteRoot: "/srv/site", home: "/") == nil)
    }
}
