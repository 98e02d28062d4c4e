import BroadsheetContent
import BroadsheetCore
import Foundation

/// The print edition: the report as a typeset PDF (Typst) and an EPUB 3, rendered from the
/// same document tree as the website.
public enum PrintEdition {
    /// How much of the print edition a build makes.
    public enum Mode: Sendable, Hashable {
        /// Nothing (the preview server, which never waits for typesetting).
        case skip
        /// Render the engine input and the EPUB in memory but run no engine (`broadsheet check`).
        case check
        /// The PDF and the EPUB; a missing engine is a warning, or an error when `required`.
        case build(required: Bool)
    }

    /// The files of the edition and what happened.
    public struct Rendering: Sendable {
        /// `<file>.pdf` (when typeset) and `<file>.epub`.
        public var files: [OutputFile]
        /// Errors and warnings (a missing engine).
        public var diagnostics: [Diagnostic]
        /// How long typesetting the PDF took, when it ran.
        public var typesetting: Duration?
    }

    /// Where edition problems are reported: the configuration that asked for the edition.
    static let location = SourceLocation(path: SiteConfigLoader.path)

    /// The output file name without extension: `file:` from site.yaml, or the title's slug.
    public static func fileName(_ config: SiteConfig) -> String {
        config.printEdition.file
            ?? {
                let slug = Slug.make(from: config.title)
                return slug.isEmpty ? "report" : slug
            }()
    }

    /// Renders the edition of `site`: the EPUB here, the PDF in a Typst subprocess at the same time.
    public static func render(_ site: Site, mode: Mode, typesetter: PDFTypesetter = PDFTypesetter()) -> Rendering {
        guard site.config.printEdition.isEnabled, mode != .skip else { return Rendering(files: [], diagnostics: []) }
        let name = fileName(site.config)
        let source: TypstSource
        do {
            source = try PrintRenderer.render(site)
        } catch {
            return Rendering(files: [], diagnostics: [error])
        }
        guard case .build(let required) = mode else {
            do {
                _ = try EPUBWriter.write(site, location: location)
                return Rendering(files: [], diagnostics: [])
            } catch {
                return Rendering(files: [], diagnostics: [error])
            }
        }
        var diagnostics: [Diagnostic] = []
        var files: [OutputFile] = []
        let pdf = PDFJob()
        switch typesetter.availability() {
        case .available:
            pdf.start(source: source, typesetter: typesetter)
        case .missing(let why):
            let message = "the PDF edition was not built: \(why)"
            let hint = "install Typst with \(PDFTypesetter.installCommand); the website and the EPUB are built without it"
            diagnostics.append(
                required
                    ? .error(at: location, message, hint: hint + "; --require-print makes this an error")
                    : .warning(at: location, message, hint: hint + ", or pass --require-print to make this an error"))
        }
        do {
            files.append(OutputFile(path: name + ".epub", data: try EPUBWriter.write(site, location: location)))
        } catch {
            diagnostics.append(error)
        }
        let typeset = pdf.wait()
        switch typeset?.result {
        case .success(let typeset):
            files.append(OutputFile(path: name + ".pdf", data: typeset.pdf))
            diagnostics += typeset.warnings
        case .failure(let diagnostic): diagnostics.append(diagnostic)
        case nil: break
        }
        return Rendering(files: files.sorted { $0.path < $1.path }, diagnostics: diagnostics, typesetting: typeset?.duration)
    }
}
