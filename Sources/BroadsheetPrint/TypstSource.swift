import Foundation

/// The engine input for the PDF: the Typst document and the files it reads (figures).
public struct TypstSource: Sendable, Hashable {
    /// `main.typ`.
    public var main: String
    /// Other files beside it, by name (`timeline.svg`).
    public var files: [String: Data]

    /// Creates a source.
    public init(main: String, files: [String: Data]) {
        self.main = main
        self.files = files
    }
}
