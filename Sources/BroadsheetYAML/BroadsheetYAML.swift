import BroadsheetCore
import Foundation
import Yams

/// Parses YAML text into located `YAMLNode` values, turning every Yams error into a
/// `Diagnostic` at the right file, line and column.
public enum YAMLParser {
    /// The most nodes one document may expand to; guards against alias bombs.
    public static let nodeBudget = 200_000

    /// Parses `text` (which starts at line `lineOffset + 1` of `path`), or returns the syntax error.
    public static func parse(_ text: String, path: String, lineOffset: Int = 0) -> Result<YAMLNode?, Diagnostic> {
        let text = withoutUnicodeLineBreaks(text)
        if let line = lineWithAliasAsKey(text) {
            return .failure(
                .error(
                    at: SourceLocation(path: path, line: line + lineOffset, column: 1),
                    "an alias (*name) is used as a mapping key",
                    hint: "write the key out; aliases as keys are not supported (they can expand without limit)"))
        }
        if let flat = FlatYAML.parse(text, lineOffset: lineOffset) { return .success(flat) }
        return composed(text, path: path, lineOffset: lineOffset)
    }

    /// Parses `text` with Yams (every shape of YAML, and every syntax error).
    static func composed(_ text: String, path: String, lineOffset: Int) -> Result<YAMLNode?, Diagnostic> {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, text: text, path: path, lineOffset: lineOffset))
        } catch {
            return .failure(
                .error(
                    at: SourceLocation(path: path, line: lineOffset + 1), "cannot parse YAML: \(error)",
                    hint: "check that the file is plain YAML text"))
        }
        guard let root else { return .success(nil) }
        var converter = NodeConverter(path: path, lineOffset: lineOffset)
        do {
            return .success(try converter.convert(root))
        } catch {
            return .failure(error)
        }
    }

    /// libyaml also ends lines at NEL (U+0085) and the Unicode line and paragraph separators
    /// (U+2028, U+2029); everywhere else in Broadsheet only `\n` does. Read as spaces, they
    /// keep libyaml's line numbers equal to the file's (found by fuzzing).
    static func withoutUnicodeLineBreaks(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == "\u{85}" || $0 == "\u{2028}" || $0 == "\u{2029}" }) else {
            return text
        }
        return String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { $0 == "\u{85}" || $0 == "\u{2028}" || $0 == "\u{2029}" ? " " : $0 }))
    }

    /// Yams hashes keys while checking for duplicates, before our node budget can stop an
    /// alias bomb, so an alias in key position is refused up front.
    static func lineWithAliasAsKey(_ text: String) -> Int? {
        guard text.contains("*") else { return nil }
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line.drop { $0 == " " || $0 == "\t" }
            while rest.hasPrefix("- ") { rest = rest.dropFirst(2).drop { $0 == " " } }
            if rest.hasPrefix("? ") { rest = rest.dropFirst(2).drop { $0 == " " } }
            guard rest.hasPrefix("*") else {
                if line.contains("{") && line.range(of: #"[{,]\s*\*[^\s,:}]+\s*:"#, options: .regularExpression) != nil {
                    return index + 1
                }
                continue
            }
            let afterName = rest.dropFirst().drop { !$0.isWhitespace && $0 != ":" }.drop { $0 == " " }
            if line.drop(while: { $0 == " " }).hasPrefix("? ") || afterName.hasPrefix(":") { return index + 1 }
        }
        return nil
    }

    private static func diagnostic(for error: YamlError, text: String, path: String, lineOffset: Int) -> Diagnostic {
        func location(_ mark: Mark) -> SourceLocation {
            SourceLocation(path: path, line: mark.line + lineOffset, column: mark.column)
        }
        let hint =
            "check the indentation and quoting near this position; quote values that contain ': ' or start with a special character"
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            var message = "invalid YAML: \(problem)"
            if let context { message += " (\(context.text) at line \(context.mark.line + lineOffset))" }
            // "Unexpected end of stream" is found far from the cause (an unclosed quote or
            // bracket): point at where the unfinished construct starts. So is an error at the
            // very end of the text inside a flow collection (`[2021` then the closing `---`).
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let lastWrittenLine = (lines.lastIndex { !$0.allSatisfy(\.isWhitespace) } ?? 0) + 1
            let atEnd = mark.line > lastWrittenLine
            if problem.contains("end of stream") || (atEnd && context?.text.contains("flow") == true), let context {
                let construct = context.text.replacingOccurrences(of: "while scanning ", with: "")
                    .replacingOccurrences(of: "while parsing ", with: "")
                return .error(
                    at: location(context.mark), "invalid YAML: \(construct) starts here and is never closed",
                    hint: "close the quote or bracket that starts here")
            }
            return .error(at: location(mark), message, hint: hint)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.sorted()
            var at = location(context.mark)
            var message =
                "duplicate key\(keys.count == 1 ? "" : "s") \(keys.map { "'\($0)'" }.joined(separator: ", ")) in a mapping"
            if let first = keys.first, let repeated = repeatedKeyPosition(first, in: text, mapping: context.mark) {
                at = SourceLocation(path: path, line: repeated.line + lineOffset, column: repeated.column)
                message += " (\(keys.count == 1 ? "" : "'\(first)' ")first written on line \(repeated.firstLine + lineOffset))"
            }
            return .error(at: at, message, hint: "each key may appear only once; remove or rename the repeated key")
        case .reader(let problem, let offset, _, _):
            // libyaml's reader reports a byte offset: turn it into the line and column.
            var at = SourceLocation(path: path, line: lineOffset + 1)
            if let offset, offset >= 0, offset <= text.utf8.count {
                let before = text.utf8.prefix(offset)
                let line = before.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
                let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { before.index(after: $0) } ?? before.startIndex
                let column = String(decoding: before[lineStart...], as: UTF8.self).count + 1
                at = SourceLocation(path: path, line: line + lineOffset, column: column)
            }
            return .error(
                at: at, "unreadable YAML: \(problem)",
                hint: "remove the control character (it may be invisible in your editor); save the file as UTF-8 text")
        default:
            return .error(
                at: SourceLocation(path: path, line: lineOffset + 1), "invalid YAML: \(error)",
                hint: "check the file's indentation and quoting")
        }
    }

    /// Where `key` is written the second time in the block mapping that starts at `mapping`:
    /// the first line at the mapping's indentation that starts with `key:` after an earlier one.
    static func repeatedKeyPosition(_ key: String, in text: String, mapping: Mark) -> (line: Int, column: Int, firstLine: Int)? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let indent = mapping.column - 1
        var firstLine: Int?
        for index in max(0, mapping.line - 1)..<lines.count {
            let line = lines[index]
            guard line.count > indent else { continue }
            let prefix = line.prefix(indent)
            let rest = line.dropFirst(indent)
            guard prefix.allSatisfy({ $0 == " " || $0 == "-" }) else {
                if firstLine != nil && !line.trimmingCharacters(in: .whitespaces).isEmpty
                    && line.prefix(while: { $0 == " " }).count < indent
                {
                    break
                }
                continue
            }
            let written = [key + ":", "\"\(key)\":", "'\(key)':"]
            guard written.contains(where: { rest.hasPrefix($0) }) else { continue }
            if let firstLine { return (index + 1, indent + 1, firstLine) }
            firstLine = index + 1
        }
        return nil
    }
}

