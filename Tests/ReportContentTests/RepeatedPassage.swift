/// A run of words that two documents share.
struct RepeatedPassage: Sendable, Hashable, CustomStringConvertible {
    /// Where the passage starts in the first document (in the order documents were given).
    var path: String
    var line: Int
    /// Where it starts in the other document.
    var otherPath: String
    var otherLine: Int
    /// The shared words, lower-cased.
    var words: [String]

    /// `path:line: 14 words also in other:line: "…"`.
    var description: String {
        "\(path):\(line): \(words.count) words also in \(otherPath):\(otherLine): \"\(words.joined(separator: " "))\""
    }
}
