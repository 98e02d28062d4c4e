import BroadsheetCore
import Foundation
import Mustache

/// The site's Mustache templates, loaded and checked once: syntax errors, missing and
/// recursive partials are diagnostics with the template's file and line.
public struct TemplateSet: Sendable {
    /// The folder the templates came from, relative to the root (e.g. `Templates`).
    public let folder: String
    /// Template names (paths without `.mustache`), sorted.
    public let names: [String]
    let library: MustacheLibrary
    /// The template texts by name, to locate tags in diagnostics.
    private let sources: [String: SourceFile]
    /// False when a template may name a partial by a value (`{{>*name}}`): swift-mustache
    /// accepts only a plain `String` there, so views are then encoded without `TemplateText`.
    let wrapsText: Bool
    /// The templates with their site-wide lines pre-rendered per `site` (`shared(_:)`), if any has some.
    let siteWide: SiteWideTemplates?

    /// Loads every `.mustache` file under `root/folder` except the `assets` folder, over `theme`.
    ///
    /// `theme` holds a built-in theme's templates by name: each of the site's files replaces
    /// the theme's template of the same name (partials included), and the theme supplies the
    /// rest, so a site without the folder builds with the theme alone.
    public static func load(root: URL, folder: String = "Templates", theme: [String: SourceFile] = [:]) -> (
        TemplateSet?, [Diagnostic]
    ) {
        let base = root.appendingPathComponent(folder)
        var sources = theme
        var diagnostics: [Diagnostic] = []
        let siteRoot = SourceRoot(root)
        for relative in templateFiles(in: base) {
            let path = folder + "/" + relative
            switch siteRoot.read(path) {
            case .success(let file): sources[String(relative.dropLast(".mustache".count))] = file
            case .failure(let diagnostic): diagnostics.append(diagnostic)
            }
        }
        return load(sources: sources, folder: folder, diagnostics: diagnostics)
    }

    /// Builds a set from template texts keyed by name (tests, generated sites).
    public static func load(sources: [String: SourceFile], folder: String, diagnostics: [Diagnostic] = []) -> (
        TemplateSet?, [Diagnostic]
    ) {
        var diagnostics = diagnostics
        var templates: [String: MustacheTemplate] = [:]
        FastHTMLEscaping.register()
        for (name, file) in sources.sorted(by: { $0.key < $1.key }) {
            do {
                templates[name] = try MustacheTemplate(string: FastHTMLEscaping.directive + file.text)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(
                    TemplateErrorText.diagnostic(for: error, path: file.path, linesAdded: 1))
            } catch {
                diagnostics.append(
                    .error(
                        at: SourceLocation(path: file.path), "cannot parse the template: \(error)",
                        hint: "check the template's {{tags}}; this error is unexpected, please report it"))
            }
        }
        diagnostics += PartialReferences.check(sources)
        guard !diagnostics.containsErrors else { return (nil, diagnostics) }
        let set = TemplateSet(
            folder: folder, names: templates.keys.sorted(), library: MustacheLibrary(templates: templates), sources: sources,
            wrapsText: !sources.values.contains { mayUseDynamicPartial($0.text) },
            siteWide: SiteWideTemplates.make(sources: sources, templates: templates, directive: FastHTMLEscaping.directive))
        return (set, diagnostics)
    }

    /// Errors for each required template that the set lacks.
    public func require(_ required: [String]) -> [Diagnostic] {
        let present = Set(names)
        return required.filter { !present.contains($0) }.map { name in
            .error(
                at: SourceLocation(path: "\(folder)/\(name).mustache"), "the template '\(name)' is missing",
                hint: "create \(folder)/\(name).mustache; every site needs: \(required.joined(separator: ", "))")
        }
    }

    /// The paths of the templates read from the site's folder rather than a theme, sorted.
    public var ownFiles: [String] { sources.values.map(\.path).filter { $0.hasPrefix(folder + "/") }.sorted() }

    /// The runs of site-wide lines rendered once per `site` view, each named by its template and
    /// first line (`base:37`); see docs/templates.md.
    public var siteWideRuns: [String] { siteWide?.runs.map(\.name) ?? [] }

