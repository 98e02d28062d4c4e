/// "Did you mean …?" suggestions for misspelt ids and keys.
public enum Suggestion {
    /// The candidate closest to `word` by edit distance, if it is close enough to be a likely typo.
    public static func closest<S: Sequence>(to word: String, in candidates: S) -> String? where S.Element == String {
        let target = Array(word.lowercased())
        var best: (candidate: String, distance: Int)?
        // Sorted, so ties resolve the same way in every run.
        for candidate in candidates.sorted() {
            let distance = editDistance(target, Array(candidate.lowercased()))
            if distance < (best?.distance ?? Int.max) {
                best = (candidate, distance)
            }
        }
        guard let best else { return nil }
        let allowed = max(2, target.count / 3)
        return best.distance <= allowed ? best.candidate : nil
    }

    /// The candidates `word` is a shortened form of (`yicai-2021` for `yicai-2021-07-15`),
    /// shortest first; none for words under three characters, which begin too many ids.
    public static func completions<S: Sequence>(of word: String, in candidates: S) -> [String] where S.Element == String {
        let prefix = word.lowercased()
        guard prefix.count >= 3 else { return [] }
        return candidates.filter { $0.count > word.count && $0.lowercased().hasPrefix(prefix) }
            .sorted { ($0.count, $0) < ($1.count, $1) }
    }

    /// A hint sentence: "did you mean …?" with the ids `word` is a shortened form of (up to
    /// three), else the closest likely typo, else the fallback.
    public static func hint<S: Sequence>(for word: String, in candidates: S, otherwise fallback: String) -> String
    where S.Element == String {
        let candidates = Array(candidates)
        // A word that begins some ids was shortened (`yicai-2021`), even when a typo of another
        // id is also one edit away (`yicai-2020`).
        let completions = completions(of: word, in: candidates)
        if !completions.isEmpty {
            let quoted = completions.prefix(3).map { "'\($0)'" }
            let list = quoted.count == 1 ? quoted[0] : quoted.dropLast().joined(separator: ", ") + " or " + quoted.last!
            return "did you mean \(list)?" + (completions.count > 3 ? " (\(completions.count) ids start with '\(word)')" : "")
        }
        if let match = closest(to: word, in: candidates) {
            return "did you mean '\(match)'?"
        }
        return fallback
    }

    /// Edit distance between `a` and `b`, ignoring case, counting a swap of two neighbours as
    /// one edit (`titel` → `title`, `tencnet` → `tencent`): the optimal string alignment distance.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        editDistance(Array(a.lowercased()), Array(b.lowercased()))
    }

    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}
