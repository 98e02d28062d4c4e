import Foundation

/// One file of the finished site, held in memory until the writer commits the whole set.
public struct OutputFile: Sendable, Hashable {
    /// Where the bytes come from: rendered in memory, or copied from a source file.
    public enum Contents: Sendable, Hashable {
        /// Bytes produced by a renderer.
        case data(Data)
        /// A file copied as it is (assets), read only when written.
        case copy(URL)
    }

    /// The path relative to the output folder, `/`-separated.
    public var path: String
    /// The file's contents.
    public var contents: Contents

    /// A rendered text file, stored as UTF-8.
    public init(path: String, text: String) {
        self.path = path
        self.contents = .data(Data(text.utf8))
    }

    /// A rendered binary file.
    public init(path: String, data: Data) {
        self.path = path
        self.contents = .data(data)
    }

    /// A file copied from `source` when the output is written.
    public init(path: String, copying source: URL) {
        self.path = path
        self.contents = .copy(source)
    }

    /// The size of rendered bytes (0 for copies, which are read only when written).
    public var byteCount: Int {
        if case .data(let data) = contents { return data.count }
        return 0
    }

    /// The rendered text, for tests and the preview server (nil for copies).
    public var text: String? {
        if case .data(let data) = contents { return String(decoding: data, as: UTF8.self) }
        return nil
    }
}
