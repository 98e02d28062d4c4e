import BroadsheetCore

/// Quoted-printable content transfer encoding (RFC 2045 §6.7).
public enum QuotedPrintable {
    /// Encodes UTF-8 text line by line; lines end in CRLF and never exceed 76 characters.
    ///
    /// Line breaks of the text (LF or CRLF) become hard CRLF breaks; long lines get soft
    /// breaks (`=` at the end); `=`, control characters, non-ASCII bytes and trailing
    /// spaces or tabs are written as `=XX`.
    public static func encode(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count + text.utf8.count / 8)
        let lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            var bytes = Array(line)
            if bytes.last == 13 { bytes.removeLast() }
            encodeLine(bytes, into: &output)
            if index < lines.count - 1 { output += "\r\n" }
        }
        return output
    }

    /// Decodes quoted-printable text back to bytes (soft breaks removed, CRLF kept as line breaks).
    public static func decode(_ encoded: String) -> [UInt8] {
        var bytes: [UInt8] = []
        let input = Array(encoded.utf8)
        var index = 0
        while index < input.count {
            let byte = input[index]
            if byte == UInt8(ascii: "=") {
                if index + 2 < input.count, input[index + 1] == 13, input[index + 2] == 10 {
                    index += 3
                    continue
                }
                if index + 1 < input.count, input[index + 1] == 10 {
                    index += 2
                    continue
                }
                if index + 2 < input.count, let high = HexDigit.value(input[index + 1]),
                    let low = HexDigit.value(input[index + 2])
                {
                    bytes.append(high << 4 | low)
                    index += 3
                    continue
                }
            }
            bytes.append(byte)
            index += 1
        }
        return bytes
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    private static func encodeLine(_ bytes: [UInt8], into output: inout String) {
        var column = 0
        for (index, byte) in bytes.enumerated() {
            let isLast = index == bytes.count - 1
            let literal: Bool
            switch byte {
            case 32, 9: literal = !isLast
            case 33...60, 62...126: literal = true
            default: literal = false
            }
            let width = literal ? 1 : 3
            // Keep room for the soft break's `=` unless this is the line's last piece.
            let limit = isLast ? 76 : 75
            if column + width > limit {
                output += "=\r\n"
                column = 0
            }
            if literal {
                output.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                output.unicodeScalars.append("=")
                output.unicodeScalars.append(Unicode.Scalar(hexDigits[Int(byte >> 4)]))
                output.unicodeScalars.append(Unicode.Scalar(hexDigits[Int(byte & 0x0F)]))
            }
            column += width
        }
    }
}
