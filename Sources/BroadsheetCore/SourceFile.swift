import Foundation

/// A text file of the site's sources, decoded and normalised once.
///
/// Line endings are normalised to `\n` and a byte-order mark is dropped, so line
/// numbers mean the same thing for every later stage.
public struct SourceFile: Sendable, Hashable {
    /// The path relative to the site root, used in diagnostics.
    public let path: String
    /// The decoded text with `\n` line endings.
    public let text: String

    /// Wraps text that is already decoded (tests, generated sources).
    public init(path: String, text: String) {
        self.path = path
        self.text = Self.normalised(text)
    }

    /// Reads and decodes `root/path`, refusing a file that is (or sits in a folder that is) a
    /// symbolic link to somewhere outside `root`, so no input can make a build read outside the site.
    public static func read(_ path: String, in root: URL) -> Result<SourceFile, Diagnostic> {
        SourceRoot(root).read(path)
    }

    /// Reads and decodes `url`, reporting invalid UTF-8, NUL bytes and control characters at their line and column.
    public static func read(_ url: URL, displayPath: String) -> Result<SourceFile, Diagnostic> {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            return .failure(
                .error(
                    at: SourceLocation(path: displayPath), "cannot read the file: \(error.localizedDescription)",
                    hint: "check that the file exists and is readable"))
        }
        return decode(data, displayPath: displayPath)
    }

    /// Decodes bytes as UTF-8, reporting the first invalid sequence, NUL byte, control character
    /// or XML-forbidden non-character with its position.
    ///
    /// Every source (Markdown, front matter, site.yaml, facts, templates) is read here, so this
    /// one check keeps control characters out of every text field and every XML output.
    public static func decode(_ data: Data, displayPath: String) -> Result<SourceFile, Diagnostic> {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        // Fast path: the standard library validates UTF-8 far faster than the locating scan below.
        if !mayHoldForbiddenCharacter(bytes), let text = String(validating: bytes, as: UTF8.self) {
            return .success(SourceFile(path: displayPath, text: text))
        }
        if let problem = firstProblem(in: bytes) {
            return .failure(
                .error(
                    at: SourceLocation(path: displayPath, line: problem.line, column: problem.column),
                    problem.message, hint: problem.hint))
        }
        return .success(SourceFile(path: displayPath, text: String(decoding: bytes, as: UTF8.self)))
    }

    private static func normalised(_ text: String) -> String {
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        guard containsCarriageReturn(text) else { return text }
        return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    /// `memchr` over the string's bytes: the generic `utf8.contains` steps through a
    /// view index per byte, which was 1.5% of a large build for every source file.
    private static func containsCarriageReturn(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, Int32(UInt8(ascii: "\r")), bytes.count) != nil
        }
    }

    /// True when the bytes may hold a NUL, a C0 control other than tab, line feed and carriage
    /// return, DEL, a C1 control (U+0080–U+009F) or U+FFFE/U+FFFF; the locating scan then says which.
    ///
    /// Eight bytes at a time first: a word whose bytes all lie in 0x20–0x7E (most of any text)
    /// holds nothing forbidden and is skipped whole; any other word is read byte by byte.
    static func mayHoldForbiddenCharacter(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            let count = buffer.count
            var index = 0
            while index < count {
                if index + 8 <= count {
                    let word = ByteWord(buffer, at: index)
                    if !word.contains(below: 0x20) && !word.contains(above: 0x7E) {
                        index += 8
                        continue
                    }
                }
                let byte = buffer[index]
                if byte < 0x20 {
                    if byte != 0x09 && byte != 0x0A && byte != 0x0D { return true }
                } else if byte == 0x7F {
                    return true
                } else if byte == 0xC2 {
                    if index + 1 < count && buffer[index + 1] >= 0x80 && buffer[index + 1] <= 0x9F { return true }
                } else if byte == 0xEF {
                    if index + 2 < count && buffer[index + 1] == 0xBF && buffer[index + 2] >= 0xBE { return true }
                }
                index += 1
            }
            return false
        }
    }

    /// Readable names of the control characters most often pasted by accident.
    private static let controlNames: [UInt32: String] = [
        0x07: "bell", 0x08: "backspace", 0x0B: "vertical tab", 0x0C: "form feed", 0x1B: "escape", 0x7F: "delete",
        0x85: "next line",
    ]

    private static func controlProblem(_ value: UInt32, line: Int, column: Int) -> Problem {
        let code = String(format: "U+%04X", value)
        let name = controlNames[value].map { " (\($0))" } ?? ""
        return Problem(
            line: line, column: column, message: "the file contains the control character \(code)\(name)",
            hint:
                "remove it (it may be invisible in your editor); text may hold tabs and line breaks but no other control characters"
        )
    }

    private struct Problem {
        var line: Int
        var column: Int
        var message: String
        var hint: String
    }

    private static func firstProblem(in bytes: [UInt8]) -> Problem? {
        var line = 1
        var column = 1
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00:
                return Problem(
                    line: line, column: column, message: "the file contains a NUL byte",
                    hint: "remove the NUL character; the file may be binary or corrupted")
            case 0x01...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: length = 0
            }
            var valid = length > 0 && index + length <= bytes.count
            if valid && length > 1 {
                for offset in 1..<length where bytes[index + offset] & 0xC0 != 0x80 { valid = false }
                if valid && length == 3 {
                    let second = bytes[index + 1]
                    if (byte == 0xE0 && second < 0xA0) || (byte == 0xED && second > 0x9F) { valid = false }
                }
                if valid && length == 4 {
                    let second = bytes[index + 1]
                    if (byte == 0xF0 && second < 0x90) || (byte == 0xF4 && second > 0x8F) { valid = false }
                }
            }
            if !valid {
                return Problem(
                    line: line, column: column,
                    message: "invalid UTF-8 byte 0x\(String(byte, radix: 16, uppercase: true)) in the text",
                    hint: "save the file as UTF-8 (it may be in another encoding such as GBK or Latin-1)")
            }
            if (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F {
                return controlProblem(UInt32(byte), line: line, column: column)
            }
            if byte == 0xC2 && bytes[index + 1] <= 0x9F {
                return controlProblem(UInt32(bytes[index + 1]), line: line, column: column)
            }
            if byte == 0xEF && bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE {
                let code = bytes[index + 2] == 0xBE ? "U+FFFE" : "U+FFFF"
                return Problem(
                    line: line, column: column, message: "the file contains \(code), which is not a character",
                    hint: "remove it; feeds and other XML cannot carry Unicode non-characters")
            }
            if byte == UInt8(ascii: "\n")
                || (byte == UInt8(ascii: "\r") && index + 1 < bytes.count && bytes[index + 1] != UInt8(ascii: "\n"))
            {
                line += 1
                column = 1
            } else if byte != UInt8(ascii: "\r") {
                column += 1
            }
            index += length
        }
        return nil
    }
}

