import BroadsheetContent
import BroadsheetCore
import BroadsheetMail
import BroadsheetTemplates
import Foundation

/// Renders newsletter editions as email: the HTML email, its plain-text part and the
/// complete `.eml`, from the same resolved `Site` the website renderer draws.
public enum NewsletterRenderer {
    /// The email templates every site with editions needs.
    public static let requiredTemplates = ["newsletter/email", "newsletter/events", "newsletter/comparison", "newsletter/chart"]

    /// The unpersonalised copy of every edition, written beside its archive page:
    /// `newsletters/NAME/email.html`, `email.txt` and `NAME.eml` (addressed to undisclosed recipients).
    public static func render(_ site: Site, templates: TemplateSet) throws(DiagnosticsError) -> [OutputFile] {
        guard !site.editions.isEmpty else { return [] }
        let renderer = try EditionEmailRenderer(site: site, templates: templates)
        var files: [OutputFile] = []
        var diagnostics: [Diagnostic] = []
        for edition in site.editions {
            do throws(Diagnostic) {
                let message = try renderer.message(edition, to: nil, date: edition.date.instant)
                let eml: String
                do {
                    eml = try message.encoded()
                } catch {
                    throw Diagnostic.error(
                        at: SourceLocation(path: edition.path), "the edition's email cannot be written: \(error)",
                        hint: "correct the value in the edition's front matter or in site.yaml's newsletter section")
                }
                let permalinks = site.permalinks
                files += [
                    OutputFile(path: permalinks.newsletterEmail(edition.name, file: "email.html").outputPath, text: message.html),
                    OutputFile(path: permalinks.newsletterEmail(edition.name, file: "email.txt").outputPath, text: message.text),
                    OutputFile(
                        path: permalinks.newsletterEmail(edition.name, file: "\(edition.name).eml").outputPath,
                        text: eml),
                ]
            } catch {
                diagnostics.append(error)
            }
        }
        guard diagnostics.isEmpty else { throw DiagnosticsError(diagnostics) }
        return files
    }
}
