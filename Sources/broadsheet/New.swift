import ArgumentParser
import BroadsheetBuild
import BroadsheetContent
import BroadsheetCore
import Foundation

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a new article or page with its front matter.",
        discussion: HelpText.reflow(
            """
            Writes Content/articles/<slug>.md (or Content/pages/<slug>.md) with the title, today's
            date and empty tags, the slug made from the title, and the summary as a comment to
            fill in. New articles are drafts (`draft: true`): they appear with
            `broadsheet serve --drafts` and are published once the line is removed. An existing
            file is never overwritten. It runs in a site's folder (one with Content/site.yaml),
            or in the one given with --root.

            Examples:
              broadsheet new article "WeChat Pay arrives on Taobao"
              broadsheet new page "Corrections" --slug corrections
              broadsheet new article "Title" --root my-site
            """))

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case article, page
    }

    @Argument(help: "What to create: article or page.")
    var kind: Kind

    @Argument(help: "The title, in quotes.")
    var title: String

    @Option(name: .long, help: ArgumentHelp("The URL slug (default: made from the title).", valueName: "slug"))
    var slug: String?

    @Option(name: .long, help: ArgumentHelp("The site folder, holding Content/.", valueName: "dir"))
    var root: String = "."

    func run() throws {
        let rootURL = URL(fileURLWithPath: root, isDirectory: true).standardizedFileURL
        let reporter = Reporter(root: rootURL)
        let scaffold: DocumentScaffold
        switch DocumentScaffold.make(
            kind: kind == .article ? .article : .page, title: title, slug: slug, date: SiteFolder.today())
        {
        case .success(let made): scaffold = made
        case .failure(let diagnostic): throw reporter.fail(diagnostic)
        }
        // After the title's checks (they need no site), before anything is written.
        if let problem = SiteFolder.check(rootURL, displayRoot: root) { throw reporter.fail(problem) }
        do {
            try NewFile.create(
                rootURL.appendingPathComponent(scaffold.path), data: Data(scaffold.text.utf8), displayPath: scaffold.path)
        } catch {
            throw reporter.fail(error)
        }
        print("Created \(scaffold.path)\(kind == .article ? " (a draft: preview it with broadsheet serve --drafts)" : "").")
    }
}
