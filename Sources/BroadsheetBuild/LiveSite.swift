import BroadsheetContent
import BroadsheetCore
import BroadsheetDocument
import BroadsheetFacts
import BroadsheetNewsletter
import BroadsheetSearch
import BroadsheetSite
import BroadsheetTemplates
import Foundation

/// A site built in memory and kept up to date as its sources change: what the preview
/// server serves, and what the incremental benchmark measures.
///
/// An edited article or page is reloaded and resolved alone, and only the pages that show
/// it are rendered again (its own page; when its title, date, excerpt or tags changed, the
/// lists and its neighbours; the feeds when it is among the latest; the fact pages when its
/// citations or components changed). Any other change (site.yaml, facts, templates, assets,
/// a new, deleted or renamed file, any newsletter edition) rebuilds everything, still in
/// memory; an edited article that editions feature re-renders those editions too.
public struct LiveSite: Sendable {
    /// What one update did.
    public struct Update: Sendable {
        /// Output paths whose bytes changed, were added or removed.
        public var changedPaths: [String]
        /// True when the change needed a full rebuild.
        public var wasFullRebuild: Bool
        /// Warnings found on the way.
        public var warnings: [Diagnostic]
    }

    /// The current output, by path.
    public private(set) var files: [String: OutputFile]
    /// The warnings of the current site, as `broadsheet check` would print them: those of the
    /// last full build, with an edited document's own warnings replaced after an incremental update.
    public private(set) var warnings: [Diagnostic]
    private let options: SiteBuilder.Options
    private var loaded: SourceLoader.Loaded
    private var site: Site
    private var rendering: WebsiteRendering
    private var search: SearchIndex
    private var resolver: SiteResolver.SingleDocumentResolver

    /// Builds the whole site in memory.
    public init(_ options: SiteBuilder.Options) throws(DiagnosticsError) {
        self.options = options
        let (loaded, site, rendering, search, files, warnings) = try Self.fullBuild(options)
        self.loaded = loaded
        self.site = site
        self.rendering = rendering
        self.search = search
        self.files = files
        self.warnings = warnings
        self.resolver = SiteResolver.SingleDocumentResolver(
            loaded.content, facts: loaded.facts, options: options.resolveOptions)
    }

    /// Brings the output up to date after `changedPaths` (relative to the root) changed on disk.
    ///
    /// On errors the previous output is kept and the diagnostics are thrown.
    public mutating func update(changedPaths: Set<String>) throws(DiagnosticsError) -> Update {
        if !options.versionsAssetURLs && !changedPaths.isEmpty
            && changedPaths.allSatisfy({ $0.hasPrefix(Assets.folder + "/") })
        {
            return try updateAssets()
        }
        let edits = changedPaths.compactMap { path in self.loaded.content.documents.first { $0.path == path } }
        let onlyDocumentEdits =
            edits.count == changedPaths.count
            && changedPaths.allSatisfy { FileManager.default.fileExists(atPath: options.root.appendingPathComponent($0).path) }
        if onlyDocumentEdits, let update = try updateDocuments(edits) { return update }
        let (loaded, site, rendering, search, files, warnings) = try Self.fullBuild(options)
        let changed = Self.changedPaths(from: self.files, to: files)
        (self.loaded, self.site, self.rendering, self.search, self.files, self.warnings) = (
            loaded, site, rendering, search, files, warnings
        )
        resolver = SiteResolver.SingleDocumentResolver(
            loaded.content, facts: loaded.facts, options: options.resolveOptions)
        return Update(changedPaths: changed, wasFullRebuild: true, warnings: warnings)
    }

    /// Reloads `Templates/assets/` alone: without versioned asset URLs no page mentions their bytes.
    private mutating func updateAssets() throws(DiagnosticsError) -> Update {
        let (assets, problems) = Assets.load(root: options.root)
        guard !problems.containsErrors else { throw DiagnosticsError(problems) }
        var next = files.filter { !$0.key.hasPrefix("assets/") }
        for file in assets.files { next[file.path] = file }
        // Copies are compared by their source URL, so an edited file in place would look unchanged:
        // every asset path that still exists counts as changed (there are only a few).
        var changed = Set(assets.files.map(\.path))
        changed.formUnion(files.keys.filter { $0.hasPrefix("assets/") && next[$0] == nil })
        loaded.assets = assets
        files = next
        self.warnings = self.warnings.filter { !$0.location.path.hasPrefix(Assets.folder + "/") } + problems
        return Update(changedPaths: changed.sorted(), wasFullRebuild: false, warnings: problems)
    }