    /// True when a template of that name exists.
    public func contains(_ name: String) -> Bool { library.getTemplate(named: name) != nil }

    /// Renders `view` (a struct of stored properties) with the named template.
    ///
    /// A tag naming a value that `view` does not have is an error (swift-mustache would render
    /// it as nothing): see docs/errors.md, "Templates". Only tags that are actually reached
    /// are checked, so a typo inside a section that no page renders goes unnoticed.
    public func render(_ name: String, _ view: some Encodable) throws(Diagnostic) -> String {
        try render(name, view, wrapsText: wrapsText)
    }

    /// `render`, choosing how strings are encoded (tests compare both ways).
    func render(_ name: String, _ view: some Encodable, wrapsText: Bool) throws(Diagnostic) -> String {
        let value: Any
        do {
            value = try TemplateValueEncoder.encode(view, wrapsText: wrapsText)
        } catch {
            throw .error(
                at: SourceLocation(path: "\(folder)/\(name).mustache"), "cannot prepare the data for '\(name)': \(error)",
                hint: "this is a bug in Broadsheet (its views are plain values); please report it")
        }
        let values = value as? [String: Any]
        let recorder = values.map(UnknownKeyRecorder.init)
        guard let text = library(for: values).render(recorder ?? value, withTemplate: name) else {
            throw .error(
                at: SourceLocation(path: "\(folder)/\(name).mustache"), "the template '\(name)' is missing",
                hint: "create \(folder)/\(name).mustache")
        }
        if let recorder, let key = recorder.unknownKeys.first {
            throw unknownKey(key, template: name, recorder: recorder)
        }
        return text
    }

    /// The templates with pre-rendered site-wide lines when the view's `site` was prepared by
    /// this set (`shared(_:)`) and all of them rendered cleanly, the templates as written otherwise.
    private func library(for values: [String: Any]?) -> MustacheLibrary {
        guard let siteWide, let site = values?[SiteWideRuns.key] as? [String: Any],
            let token = site[Self.runsTokenKey] as? SiteWideRunsToken, token === siteWide.token
        else { return library }
        return siteWide.library
    }

    /// The error for a tag naming a value the view lacks, at the first tag that names it
    /// (the rendered template first, then the others it may include).
    private func unknownKey(_ key: String, template: String, recorder: UnknownKeyRecorder) -> Diagnostic {
        var location = SourceLocation(path: "\(folder)/\(template).mustache")
        let candidates = [template] + sources.keys.sorted().filter { $0 != template }
        for candidate in candidates {
            guard let file = sources[candidate], let tag = TemplateTagSearch.firstTag(naming: key, in: file.text) else {
                continue
            }
            location = SourceLocation(path: file.path, line: tag.line, column: tag.column)
            break
        }
        let suggestions = recorder.suggestions(for: key)
        return .error(
            at: location,
            "unknown key '\(key)': the data rendered with '\(template)' has no such value (Mustache would print nothing)",
            hint: suggestions.isEmpty
                ? "values available here: \(recorder.knownKeys.joined(separator: ", "))"
                : "did you mean \(suggestions.map { "'\($0)'" }.joined(separator: " or "))?")
    }

    /// True when `text` has a `>` followed by `*` (spaces between allowed), as in
    /// `{{>*name}}` or, after a delimiter change, `<%> *name%>`. Other text can match
    /// (`<b>*</b>`); that only costs speed.
    static func mayUseDynamicPartial(_ text: String) -> Bool {
        var afterAngle = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: "*"), afterAngle { return true }
            if byte == UInt8(ascii: ">") {
                afterAngle = true
            } else if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") {
                afterAngle = false
            }
        }
        return false
    }

    private static func templateFiles(in base: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: base.path) else { return [] }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            if relative == "assets" || relative.hasPrefix("assets/") {
                enumerator.skipDescendants()
                continue
            }
            if relative.hasSuffix(".mustache") { files.append(relative) }
        }
        return files.sorted()
    }
}