/// A site folder to read many sources from: its real path is resolved once, not per file.
public struct SourceRoot: Sendable {
    /// The site folder, as given.
    public let url: URL
    /// The site folder with every link resolved, to compare files' real paths against.
    private let realPath: String

    public init(_ url: URL) {
        self.url = url
        realPath = Self.resolve(url)
    }

    /// Reads and decodes `path` (relative to the root), refusing a file that is (or sits in a
    /// folder that is) a symbolic link to somewhere outside the root.
    public func read(_ path: String) -> Result<SourceFile, Diagnostic> {
        let file = url.appendingPathComponent(path)
        let realFile = Self.resolve(file)
        guard realFile.hasPrefix(realPath + "/") else {
            return .failure(
                .error(
                    at: SourceLocation(path: path), "this file is a link to \(realFile), outside the site folder",
                    hint: "copy the file into the site instead of linking to it; links may only point inside \(realPath)"))
        }
        return SourceFile.read(file, displayPath: path)
    }

    /// The path with every link resolved, by `realpath(3)`: Foundation's
    /// `resolvingSymlinksInPath`, twice per file, was 4% of a large build. Foundation still
    /// answers for a path `realpath` cannot resolve (a missing file, a dangling link).
    private static func resolve(_ url: URL) -> String {
        guard let resolved = realpath(url.path, nil) else { return url.resolvingSymlinksInPath().path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
