import BroadsheetCore

/// Reports slugs that are valid path segments but unsafe: Windows device names and invisible
/// characters (errors), words that mix look-alike alphabets (a warning).
package enum SlugValidator {
    /// The diagnostics for `slug`, found at `location`; `renameHint` says how to change it there.
    package static func validate(_ slug: String, at location: SourceLocation, renameHint: String) -> [Diagnostic] {
        Slug.hazards(of: slug).map { hazard in
            switch hazard {
            case .windowsReservedName(let name):
                .error(
                    at: location, "slug '\(slug)' is a device name Windows reserves ('\(name)')",
                    hint:
                        "\(renameHint); Windows cannot create a folder named con, prn, aux, nul, com1–9 or lpt1–9 (with any extension)"
                )
            case .invisibleCharacter(let scalar):
                .error(
                    at: location,
                    "slug '\(slug)' contains the invisible character \(Self.code(scalar))",
                    hint: "\(renameHint); a URL with a zero-width or bidi character looks the same as one without it")
            case .mixedScripts(let word):
                .warning(
                    at: location, "slug '\(slug)' mixes Latin, Greek or Cyrillic letters in '\(word)'",
                    hint:
                        "type the word in one alphabet: a look-alike letter (a Cyrillic а, a Greek ο) makes the URL pass for another"
                )
            }
        }
    }

    private static func code(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
