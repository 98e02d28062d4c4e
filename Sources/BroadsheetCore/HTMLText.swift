/// Escaping for text we put into HTML and XML ourselves.
public enum HTMLText {
    /// Escapes `& < > " '` so `text` is safe in element content and quoted attributes.
    public static func escape(_ text: String) -> String {
        escape(text, apostrophe: "&#39;")
    }

    /// Escapes `&`, `<`, `>` and `"` as entities, and `'` as `apostrophe` when there is one.
    ///
    /// Works on the bytes (every escaped character is ASCII, so a multi-byte character is never
    /// split): the text is measured once and written once, the runs between escapes copied
    /// whole. Reading it scalar by scalar, appending each to a `String`, was about 1% of a large
    /// build. Text without any of the characters is returned as it is.
    public static func escape(_ text: String, apostrophe: StaticString?) -> String {
        let escapesApostrophe = apostrophe != nil
        func entity(_ byte: UInt8) -> StaticString? {
            switch byte {
            case 0x26: "&amp;"
            case 0x3C: "&lt;"
            case 0x3E: "&gt;"
            case 0x22: "&quot;"
            case 0x27: apostrophe
            default: nil
            }
        }
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard containsEscapable(bytes, apostrophe: escapesApostrophe) else { return nil }
            var length = bytes.count
            for byte in bytes {
                if let entity = entity(byte) { length += entity.utf8CodeUnitCount - 1 }
            }
            return String(unsafeUninitializedCapacity: length) { output in
                var written = 0
                var runStart = 0
                func copy(_ run: UnsafeBufferPointer<UInt8>) {
                    guard let source = run.baseAddress, !run.isEmpty else { return }
                    (output.baseAddress! + written).update(from: source, count: run.count)
                    written += run.count
                }
                for index in bytes.indices {
                    guard let entity = entity(bytes[index]) else { continue }
                    copy(UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                    entity.withUTF8Buffer { copy($0) }
                    runStart = index + 1
                }
                copy(UnsafeBufferPointer(rebasing: bytes[runStart...]))
                return written
            }
        } ?? text
    }

    /// Whether `bytes` hold `&`, `<`, `>`, `"` (or `'`, with `apostrophe`): the check in front
    /// of every escape, over all the text of a site (most of it needs no escaping).
    ///
    /// Eight bytes at a time (`ByteWord`): `<` and `>` differ only in bit 1, and `"` and `&`
    /// only in bit 2, so setting that bit makes each pair one byte value to look for.
    static func containsEscapable(_ bytes: UnsafeBufferPointer<UInt8>, apostrophe: Bool) -> Bool {
        let count = bytes.count
        var index = 0
        while index + 8 <= count {
            let word = ByteWord(bytes, at: index)
            if word.setting(0x02).contains(0x3E) || word.setting(0x04).contains(0x26) || (apostrophe && word.contains(0x27)) {
                return true
            }
            index += 8
        }
        while index < count {
            let byte = bytes[index]
            if byte | 0x02 == 0x3E || byte | 0x04 == 0x26 || (apostrophe && byte == 0x27) { return true }
            index += 1
        }
        return false
    }
}

extension String {
    /// Whether any UTF-8 byte of the string passes `test`: the quick check in front of every
    /// escaper (most texts need no escaping). It reads the string's storage directly, about
    /// three times faster than iterating `utf8`, which was a few percent of a large build.
    @inlinable
    public func containsUTF8Byte(where test: (UInt8) -> Bool) -> Bool {
        if let found = utf8.withContiguousStorageIfAvailable({ bytes in bytes.contains(where: test) }) { return found }
        return utf8.contains(where: test)
    }

    /// Whether every character is ASCII, read from the string's bytes.
    public var isASCIIOnly: Bool { !containsUTF8Byte(where: { $0 >= 0x80 }) }
}
