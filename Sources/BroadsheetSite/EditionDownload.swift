/// A file of the report offered for download on the website (the PDF, the EPUB), with its size.
public struct EditionDownload: Sendable, Hashable {
    /// The label, e.g. "PDF".
    public var format: String
    /// The file's path in the output (`the-report.pdf`).
    public var path: String
    /// Its size in bytes.
    public var byteCount: Int

    /// Creates a download.
    public init(format: String, path: String, byteCount: Int) {
        self.format = format
        self.path = path
        self.byteCount = byteCount
    }

    /// The size as readers read it: "840 KB", "2.4 MB" (decimal units, as browsers show them).
    public var sizeDisplay: String {
        if byteCount < 1000 { return "\(byteCount) bytes" }
        if byteCount < 1_000_000 { return "\((byteCount + 500) / 1000) KB" }
        let tenths = (byteCount + 50_000) / 100_000
        return "\(tenths / 10).\(tenths % 10) MB"
    }
}
