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
            return .failure(diagnostic(for: error, path: path, lineOffset: lineOffset))
        } catch {
            return .failure(
                .error(at: SourceLocation(path: path, line: lineOffset + 1), "cannot parse YAML: \(error)"))
        }
        guard let root else { return .success(nil) }
        var converter = NodeConverter(path: path, lineOffset: lineOffset)
        do {
            return .success(try converter.convert(root))
        } catch {
            return .failure(error)
        }
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

    private static func diagnostic(for error: YamlError, path: String, lineOffset: Int) -> Diagnostic {
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
            // bracket): point at where the unfinished construct starts.
            if problem.contains("end of stream"), let context {
                let construct = context.text.replacingOccurrences(of: "while scanning ", with: "")
                    .replacingOccurrences(of: "while parsing ", with: "")
                return .error(
                    at: location(context.mark), "invalid YAML: \(construct) starts here and is never closed",
                    hint: "close the quote or bracket that starts here")
            }
            return .error(at: location(mark), message, hint: hint)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .error(
                at: location(context.mark),
                "duplicate key\(duplicates.count == 1 ? "" : "s") \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) in a mapping",
                hint: "each key may appear only once; remove or rename the repeated key")
        case .reader(let problem, _, _, _):
            return .error(at: SourceLocation(path: path, line: lineOffset + 1), "unreadable YAML: \(problem)")
        default:
            return .error(at: SourceLocation(path: path, line: lineOffset + 1), "invalid YAML: \(error)")
        }
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
