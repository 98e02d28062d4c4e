import BroadsheetContent
import BroadsheetCore
import BroadsheetFacts
import BroadsheetNewsletter
import BroadsheetSite
import BroadsheetTemplates
import BroadsheetTheme
import Foundation

/// The load stage: content, facts, templates and assets, read together so every problem
/// in any of them is reported in one run. Templates and assets are the site's `Templates/`
/// laid over the built-in theme.
enum SourceLoader {
    struct Loaded: Sendable {
        var content: LoadedContent
        var facts: FactBook
        var templates: TemplateSet
        var assets: Assets
    }

    static func load(_ options: SiteBuilder.Options) -> (Loaded?, [Diagnostic]) {
        let root = options.root
        var diagnostics: [Diagnostic] = []
        let (content, contentProblems) = ContentLoader.load(root: root, baseURLOverride: options.baseURL)
        diagnostics += contentProblems
        let (facts, factProblems) = FactBookLoader.load(root: root)
        diagnostics += factProblems
        let (templates, templateProblems) = TemplateSet.load(root: root, theme: BuiltInTheme.templateSources)
        diagnostics += templateProblems
        if let templates {
            diagnostics += templates.require(WebsiteRenderer.requiredTemplates)
            if let facts, !facts.isEmpty { diagnostics += templates.require(WebsiteRenderer.factTemplates) }
            if let content, !content.editions.isEmpty {
                diagnostics += templates.require(WebsiteRenderer.newsletterTemplates + NewsletterRenderer.requiredTemplates)
            }
        }
        let (assets, assetProblems) = Assets.load(root: root)
        diagnostics += assetProblems
        // Returned with errors too when every part could be read, so the build can still check links
        // against it; every caller uses it only when there are no errors.
        guard let content, let facts, let templates else { return (nil, diagnostics) }
        return (Loaded(content: content, facts: facts, templates: templates, assets: assets), diagnostics)
    }
}
