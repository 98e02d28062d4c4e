import ArgumentParser
import BroadsheetBuild
import BroadsheetCore
import Foundation

/// `broadsheet init`: a new site that builds and serves at once.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a new site: settings, one article, one page and an empty facts folder.",
        discussion: HelpText.reflow(
            """
            Writes Content/site.yaml (every setting explained in a comment), an article, an
            about page and Content/facts/ with a README, into DIR (created if missing). The site
            builds and serves at once with Broadsheet's built-in theme; put a file of the same
            name in DIR/Templates/ to replace one of the theme's templates, partials or assets.
            --with-templates copies the whole theme there to change everything.

            DIR must be new or empty: init never overwrites a file.

            Examples:
              broadsheet init my-site
              broadsheet init my-site --with-templates
              cd my-site && broadsheet serve
            """))

    @Argument(help: ArgumentHelp("The folder of the new site (default: the current folder).", valueName: "dir"))
    var folder: String = "."

    @Flag(name: .customLong("with-templates"), help: "Copy the built-in theme into DIR/Templates/ to customise it.")
    var withTemplates = false

    func run() throws {
        let url = URL(fileURLWithPath: folder, isDirectory: true).standardizedFileURL
        let written: [String]
        do {
            written = try SiteStarter.start(
                in: url, displayPath: folder, date: SiteFolder.today(), withTemplates: withTemplates)
        } catch {
            throw Reporter(root: url).fail(error)
        }
        let shown = TerminalText.escaped(folder)
        print("Created a new site in \(shown) (\(written.count) files).")
        if withTemplates { print("The built-in theme is in \(shown)/Templates/: every file there is yours to change.") }
        print("Next:")
        if folder != "." { print("  cd \(shown)") }
        print("  broadsheet serve          preview it at http://127.0.0.1:4000/")
        print("  broadsheet new article \"Title\"")
        print("  broadsheet build          write the site into Output/")
    }
}
