import BroadsheetContent
import BroadsheetCore
import Foundation

/// The search index of a site: every entry's terms, and the postings of every term, kept so
/// that an edited document updates only the files it touches.
///
/// Files, under `search/`:
///
/// - `meta.json`: the number of entries, the entries a pack holds and the shard keys
///   (`{"entries":N,"pack":4,"shards":["ab",…]}`).
/// - `shards/KEY.json`: the terms starting with KEY (two letters, or one CJK character), each
///   with three posting lists (`PostingCoder`): every entry holding it, those with it in the
///   title, those with it in a heading: `{"payment":["~//8B","AAC",""],…}`.
/// - `entries/P.pack`: entries 4P to 4P+3 (`SearchPack`), what a result shows, as a JSON array
///   compressed with zlib; each entry has its kind, title, link, date and text by section
///   (`{"k":"Article","t":…,"u":…,"d":…,"s":[["anchor","Heading","text"],…]}`).
public struct SearchIndex: Sendable {
    /// Where in an entry a term occurs.
    struct Fields: OptionSet, Sendable, Hashable {
        let rawValue: UInt8
        static let body = Fields(rawValue: 1)
        static let heading = Fields(rawValue: 2)
        static let title = Fields(rawValue: 4)
    }

    /// The folder the index is written to, inside the output.
    public static let folder = "search/"

    private var entries: [SearchEntry]
    private var numbers: [String: Int]
    private var entryTerms: [[String: Fields]]
    /// Each term's entries in ascending order, with where the term occurs in each.
    private var postings: [String: [(entry: Int, fields: Fields)]]

    /// Indexes every article, page and fact of `site`.
    public init(site: Site) {
        entries = SearchEntryCollector.entries(of: site)
        numbers = Dictionary(uniqueKeysWithValues: entries.enumerated().map { ($1.key, $0) })
        entryTerms = entries.parallelMap(Self.terms)
        postings = [:]
        for (number, terms) in entryTerms.enumerated() {
            for (term, fields) in terms { postings[term, default: []].append((number, fields)) }
        }
    }

    /// Every file of the index.
    public func files() -> [OutputFile] {
        var byShard: [String: [String]] = [:]
        for term in postings.keys { byShard[Self.shardKey(term), default: []].append(term) }
        var files = [meta(shards: byShard.keys)]
        files += byShard.sorted { $0.key < $1.key }.parallelMap { shard($0.key, terms: $0.value) }
        // Compressing is the costly part (about 0.5 s of CPU at 10,000 articles): on all cores.
        files += Array(0..<SearchPack.count(entries: entries.count)).parallelMap(packFile)
        return files
    }

    /// Replaces an edited article or page: returns the files that may have changed and the
    /// paths of shards that no longer exist, or nil when the document is not in the index
    /// (the caller rebuilds the index).
    public mutating func replace(_ document: Document, in site: Site) -> (files: [OutputFile], removedPaths: [String])? {
        let entry = SearchEntryCollector.entry(for: document, in: site)
        guard let number = numbers[entry.key] else { return nil }
        let old = entryTerms[number]
        let new = Self.terms(entry)
        entries[number] = entry
        entryTerms[number] = new
        var touched: Set<String> = []
        for term in Set(old.keys).union(new.keys) where old[term] != new[term] {
            touched.insert(Self.shardKey(term))
            var list = postings[term] ?? []
            list.removeAll { $0.entry == number }
            if let fields = new[term] {
                let position = list.firstIndex { $0.entry > number } ?? list.endIndex
                list.insert((number, fields), at: position)
            }
            postings[term] = list.isEmpty ? nil : list
        }
        var byShard: [String: [String]] = [:]
        for term in postings.keys where touched.contains(Self.shardKey(term)) {
            byShard[Self.shardKey(term), default: []].append(term)
        }
        var files = [packFile(SearchPack.pack(ofEntry: number))]
        files += byShard.sorted { $0.key < $1.key }.map { shard($0.key, terms: $0.value) }
        let removed = touched.subtracting(byShard.keys).sorted().map(Self.shardPath)
        files.append(meta(shards: Set(postings.keys.map(Self.shardKey))))
        return (files, removed)
    }

    // MARK: - Queries (the script's matching, for tests and measurements)

    /// Entry numbers holding every term of `query`, the last Latin word (or a lone CJK
    /// character) also matching as a prefix, in entry order.
    func entryNumbers(matching query: String) -> [Int] {
        var tokenizer = SearchTokenizer()
        let terms = tokenizer.terms(in: query)
        guard let last = terms.last else { return [] }
        let prefixLast = last.unicodeScalars.count == 1 || !SearchTokenizer.isCJK(last.unicodeScalars.first!.value)
        var result: Set<Int>?
        for (index, term) in terms.enumerated() {
            let isPrefix = index == terms.count - 1 && prefixLast
            var found: Set<Int> = []
            for (key, list) in postings where key == term || (isPrefix && key.hasPrefix(term)) {
                found.formUnion(list.map(\.entry))
            }
            result = result.map { $0.intersection(found) } ?? found
        }
        return (result ?? []).sorted()
    }

