/// How entries are grouped into files: entry `n` is item `n % size` of pack `n / size`, a
/// zlib-compressed JSON array written to `search/entries/P.pack`.
///
/// Creating files is most of what the index costs a build (one file per entry was 10,600 files
/// on a 10,000-article site), so consecutive entries share a file.
enum SearchPack {
    /// Four entries a file: a quarter of the file creations, and a compressed pack (about
    /// 5.5 KB on the synthetic sites) costs a result about the bytes one uncompressed entry
    /// did, so a first query showing ten results from ten packs stays well inside its 150 KB.
    /// Bigger packs save fewer files each and multiply what every result downloads.
    static let size = 4

    /// The pack holding entry `number`.
    static func pack(ofEntry number: Int) -> Int { number / size }

    /// Where entry `number` is in its pack's array.
    static func position(ofEntry number: Int) -> Int { number % size }

    /// How many packs `entryCount` entries fill.
    static func count(entries entryCount: Int) -> Int { (entryCount + size - 1) / size }

    /// The entry numbers pack `pack` holds, among `entryCount` entries.
    static func entries(inPack pack: Int, of entryCount: Int) -> Range<Int> {
        pack * size..<min((pack + 1) * size, entryCount)
    }

    /// The path of pack `pack` in the output. Not `.gz` or `.z`: some servers add a
    /// Content-Encoding for those, and the browser would then decompress twice.
    static func path(_ pack: Int) -> String { SearchIndex.folder + "entries/\(pack).pack" }
}
