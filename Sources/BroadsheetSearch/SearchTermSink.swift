/// What `SearchTokenizer.readTerms(in:into:)` hands each term to.
protocol SearchTermSink {
    /// Takes the UTF-8 bytes of one term, valid only during the call.
    mutating func add(_ term: UnsafeBufferPointer<UInt8>)
}