    /// Re-renders what the edited documents affect; nil when an edit needs a full rebuild.
    private mutating func updateDocuments(_ previous: [LoadedDocument]) throws(DiagnosticsError) -> Update? {
        var content = loaded.content
        var site = self.site
        var warnings: [Diagnostic] = []
        var documents: [Document] = []
        var jobs: Set<WebsiteRenderer.Job> = []
        var changedArticles: Set<String> = []
        var orderChanged = false
        var editionsChanged = false
        // Every edited file is loaded before any is used, so all their problems are reported together.
        var reloads: [(old: LoadedDocument, new: LoadedDocument, problems: [Diagnostic])] = []
        var errors: [Diagnostic] = []
        for old in previous {
            switch SourceFile.read(old.path, in: options.root) {
            case .success(let file):
                let (reloaded, problems) = DocumentLoader.load(file, kind: old.kind, defaultAuthor: content.config.author)
                if let reloaded, !problems.containsErrors {
                    reloads.append((old, reloaded, problems))
                } else {
                    errors += problems
                }
            case .failure(let diagnostic): errors.append(diagnostic)
            }
        }
        guard errors.isEmpty else { throw DiagnosticsError(errors) }
        for (old, reloaded, problems) in reloads {
            // A new slug or draft state changes links, lists and URLs everywhere.
            // So do its old addresses (redirect pages, the sitemap, collisions with other pages).
            guard reloaded.slug == old.slug, reloaded.isDraft == old.isDraft, reloaded.aliases == old.aliases else {
                return nil
            }
            if let index = content.documents.firstIndex(where: { $0.path == old.path }) { content.documents[index] = reloaded }
            warnings += problems
            if reloaded.isDraft && !options.includeDrafts { continue }
            let (resolved, resolveProblems) = resolver.resolve(reloaded)
            guard let resolved else {
                errors += resolveProblems
                continue
            }
            warnings += resolveProblems
            let before = (resolved.kind == .article ? site.articles.map(\.document) : site.pages).first {
                $0.slug == resolved.slug
            }
            let oldNeighbours = neighbours(of: resolved, in: site)
            site.replace(resolved)
            documents.append(resolved)
            // Editions show the articles they feature (archive page and email).
            if site.editions.contains(where: { $0.featured.contains { $0.slug == resolved.slug } }) {
                jobs.insert(.newsletters)
                editionsChanged = true
            }
            // Dates also set the footer's years on every page: rebuild everything.
            guard let before, before.date == resolved.date else { return nil }
            if resolved.kind == .article {
                if before.weight != resolved.weight { orderChanged = true }
                if Self.listingChanged(before, resolved) {
                    changedArticles.insert(resolved.slug)
                    jobs.formUnion([.home, .lists, .notFound])
                    documents += oldNeighbours + neighbours(of: resolved, in: site)
                }
                let latest = Set(site.articles.prefix(20).map(\.slug)).union(self.site.articles.prefix(20).map(\.slug))
                if latest.contains(resolved.slug) { jobs.insert(.feeds) }
            }
            // Source and comparison pages list the documents citing or showing them, by title.
            let embeds = Block.embeds(in: resolved.body)
            if before.citations != resolved.citations || Block.embeds(in: before.body) != embeds
                || (before.title != resolved.title && (!resolved.citations.isEmpty || !embeds.isEmpty))
            {
                jobs.insert(.factPages)
            }
        }
        guard errors.isEmpty else { throw DiagnosticsError(errors) }
        let previousRendering = rendering
        try rendering.update(site: site, changedArticles: changedArticles, orderChanged: orderChanged)
        var unique: [String: Document] = [:]
        for document in documents { unique["\(document.kind)/\(document.slug)"] = document }
        let rendered = try rendering.render(documents: Array(unique.values), jobs: jobs)
        // A new topic page at an old address of another page: the full build reports the collision.
        let renderedAliases = Set(unique.values.flatMap { $0.aliases.map(\.sitePath.outputPath) })
        let aliasPaths = rendering.aliasOutputPaths
        if rendered.contains(where: { aliasPaths.contains($0.path) && !renderedAliases.contains($0.path) })
            || rendered.count != Set(rendered.map(\.path)).count
        {
            rendering = previousRendering
            return nil
        }
        var next = files
        var changed: [String] = []
        var updated = rendered
        var search = self.search
        var searchUpdates = orderChanged ? nil : Self.replace(documents: Array(unique.values), in: &search, site: site)
        if searchUpdates == nil {
            search = SearchIndex(site: site)
            let fresh = search.files()
            let kept = Set(fresh.map(\.path))
            searchUpdates = (fresh, files.keys.filter { $0.hasPrefix(SearchIndex.folder) && !kept.contains($0) })
        }
        updated += searchUpdates!.files
        for path in searchUpdates!.removedPaths where next.removeValue(forKey: path) != nil { changed.append(path) }
        // The lists are rendered whole: a topic that lost its last article, or a page that a
        // shorter list no longer fills, is removed, and the sitemap follows.
        var listsChanged = false
        if jobs.contains(.lists) {
            let listed = Set(rendered.map(\.path))
            for path in files.keys where Self.isListPath(path) && !listed.contains(path) {
                next.removeValue(forKey: path)
                changed.append(path)
                listsChanged = true
            }
            listsChanged = listsChanged || listed.contains { files[$0] == nil }
        }
        if !changedArticles.isEmpty || listsChanged {
            var paths = Set(next.keys)
            paths.formUnion(rendered.map(\.path))
            updated.append(rendering.sitemap(paths: Array(paths)))
        }
        if editionsChanged { updated += try NewsletterRenderer.render(site, templates: loaded.templates) }
        // Only what was rendered can have changed; comparing all ten thousand pages would cost more than rendering.
        for file in updated where next[file.path] != file {
            next[file.path] = file
            changed.append(file.path)
        }
        changed.sort()
        loaded.content = content
        self.site = site
        self.search = search
        files = next
        let edited = Set(previous.map(\.path))
        self.warnings = self.warnings.filter { !edited.contains($0.location.path) } + warnings
        return Update(changedPaths: changed, wasFullRebuild: false, warnings: warnings)
    }

