import BroadsheetCore
import Mustache

/// Readable messages for swift-mustache's parser errors, which have no description of their own.
enum TemplateErrorText {
    /// `linesAdded` is how many lines Broadsheet put before the template's own first line.
    static func diagnostic(for error: MustacheTemplate.ParserError, path: String, linesAdded: Int = 0) -> Diagnostic {
        let line = max(1, error.context.lineNumber - linesAdded)
        let location = SourceLocation(path: path, line: line, column: error.context.columnNumber)
        let (message, hint) = describe(error.error)
        return .error(at: location, "template syntax error: \(message)", hint: hint)
    }

    static func describe(_ error: any Error) -> (String, String) {
        guard let error = error as? MustacheTemplate.Error else { return ("\(error)", "check the {{…}} tags near here") }
        switch error {
        case .sectionCloseNameIncorrect:
            return ("a section is closed with the wrong name", "make {{/name}} match the {{#name}} or {{^name}} it closes")
        case .unfinishedName:
            return ("a tag is not finished", "close the tag with }} (or }}} for {{{…}}})")
        case .expectedSectionEnd:
            return ("a section is never closed (reported at the end of the file)", "add the missing {{/name}}")
        case .invalidSetDelimiter:
            return ("invalid set-delimiter tag", "write it as {{=<% %>=}}")
        case .transformAppliedToInheritanceSection:
            return ("a transform cannot be applied to an inheritance section", "remove the transform")
        case .illegalTokenInsideInheritSection:
            return ("only {{$block}} overrides may appear inside {{<parent}}…{{/parent}}", "move other content into a {{$block}}")
        case .textInsideInheritSection:
            return ("text inside {{<parent}} must be inside a {{$block}}", "wrap the text in a {{$block}}…{{/block}}")
        case .invalidConfigVariableSyntax:
            return ("invalid {{% … }} configuration tag", "write it as {{% CONTENT_TYPE: TEXT }}")
        case .unrecognisedConfigVariable:
            return ("unknown {{% … }} configuration", "only CONTENT_TYPE is supported")
        @unknown default:
            return ("\(error)", "check the {{…}} tags near here")
        }
    }
}
