import BroadsheetCore

/// Hands out unique heading ids within one document: `overview`, `overview-2`, …
struct HeadingIDs {
    private var used: [String: Int] = [:]

    mutating func next(for text: String) -> String {
        var base = Slug.make(from: text)
        if base.isEmpty { base = "section" }
        if let first = base.first, first.isASCII, first.isNumber { base = "s-" + base }
        guard let count = used[base] else {
            used[base] = 1
            return base
        }
        var number = count + 1
        while used["\(base)-\(number)"] != nil { number += 1 }
        used[base] = number
        used["\(base)-\(number)"] = 1
        return "\(base)-\(number)"
    }
}
