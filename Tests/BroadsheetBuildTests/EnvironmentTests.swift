import BroadsheetBuild
import BroadsheetCore
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A small tmpfs for simulating a full or read-only disk; needs root (CAP_SYS_ADMIN).
struct Tmpfs {
    let mountPoint: URL

    /// Whether this machine can mount a tmpfs (checked once by mounting and unmounting one).
    static let isAvailable: Bool = {
        guard getuid() == 0 else { return false }
        do {
            try Tmpfs(kilobytes: 64).unmount()
            return true
        } catch {
            return false
        }
    }()

    init(kilobytes: Int, readOnly: Bool = false) throws {
        mountPoint = FileManager.default.temporaryDirectory.appendingPathComponent("bs-tmpfs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: mountPoint, withIntermediateDirectories: true)
        let options = "size=\(kilobytes)k" + (readOnly ? ",ro" : "")
        guard mount("tmpfs", mountPoint.path, "tmpfs", 0, options) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: mountPoint)
            throw TmpfsError(reason: reason)
        }
    }

    func unmount() {
        umount2(mountPoint.path, Int32(MNT_DETACH))
        try? FileManager.default.removeItem(at: mountPoint)
    }

    struct TmpfsError: Error { var reason: String }
}

/// Every file under `folder` with its bytes, for before/after comparisons.
private func snapshot(_ folder: URL) throws -> [String: Data] { try FixtureSite.contents(of: folder) }

@Suite("Environment: missing folders, unwritable and full disks, links out of the site", .serialized)
struct EnvironmentTests {
    @Test("a site root that does not exist")
    func missingRoot() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("bs-missing-\(UUID().uuidString)")
        do {
            _ = try SiteBuilder.build(SiteBuilder.Options(root: root))
            Issue.record("the build should have failed")
        } catch {
            #expect(
                DiagnosticFormatter(root: nil).format(error.diagnostics) == """
                    \(root.path): error: the site folder does not exist
                        hint: pass the site's folder (the one holding Content/) with --root

                    """)
        }
        #expect(!FileManager.default.fileExists(atPath: root.path))
    }

    @Test(
        "an output folder on a read-only file system: a clear error, nothing changed",
        .enabled(if: Tmpfs.isAvailable, "needs root to mount a read-only tmpfs"))
    func readOnlyOutput() throws {
        let site = try FixtureSite(EverythingSite.files)
        defer { site.delete() }
        let disk = try Tmpfs(kilobytes: 1024, readOnly: true)
        defer { disk.unmount() }
        let (report, failed) = buildReport(site, output: disk.mountPoint.appendingPathComponent("Output"))
        #expect(failed)
        #expect(
            report.replacingOccurrences(of: disk.mountPoint.path, with: "DISK") == """
                DISK/Output: error: cannot write the site: Read-only file system (Output); the previous output was left untouched
                    hint: check free disk space and that the output folder is writable
                Failed with 1 error; nothing was written.

                """)
        #expect(try FileManager.default.contentsOfDirectory(atPath: disk.mountPoint.path).isEmpty)
    }

    @Test(
        "a full disk: a clear error, the previous output byte for byte, no leftovers",
        .enabled(if: Tmpfs.isAvailable, "needs root to mount a small tmpfs"))
    func fullDisk() throws {
        let site = try FixtureSite(EverythingSite.files)
        defer { site.delete() }
        let disk = try Tmpfs(kilobytes: 2048)
        defer { disk.unmount() }
        let output = disk.mountPoint.appendingPathComponent("Output")
        _ = try SiteBuilder.build(SiteBuilder.Options(root: site.root, output: output))
        let before = try snapshot(output)
        // A 3 MB article cannot fit beside the first build on a 2 MB disk.
        let words = String(repeating: "Words that fill the disk. ", count: 120_000)
        try site.write("Content/articles/huge.md", "---\ntitle: Huge\ndate: 2021-01-01\n---\n\n\(words)\n")
        let (report, failed) = buildReport(site, output: output)
        #expect(failed)
        #expect(report.contains("error: cannot write the site: No space left on device"))
        #expect(report.contains("the previous output was left untouched"))
        #expect(try snapshot(output) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: disk.mountPoint.path).sorted() == ["Output"])
    }

    /// Links out of the site, each with the exact error it must give.
    static let outsideLinks: [(link: String, expected: String)] = [
        ("Content/articles/linked.md", "Content/articles/linked.md"),
        ("Content/site.yaml", "Content/site.yaml"),
        ("Content/facts/sources.yaml", "Content/facts/sources.yaml"),
        ("Templates/partials/linked.mustache", "Templates/partials/linked.mustache"),
        ("Content/newsletters/linked.md", "Content/newsletters/linked.md"),
    ]

    @Test("a file linked from outside the site is refused", arguments: [0, 1, 2, 3, 4])
    func linksOutOfTheSite(_ index: Int) throws {
        let (link, path) = Self.outsideLinks[index]
        let site = try FixtureSite(EverythingSite.files)
        defer { site.delete() }
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("bs-outside-\(UUID().uuidString)")
        try Data("---\ntitle: Secret\ndate: 2021-01-01\n---\nsecret\n".utf8).write(to: outside)
        defer { try? FileManager.default.removeItem(at: outside) }
        let url = site.root.appendingPathComponent(link)
        if FileManager.default.fileExists(atPath: url.path) { try FileManager.default.removeItem(at: url) }
        try FileManager.default.createSymbolicLink(at: url, withDestinationURL: outside)
        let (report, failed) = buildReport(site)
        #expect(failed)
        let real = outside.resolvingSymlinksInPath().path
        #expect(
            report == """
                \(path): error: this file is a link to \(real), outside the site folder
                    hint: copy the file into the site instead of linking to it; links may only point inside ROOT
                Failed with 1 error; nothing was written.

                """)
    }

    @Test("a linked folder of articles outside the site is refused; links inside the site are followed")
    func linkedFolders() throws {
        let site = try FixtureSite(EverythingSite.files)
        defer { site.delete() }
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("bs-outside-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: outside) }
        try Data("---\ntitle: Secret\ndate: 2021-01-01\n---\nsecret\n".utf8).write(to: outside.appendingPathComponent("s.md"))
        // Inside the site: a link to another file of the site is fine.
        try FileManager.default.createSymbolicLink(
            at: site.root.appendingPathComponent("Content/articles/again.md"),
            withDestinationURL: site.root.appendingPathComponent("Content/articles/opening.md"))
        #expect(!buildReport(site).failed)

        try FileManager.default.removeItem(at: site.root.appendingPathComponent("Content/pages"))
        try FileManager.default.createSymbolicLink(
            at: site.root.appendingPathComponent("Content/pages"), withDestinationURL: outside)
        let (report, failed) = buildReport(site)
        #expect(failed)
        #expect(report.hasPrefix("Content/pages/s.md: error: this file is a link to "))
        #expect(!report.contains("secret"))
    }
}
