/// Finds passages of `minimumWords` or more words that appear in two different documents.
///
/// The rules are written out in docs/content-audit.md; PassageAuditorTests pins them.
enum PassageAuditor {
    /// The shortest run of shared words that counts as a repeated passage.
    static let minimumWords = 12

    /// Every maximal run of at least `length` words that a document shares with an earlier or
    /// later one, reported once, from the document that comes first in `documents`.
    static func repeats(in documents: [PassageText], length: Int = minimumWords) -> [RepeatedPassage] {
        // For each run of `length` words: the first position at which each document has it.
        var firstSeen: [[String]: [Int: Int]] = [:]
        for (index, document) in documents.enumerated() where document.words.count >= length {
            let texts = document.words.map(\.text)
            for start in 0...(texts.count - length) {
                let key = Array(texts[start..<start + length])
                if firstSeen[key]?[index] == nil { firstSeen[key, default: [:]][index] = start }
            }
        }
        var passages: [RepeatedPassage] = []
        for (index, document) in documents.enumerated() where document.words.count >= length {
            let texts = document.words.map(\.text)
            /// The later document sharing the run starting at `start`, with its position there.
            func laterMatch(_ start: Int) -> (document: Int, position: Int)? {
                guard start + length <= texts.count,
                    let other = firstSeen[Array(texts[start..<start + length])]?.filter({ $0.key > index }).min(by: {
                        $0.key < $1.key
                    })
                else { return nil }
                return (other.key, other.value)
            }
            var start = 0
            while start + length <= texts.count {
                guard let match = laterMatch(start) else {
                    start += 1
                    continue
                }
                var end = start + length
                let otherWords = documents[match.document].words.map(\.text)
                var otherEnd = match.position + length
                while end < texts.count && otherEnd < otherWords.count && texts[end] == otherWords[otherEnd] {
                    end += 1
                    otherEnd += 1
                }
                let other = documents[match.document].words[match.position]
                passages.append(
                    RepeatedPassage(
                        path: document.words[start].path, line: document.words[start].line, otherPath: other.path,
                        otherLine: other.line, words: Array(texts[start..<end])))
                start = end
            }
        }
        return passages
    }
}
