import BroadsheetCore
import BroadsheetTheme
import Foundation

/// `broadsheet init`: a minimal site that builds and serves at once, with no errors or warnings.
///
/// It has a commented site.yaml, one article, one page and an empty facts folder with a README;
/// no templates (the built-in theme supplies them) unless asked to copy the theme out.
public enum SiteStarter {
    /// The files of a new site, by path relative to its folder.
    ///
    /// - Parameters:
    ///   - date: today as `YYYY-MM-DD`, the first article's date (injected for tests).
    ///   - withTemplates: also copy the built-in theme into `Templates/` to customise it.
    public static func files(date: String, withTemplates: Bool) -> [(path: String, data: Data)] {
        var files: [(String, Data)] = [
            ("Content/site.yaml", Data(siteYAML.utf8)),
            ("Content/articles/welcome.md", Data(article(date: date).utf8)),
            ("Content/pages/about.md", Data(aboutPage.utf8)),
            ("Content/facts/README.md", Data(factsReadme.utf8)),
            (".gitignore", Data("# What broadsheet build writes.\n/Output/\n/.Output.broadsheet-spare/\n".utf8)),
        ]
        if withTemplates {
            files += BuiltInTheme.files.map { ("Templates/" + $0.path, $0.data) }
        }
        return files.sorted { $0.0 < $1.0 }
    }

    /// Writes a new site into `folder`, creating it if needed; `displayPath` names the folder in
    /// messages. Refuses a folder that is not empty, and never overwrites a file.
    ///
    /// Returns the paths written, relative to the folder.
    public static func start(in folder: URL, displayPath: String, date: String, withTemplates: Bool) throws(Diagnostic)
        -> [String]
    {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) {
            guard isFolder.boolValue else {
                throw .error(
                    at: SourceLocation(path: displayPath), "this is a file, not a folder",
                    hint: "name a new folder for the site, e.g. broadsheet init my-site")
            }
            let entries: [String]
            do {
                entries = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            } catch {
                throw .error(
                    at: SourceLocation(path: displayPath), "cannot read the folder: \(error.localizedDescription)",
                    hint: "check the folder's permissions, or name a new folder, e.g. broadsheet init my-site")
            }
            guard entries.isEmpty else {
                let shown = entries.sorted().prefix(3).map { TerminalText.escaped($0) }.joined(separator: ", ")
                throw .error(
                    at: SourceLocation(path: displayPath),
                    "the folder is not empty (it holds \(shown)\(entries.count > 3 ? ", …" : ""))",
                    hint: "broadsheet init never overwrites files: name a new or empty folder, e.g. broadsheet init my-site")
            }
        }
        var written: [String] = []
        for file in files(date: date, withTemplates: withTemplates) {
            let display =
                displayPath == "." ? file.path : (displayPath.hasSuffix("/") ? displayPath : displayPath + "/") + file.path
            try NewFile.create(folder.appendingPathComponent(file.path), data: file.data, displayPath: display)
            written.append(file.path)
        }
        return written
    }

    static let siteYAML = """
        # The settings of the whole site. Lines starting with # are comments.
        # Change the values after the colons; `broadsheet check` says what is wrong, if anything.

        # The site's name, in every page's header and the browser's title bar.
        title: My Broadsheet
        # A line under the title (optional).
        subtitle: News and analysis, every claim sourced
        # The description search engines and link previews show for pages that have none.
        description: A new site made with Broadsheet.
        # The address the site will be published at, ending in /. Feeds, the sitemap and
        # link previews use it. It may have a path: https://example.org/news/
        baseURL: https://example.org/
        # The language of the text, as a BCP 47 code: en, en-GB, fr, zh-Hans…
        language: en
        # The default author of articles, and the publisher named in feeds and search results.
        author: The Editors
        publisher: My Broadsheet
        # How many of the latest articles the home page lists.
        homeArticleCount: 10
        # The theme's own words, in your publication's voice or language (all optional):
        # words:
        #   kicker: A Broadsheet report     # a line above the title; none by default
        #   lead: Featured                  # the label above the home page's lead article
        #   leadLink: Read the article      # its button
        #   latest: Latest                  # the heading of the latest articles
        #   search: Search this site        # the search box's label (read by screen readers)
        # The navigation bar, in order. /archive/ lists every article; /about/ is
        # Content/pages/about.md. With facts, add /timeline/, /entities/, /compare/ and /sources/.
        menu:
          - title: Archive
            url: /archive/
          - title: About
            url: /about/
        # The print edition: a PDF of the articles (typeset with Typst, which must be
        # installed: pip install typst) and an EPUB. Write `edition: true` to build both.
        edition: false

        """

    static func article(date: String) -> String {
        """
        ---
        title: Welcome to your new site
        date: \(date)
        summary: What this site is made of, and how to write the next article.
        tags: [site-news]
        ---

        This is the first article of your site. It lives in `Content/articles/welcome.md`:
        the lines between the two `---` at the top are its front matter (title, date, summary,
        tags), and everything below them is the article, written in Markdown.

        ## Writing the next one

        Run `broadsheet new article "Your title"` to start a new article. It starts as a draft:
        `broadsheet serve --drafts` shows it while you write, with live reload on every save,
        and removing the `draft: true` line publishes it.

        Link to other articles and pages by their slug, such as [the about page](page:about);
        Broadsheet checks every such link when it builds.

        ## Changing the look

        The site uses Broadsheet's built-in theme. To change a template or the stylesheet,
        put your own version of that file in `Templates/`: it replaces the built-in one, and
        everything else stays as it is. `broadsheet init --with-templates` starts a site with
        the whole theme copied out.

        """
    }

    static let aboutPage = """
        ---
        title: About
        summary: Who writes this site, and how to reach them.
        ---

        This page lives in `Content/pages/about.md` and is published at `/about/`. Pages are
        like articles without a date: use them for who you are, how you work and how to
        contact you.

        """

    static let factsReadme = """
        # Facts

        This folder is empty, and the site builds without it. Add facts here when your
        reporting needs them; Broadsheet then builds a timeline, entity pages, comparison
        tables and a bibliography from them, and checks every reference.

        - `sources.yaml`: the documents you cite (publisher, title, URL, date). Cite one in
          an article with `[text](source:ID)`.
        - `entities.yaml`: the people, companies and bodies you write about.
        - `events.yaml`: dated events, each with its sources, for the timeline.
        - `comparisons.yaml`: tables comparing entities, each cell with its source.
        - `series.yaml`: numbers over time, drawn as charts.

        Broadsheet reads only these five file names; this README is ignored.

        """
}