    /// Updates the search index for edited documents; nil when one of them is not in it.
    private static func replace(documents: [Document], in search: inout SearchIndex, site: Site) -> (
        files: [OutputFile], removedPaths: [String]
    )? {
        var files: [String: OutputFile] = [:]
        var removed: Set<String> = []
        for document in documents.sorted(by: { $0.path < $1.path }) {
            guard let update = search.replace(document, in: site) else { return nil }
            for file in update.files { files[file.path] = file }
            removed.formUnion(update.removedPaths)
        }
        removed.subtract(files.keys)
        return (files.values.sorted { $0.path < $1.path }, removed.sorted())
    }

    /// Output paths the `.lists` job owns: the topic pages and the archive, with their later pages.
    private static func isListPath(_ path: String) -> Bool {
        (path.hasPrefix("tags/") || path.hasPrefix("archive/")) && path.hasSuffix("index.html")
    }

    private func neighbours(of document: Document, in site: Site) -> [Document] {
        guard document.kind == .article, let index = site.articles.firstIndex(where: { $0.slug == document.slug }) else {
            return []
        }
        return [index - 1, index + 1].filter(site.articles.indices.contains).map { site.articles[$0].document }
    }

    /// Whether what lists show of an article (cards, order, topics) changed.
    private static func listingChanged(_ old: Document, _ new: Document) -> Bool {
        old.title != new.title || old.date != new.date || old.updated != new.updated || old.excerpt != new.excerpt
            || old.tags != new.tags || old.readingMinutes != new.readingMinutes || old.weight != new.weight
            || old.authors != new.authors || old.extra != new.extra
    }

    private static func changedPaths(from old: [String: OutputFile], to new: [String: OutputFile]) -> [String] {
        var changed = new.compactMap { path, file in old[path] == file ? nil : path }
        changed += old.keys.filter { new[$0] == nil }
        return changed.sorted()
    }

    private static func fullBuild(_ options: SiteBuilder.Options) throws(DiagnosticsError) -> (
        SourceLoader.Loaded, Site, WebsiteRendering, SearchIndex, [String: OutputFile], [Diagnostic]
    ) {
        let (loaded, loadProblems) = SourceLoader.load(options)
        guard let loaded, !loadProblems.containsErrors else { throw DiagnosticsError(loadProblems) }
        let (site, resolveProblems) = SiteResolver.resolve(
            loaded.content, facts: loaded.facts, options: options.resolveOptions)
        guard let site, !resolveProblems.containsErrors else { throw DiagnosticsError(loadProblems + resolveProblems) }
        let rendering = try WebsiteRendering(
            site: site, templates: loaded.templates,
            options: .init(assetVersionSuffix: options.versionsAssetURLs ? loaded.assets.versionSuffix : ""))
        let search = SearchIndex(site: site)
        let files =
            try rendering.renderAll() + NewsletterRenderer.render(site, templates: loaded.templates) + search.files()
            + loaded.assets.files + site.media.files.values.map { OutputFile(path: $0.outputPath, copying: $0.source) }
        return (
            loaded, site, rendering, search, Dictionary(files.map { ($0.path, $0) }, uniquingKeysWith: { $1 }),
            (loadProblems + resolveProblems).sortedByLocation()
        )
    }
}