/// Converts Yams nodes to Sendable `YAMLNode`s, counting nodes so aliases cannot explode.
private struct NodeConverter {
    let path: String
    let lineOffset: Int
    var count = 0

    mutating func convert(_ node: Node) throws(Diagnostic) -> YAMLNode {
        count += 1
        let mark = node.mark
        let line = (mark?.line ?? 1) + lineOffset
        let column = mark?.column ?? 1
        if count > YAMLParser.nodeBudget {
            throw .error(
                at: SourceLocation(path: path, line: line, column: column),
                "the YAML expands to more than \(YAMLParser.nodeBudget) values (an alias bomb?)",
                hint: "remove the anchors and aliases (& and *) that repeat large structures")
        }
        switch node {
        case .scalar(let scalar):
            let isPlain = scalar.style == .plain || scalar.style == .any
            let isNull =
                isPlain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
                && scalar.tag.description != "tag:yaml.org,2002:str"
            return YAMLNode(
                isNull ? .null : .scalar(scalar.string, quoted: !isPlain), line: line, column: column)
        case .sequence(let sequence):
            var items: [YAMLNode] = []
            for item in sequence { items.append(try convert(item)) }
            return YAMLNode(.sequence(items), line: line, column: column)
        case .mapping(let mapping):
            var pairs: [YAMLNode.Pair] = []
            for (key, value) in mapping {
                pairs.append(YAMLNode.Pair(key: try convert(key), value: try convert(value)))
            }
            return YAMLNode(.mapping(pairs), line: line, column: column)
        case .alias:
            throw .error(
                at: SourceLocation(path: path, line: line, column: column), "unresolved YAML alias",
                hint: "define the anchor (&name) before using it (*name)")
        }
    }
}
