import BroadsheetCore

/// HTML escaping exactly as libcmark does it, so the website's HTML stays byte for byte what
/// libcmark wrote before the document tree existed.
public enum CmarkEscaping {

    /// Escapes `&`, `<`, `>` and `"`, as libcmark escapes text and attribute values.
    public static func text(_ text: String) -> String {
        HTMLText.escape(text, apostrophe: nil)
    }

    /// Escapes a URL for an `href` or `src` as libcmark does: safe characters as they are, `&`
    /// and `'` as entities, every other byte percent-encoded.
    public static func href(_ url: String) -> String {
        guard url.containsUTF8Byte(where: { !hrefSafe[Int($0)] }) else { return url }
        var result: [UInt8] = []
        result.reserveCapacity(url.utf8.count + 16)
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in url.utf8 {
            if hrefSafe[Int(byte)] {
                result.append(byte)
            } else if byte == UInt8(ascii: "&") {
                result += Array("&amp;".utf8)
            } else if byte == UInt8(ascii: "'") {
                result += Array("&#x27;".utf8)
            } else {
                result += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    private static let hrefSafe: [Bool] = (0..<256).map { byte in
        guard byte < 0x80, let scalar = Unicode.Scalar(byte) else { return false }
        let character = Character(scalar)
        return (character.isASCII && (character.isLetter || character.isNumber)) || "!#$%()*+,-./:;=?@_~".contains(character)
    }
}
