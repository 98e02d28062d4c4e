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

    /// A term of an entry and where in the entry it occurs.
    struct TermOccurrence: Sendable, Hashable {
        var term: Int32
        var fields: Fields
    }

    /// An entry holding a term and where in the entry the term occurs.
    struct Posting: Sendable, Hashable {
        var entry: Int32
        var fields: Fields
    }

    /// The folder the index is written to, inside the output.
    public static let folder = "search/"

    private var entries: [SearchEntry]
    private var numbers: [String: Int]
    private var vocabulary: SearchVocabulary
    /// Each entry's terms, by id in `vocabulary`.
    private var entryTerms: [[TermOccurrence]]
    /// By term id: the entries holding the term, in ascending order (empty for unused ids).
    private var postings: [[Posting]]

    /// Indexes every article, page and fact of `site`.
    public init(site: Site) {
        let entries = SearchEntryCollector.entries(of: site)
        self.entries = entries
        numbers = Dictionary(uniqueKeysWithValues: entries.enumerated().map { ($1.key, $0) })
        // Terms are read on all cores, 64 entries at a time; then numbered in entry order.
        let batches = Self.runs(of: entries.count, by: 64).parallelMap { SearchTermBatch(entries[$0]) }
        vocabulary = SearchVocabulary()
        entryTerms = []
        entryTerms.reserveCapacity(entries.count)
        for batch in batches {
            let ids = vocabulary.ids(of: batch.table)
            for terms in batch.entries {
                entryTerms.append(terms.map { TermOccurrence(term: ids[Int($0.term)], fields: $0.fields) })
            }
        }
        postings = Self.postings(of: entryTerms, termCount: vocabulary.count)
    }

    /// Each term's entries, in entry order.
    private static func postings(of entryTerms: [[TermOccurrence]], termCount: Int) -> [[Posting]] {
        var counts = [Int](repeating: 0, count: termCount)
        for terms in entryTerms {
            for occurrence in terms { counts[Int(occurrence.term)] += 1 }
        }
        var postings = counts.map { count in
            var list: [Posting] = []
            list.reserveCapacity(count)
            return list
        }
        for (number, terms) in entryTerms.enumerated() {
            for occurrence in terms {
                let term = Int(occurrence.term)
                // Two spellings of one term in an entry: one posting, where either occurs.
                if let last = postings[term].indices.last, postings[term][last].entry == Int32(number) {
                    postings[term][last].fields.formUnion(occurrence.fields)
                } else {
                    postings[term].append(Posting(entry: Int32(number), fields: occurrence.fields))
                }
            }
        }
        return postings
    }

    /// The ids of the terms in use.
    private var usedTerms: some Sequence<Int> {
        postings.indices.lazy.filter { !postings[$0].isEmpty }
    }

    /// Every file of the index.
    public func files() -> [OutputFile] {
        var byShard: [String: [Int]] = [:]
        for term in usedTerms { byShard[vocabulary.shardKeys[term], default: []].append(term) }
        var files = [meta(shards: byShard.keys)]
        files += byShard.sorted { $0.key < $1.key }.parallelMap { shard($0.key, terms: $0.value) }
        // Compressing is the costly part (about 0.2 s of CPU at 10,000 articles): on all cores,
        // in runs of packs that share a JSON buffer and a compressor.
        files += Self.runs(of: SearchPack.count(entries: entries.count), by: 32).parallelMap { run in
            var writer = SearchPackWriter()
            return run.map { packFile($0, writer: &writer) }
        }.joined()
        return files
    }

    /// `0..<count` cut into consecutive ranges of `size` (the last may be shorter): work for one core at a time.
    private static func runs(of count: Int, by size: Int) -> [Range<Int>] {
        stride(from: 0, to: count, by: size).map { $0..<min($0 + size, count) }
    }

    /// Replaces an edited article or page: returns the files that may have changed and the
    /// paths of shards that no longer exist, or nil when the document is not in the index
    /// (the caller rebuilds the index).
    public mutating func replace(_ document: Document, in site: Site) -> (files: [OutputFile], removedPaths: [String])? {
        let entry = SearchEntryCollector.entry(for: document, in: site)
        guard let number = numbers[entry.key] else { return nil }
        let batch = SearchTermBatch([entry])
        let ids = vocabulary.ids(of: batch.table)
        let new = batch.entries[0].map { TermOccurrence(term: ids[Int($0.term)], fields: $0.fields) }
        postings += Array(repeating: [], count: vocabulary.count - postings.count)
        let oldFields = Self.fieldsByTerm(entryTerms[number])
        let newFields = Self.fieldsByTerm(new)
        entries[number] = entry
        entryTerms[number] = new
        var touched: Set<String> = []
        for term in Set(oldFields.keys).union(newFields.keys) where oldFields[term] != newFields[term] {
            touched.insert(vocabulary.shardKeys[Int(term)])
            let id = Int(term)
            postings[id].removeAll { $0.entry == Int32(number) }
            if let fields = newFields[term] {
                let position = postings[id].firstIndex { $0.entry > Int32(number) } ?? postings[id].endIndex
                postings[id].insert(Posting(entry: Int32(number), fields: fields), at: position)
            }
        }
        var byShard: [String: [Int]] = [:]
        var shardKeys: Set<String> = []
        for term in usedTerms {
            let key = vocabulary.shardKeys[term]
            shardKeys.insert(key)
            if touched.contains(key) { byShard[key, default: []].append(term) }
        }
        var writer = SearchPackWriter()
        var files = [packFile(SearchPack.pack(ofEntry: number), writer: &writer)]
        files += byShard.sorted { $0.key < $1.key }.map { shard($0.key, terms: $0.value) }
        let removed = touched.subtracting(byShard.keys).sorted().map(Self.shardPath)
        files.append(meta(shards: shardKeys))
        return (files, removed)
    }

    /// Where in an entry each of its terms occurs (two spellings of a term joined).
    private static func fieldsByTerm(_ terms: [TermOccurrence]) -> [Int32: Fields] {
        Dictionary(terms.map { ($0.term, $0.fields) }, uniquingKeysWith: { $0.union($1) })
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
            for id in usedTerms {
                let key = vocabulary.terms[id]
                if key == term || (isPrefix && key.hasPrefix(term)) { found.formUnion(postings[id].map { Int($0.entry) }) }
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

    // MARK: - Shards

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

    private func shard(_ key: String, terms: [Int]) -> OutputFile {
        var text = "{"
        let sorted = terms.sorted { vocabulary.terms[$0] < vocabulary.terms[$1] }
        for (index, term) in sorted.enumerated() {
            let list = postings[term]
            let all = PostingCoder.encode(list.map { Int($0.entry) })
            let title = PostingCoder.encode(list.filter { $0.fields.contains(.title) }.map { Int($0.entry) })
            let heading = PostingCoder.encode(list.filter { $0.fields.contains(.heading) }.map { Int($0.entry) })
            if index > 0 { text += ",\n" }
            text += "\(SearchJSON.string(vocabulary.terms[term])):[\"\(all)\",\"\(title)\",\"\(heading)\"]"
        }
        return OutputFile(path: Self.shardPath(key), text: text + "}\n")
    }

    /// The pack `pack`: its entries' JSON array, one entry a line, compressed.
    private func packFile(_ pack: Int, writer: inout SearchPackWriter) -> OutputFile {
        let numbers = SearchPack.entries(inPack: pack, of: entries.count)
        writer.json.removeAll()
        writer.json.raw("[")
        for number in numbers {
            if number != numbers.lowerBound { writer.json.raw(",\n") }
            entryJSON(number, into: &writer.json)
        }
        writer.json.raw("]\n")
        return OutputFile(path: SearchPack.path(pack), data: writer.deflater.zlib(writer.json.bytes))
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
