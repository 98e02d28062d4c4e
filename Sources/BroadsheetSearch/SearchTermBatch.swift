/// The terms of a run of consecutive entries, read on one core: each distinct term once in a
/// table of the run's own, and each entry as the list of its distinct terms.
///
/// Runs are read in parallel and then numbered into the index's `SearchVocabulary`, which
/// then takes a few thousand terms per run instead of ten million occurrences.
struct SearchTermBatch: Sendable {
    /// The run's distinct terms; the ids in `entries` are numbers in this table.
    let table: SearchTermTable
    /// Each entry's distinct terms in the order they first occur, with where they occur.
    let entries: [[SearchIndex.TermOccurrence]]

    /// Reads the terms of `entries`: title, extra title, headings and text.
    init(_ entries: some Collection<SearchEntry>) {
        var tokenizer = SearchTokenizer()
        var reader = Reader()
        var read: [[SearchIndex.TermOccurrence]] = []
        read.reserveCapacity(entries.count)
        for entry in entries {
            reader.fields = [.title, .body]
            tokenizer.readTerms(in: entry.title, into: &reader)
            tokenizer.readTerms(in: entry.extraTitle, into: &reader)
            for section in entry.sections {
                reader.fields = [.heading, .body]
                tokenizer.readTerms(in: section.heading, into: &reader)
                reader.fields = .body
                tokenizer.readTerms(in: section.text, into: &reader)
            }
            read.append(reader.finishEntry())
        }
        table = reader.table
        self.entries = read
    }

    /// Takes the terms of one entry after another.
    private struct Reader: SearchTermSink {
        var table = SearchTermTable()
        /// Where the terms being read occur.
        var fields: SearchIndex.Fields = .body
        private var terms: [SearchIndex.TermOccurrence] = []
        private var entry = 0
        /// By term: the last entry holding it, and where it is in that entry's list.
        private var seen: [(entry: Int, position: Int)] = []

        mutating func add(_ term: UnsafeBufferPointer<UInt8>) {
            let id = Int(table.id(of: term, hash: SearchTermTable.hash(term)))
            if id == seen.count { seen.append((-1, 0)) }
            if seen[id].entry == entry {
                terms[seen[id].position].fields.formUnion(fields)
            } else {
                seen[id] = (entry, terms.count)
                terms.append(SearchIndex.TermOccurrence(term: Int32(id), fields: fields))
            }
        }

        /// The entry's terms; the next terms are another entry's.
        mutating func finishEntry() -> [SearchIndex.TermOccurrence] {
            defer {
                terms = []
                entry += 1
            }
            return terms
        }
    }
}
