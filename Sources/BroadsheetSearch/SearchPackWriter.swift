/// What writing packs one after another reuses: the JSON buffer and the compressor.
struct SearchPackWriter: ~Copyable {
    var json = SearchJSON(capacity: 64 << 10)
    var deflater = Deflater()
}
