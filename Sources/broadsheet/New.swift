import ArgumentParser
import BroadsheetContent
import BroadsheetCore
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a new article or page with its front matter.",
        discussion: """
            Writes Content/articles/<slug>.md (or Content/pages/<slug>.md) with the title, today's
            date and empty summary and tags, the slug made from the title. New articles are drafts
            (`draft: true`): they appear with `broadsheet serve --drafts` and are published once
            the line is removed. An existing file is never overwritten.

            Examples:
              broadsheet new article "WeChat Pay arrives on Taobao"
              broadsheet new page "Corrections" --slug corrections
            """)

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case article, page
    }

    @Argument(help: "What to create: article or page.")
    var kind: Kind

    @Argument(help: "The title, in quotes.")
    var title: String

    @Option(name: .long, help: ArgumentHelp("The URL slug (default: made from the title).", valueName: "slug"))
    var slug: String?

    @Option(name: .long, help: ArgumentHelp("The site folder, holding Content/ and Templates/.", valueName: "dir"))
    var root: String = "."

    func run() throws {
        let rootURL = URL(fileURLWithPath: root, isDirectory: true).standardizedFileURL
        let formatter = DiagnosticFormatter(root: rootURL, colored: isatty(STDERR_FILENO) != 0)
        let scaffold: DocumentScaffold
        switch DocumentScaffold.make(kind: kind == .article ? .article : .page, title: title, slug: slug, date: Self.today()) {
        case .success(let made): scaffold = made
        case .failure(let diagnostic):
            Reporter.printError(formatter.format([diagnostic]))
            throw ExitCode.failure
        }
        let file = rootURL.appendingPathComponent(scaffold.path)
        do {
            try Self.create(file, text: scaffold.text)
        } catch {
            Reporter.printError(formatter.format([error]))
            throw ExitCode.failure
        }
        print("Created \(scaffold.path)\(kind == .article ? " (a draft: preview it with broadsheet serve --drafts)" : "").")
    }

    /// Today in the local time zone, as YYYY-MM-DD.
    private static func today() -> String {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        return String(format: "%04d-%02d-%02d", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday))
    }

    /// Creates the file only if it does not exist (O_EXCL), so nothing is ever overwritten.
    private static func create(_ file: URL, text: String) throws(Diagnostic) {
        let folder = file.deletingLastPathComponent()
        let relative = "Content/" + folder.lastPathComponent + "/" + file.lastPathComponent
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw .error(
                at: SourceLocation(path: relative), "cannot create the folder: \(error.localizedDescription)",
                hint: "check that the site folder is writable, or pass the right one with --root")
        }
        let descriptor = open(file.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            let code = errno
            throw .error(
                at: SourceLocation(path: relative),
                code == EEXIST ? "this file already exists" : "cannot create this file: \(String(cString: strerror(code)))",
                hint: code == EEXIST ? "edit it, or choose another title or --slug" : "check the folder's permissions")
        }
        defer { close(descriptor) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count else {
            throw .error(
                at: SourceLocation(path: relative), "cannot write this file: \(String(cString: strerror(errno)))",
                hint: "free some disk space; remove the empty file it left and run the command again")
        }
    }
}
