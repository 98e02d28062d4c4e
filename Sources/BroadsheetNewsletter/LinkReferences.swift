/// Numbered link references for the plain-text part: `text [3]` in the body, `[3] URL` at the end.
struct LinkReferences {
    private(set) var urls: [String] = []
    private var numbers: [String: Int] = [:]

    /// The number of `url`, the same for a URL used twice.
    mutating func number(for url: String) -> Int {
        if let number = numbers[url] { return number }
        urls.append(url)
        numbers[url] = urls.count
        return urls.count
    }

    /// The list printed at the end of the text.
    var list: String {
        urls.enumerated().map { "[\($0.offset + 1)] \($0.element)" }.joined(separator: "\n")
    }
}