    /// Everything entry `number` says, as one text: title, extra title, headings, text.
    func text(ofEntry number: Int) -> String {
        let entry = entries[number]
        return ([entry.title, entry.extraTitle] + entry.sections.flatMap { [$0.heading, $0.text] }).joined(separator: "\n")
    }

    /// The number of entries.
    var entryCount: Int { entries.count }

    // MARK: - Terms

    static func terms(_ entry: SearchEntry) -> [String: Fields] {
        var tokenizer = SearchTokenizer()
        var table = SearchTermTable()
        tokenizer.forEachTermBytes(in: entry.title) { table.insert($0, [.title, .body]) }
        tokenizer.forEachTermBytes(in: entry.extraTitle) { table.insert($0, [.title, .body]) }
        for section in entry.sections {
            tokenizer.forEachTermBytes(in: section.heading) { table.insert($0, [.heading, .body]) }
            tokenizer.forEachTermBytes(in: section.text) { table.insert($0, .body) }
        }
        return table.dictionary()
    }

    /// The first two characters of a term, or its first when that is a CJK character.
    static func shardKey(_ term: String) -> String {
        let scalars = term.unicodeScalars
        guard let first = scalars.first else { return "" }
        if SearchTokenizer.isCJK(first.value) || scalars.count == 1 { return String(first) }
        return String(String.UnicodeScalarView(scalars.prefix(2)))
    }

    /// A file name for a shard key: the key itself when it is ASCII letters and digits,
    /// otherwise `u` and each character's code point in hex, joined by `-` (淘 → `u6dd8`).
    static func shardName(_ key: String) -> String {
        if key.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) }) { return key }
        return "u" + key.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: "-")
    }

    static func shardPath(_ key: String) -> String { folder + "shards/" + shardName(key) + ".json" }

    // MARK: - Files

    private func meta(shards: some Collection<String>) -> OutputFile {
        let names = shards.map(Self.shardName).sorted().map(SearchJSON.string).joined(separator: ",")
        let counts = "\"entries\":\(entries.count),\"pack\":\(SearchPack.size)"
        return OutputFile(path: Self.folder + "meta.json", text: "{\(counts),\"shards\":[\(names)]}\n")
    }

    private func shard(_ key: String, terms: [String]) -> OutputFile {
        var text = "{"
        for (index, term) in terms.sorted().enumerated() {
            let list = postings[term]!
            let all = PostingCoder.encode(list.map(\.entry))
            let title = PostingCoder.encode(list.filter { $0.fields.contains(.title) }.map(\.entry))
            let heading = PostingCoder.encode(list.filter { $0.fields.contains(.heading) }.map(\.entry))
            if index > 0 { text += ",\n" }
            text += "\(SearchJSON.string(term)):[\"\(all)\",\"\(title)\",\"\(heading)\"]"
        }
        return OutputFile(path: Self.shardPath(key), text: text + "}\n")
    }

    /// The pack `pack`: its entries' JSON array, one entry a line, compressed.
    private func packFile(_ pack: Int) -> OutputFile {
        let numbers = SearchPack.entries(inPack: pack, of: entries.count)
        let capacity = numbers.reduce(16) { total, number in
            entries[number].sections.reduce(total + 128) { $0 + $1.text.utf8.count + 64 }
        }
        var json = SearchJSON(capacity: capacity)
        json.raw("[")
        for number in numbers {
            if number != numbers.lowerBound { json.raw(",\n") }
            entryJSON(number, into: &json)
        }
        json.raw("]\n")
        return OutputFile(path: SearchPack.path(pack), data: Data(Deflate.zlib(json.bytes)))
    }

    /// Appends entry `number` as one JSON object.
    private func entryJSON(_ number: Int, into json: inout SearchJSON) {
        let entry = entries[number]
        json.raw("{\"k\":\"\(entry.kind.rawValue)\",\"t\":")
        json.string(entry.title)
        json.raw(",\"u\":")
        json.string(entry.href)
        if let date = entry.date {
            json.raw(",\"d\":")
            json.string(date)
        }
        json.raw(",\"s\":[")
        for (index, section) in entry.sections.enumerated() {
            json.raw(index == 0 ? "[" : ",[")
            json.string(section.anchor)
            json.raw(",")
            json.string(section.heading)
            json.raw(",")
            json.string(section.text)
            json.raw("]")
        }
        json.raw("]}")
    }
}
