import BroadsheetCore

/// Typed, located reads of a YAML mapping's fields, collecting a diagnostic for every
/// missing, mistyped or unknown key instead of stopping at the first.
public struct YAMLFields: Sendable {
    /// The file the mapping came from.
    public let path: String
    /// The mapping node itself.
    public let node: YAMLNode
    /// What the mapping is, for messages ("front matter", "event", "site.yaml").
    public let subject: String
    /// Everything found wrong so far.
    public private(set) var diagnostics: [Diagnostic] = []

    private var pairs: [String: YAMLNode.Pair] = [:]
    private var keyOrder: [String] = []
    private var read: Set<String> = []

    /// Wraps `node`; records an error and returns nil when it is not a mapping.
    public init?(_ node: YAMLNode, path: String, subject: String, diagnostics: inout [Diagnostic]) {
        guard case .mapping(let pairs) = node.content else {
            diagnostics.append(
                .error(
                    at: SourceLocation(path: path, line: node.line, column: node.column),
                    "\(subject) must be a mapping of `key: value` lines, found \(node.kindDescription)",
                    hint: "write one `key: value` per line, e.g. `title: My title`"))
            return nil
        }
        self.path = path
        self.node = node
        self.subject = subject
        for pair in pairs {
            guard case .scalar(let key, _) = pair.key.content else {
                diagnostics.append(
                    .error(
                        at: location(of: pair.key), "keys in \(subject) must be plain names",
                        hint: "write the key as a plain word such as `title:`, not a list or mapping"))
                continue
            }
            self.pairs[key] = pair
            keyOrder.append(key)
        }
    }

    /// The location of a node of this file.
    public func location(of node: YAMLNode) -> SourceLocation {
        SourceLocation(path: path, line: node.line, column: node.column)
    }

    /// Where `key`'s value starts, or the mapping's start when the key is absent.
    public func location(ofKey key: String) -> SourceLocation {
        if let pair = pairs[key] { return location(of: pair.value) }
        return location(of: node)
    }

    /// Where `key` itself is written, or the mapping's start when absent.
    public func location(ofKeyName key: String) -> SourceLocation {
        if let pair = pairs[key] { return location(of: pair.key) }
        return location(of: node)
    }

    /// True when the key is present (even with an empty value).
    public func contains(_ key: String) -> Bool { pairs[key] != nil }

    /// Records a diagnostic found by the caller while interpreting a field.
    public mutating func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    /// The raw node of `key`, marking it read.
    public mutating func node(_ key: String, required: Bool = false, expected: String = "a value") -> YAMLNode? {
        read.insert(key)
        guard let pair = pairs[key], pair.value.content != .null else {
            if required {
                diagnostics.append(
                    .error(
                        at: location(of: node), "\(subject) is missing the required field '\(key)'",
                        hint: "add a line `\(key): …` with \(expected)"))
            }
            return nil
        }
        return pair.value
    }

    /// A text value; numbers and booleans written without quotes are accepted as their text
    /// only when `acceptsBareScalars` is true (e.g. an id `2021`), otherwise they are a type error.
    public mutating func string(
        _ key: String, required: Bool = false, acceptsBareScalars: Bool = true, expected: String = "some text"
    ) -> String? {
        guard let value = node(key, required: required, expected: expected) else { return nil }
        guard case .scalar(let text, let quoted) = value.content else {
            typeError(key, value, expected: "text")
            return nil
        }
        if !quoted && !acceptsBareScalars && YAMLScalar.looksNonTextual(text) {
            typeError(key, value, expected: "text", hint: "put it in quotes to use it as text: `\(key): \"\(text)\"`")
            return nil
        }
        if required && text.trimmingCharacters(in: .whitespaces).isEmpty {
            diagnostics.append(
                .error(at: location(of: value), "'\(key)' in \(subject) is empty", hint: "write a value after `\(key):`"))
            return nil
        }
        return text
    }

    /// A yes/no value (`true`/`false`).
    public mutating func bool(_ key: String) -> Bool? {
        guard let value = node(key) else { return nil }
        if case .scalar(let text, false) = value.content, let bool = YAMLScalar.bool(text) { return bool }
        typeError(key, value, expected: "true or false")
        return nil
    }

    /// A number value.
    public mutating func number(_ key: String, required: Bool = false) -> Double? {
        guard let value = node(key, required: required, expected: "a number") else { return nil }
        if case .scalar(let text, false) = value.content, let number = YAMLScalar.number(text) { return number }
        typeError(key, value, expected: "a number")
        return nil
    }

    /// A list of texts. A single text where a list is expected is an error with a fix.
    public mutating func stringList(_ key: String, required: Bool = false) -> [String]? {
        guard let value = node(key, required: required, expected: "a list such as [a, b]") else { return nil }
        guard case .sequence(let items) = value.content else {
            if case .scalar(let text, _) = value.content {
                diagnostics.append(
                    .error(
                        at: location(of: value), "'\(key)' must be a list, found the single value '\(text)'",
                        hint: "write it as a list: `\(key): [\(text)]`"))
            } else {
                typeError(key, value, expected: "a list")
            }
            return nil
        }
        var result: [String] = []
        for item in items {
            guard case .scalar(let text, _) = item.content else {
                diagnostics.append(
                    .error(
                        at: location(of: item), "each item of '\(key)' must be a single value, found \(item.kindDescription)",
                        hint: "write the items as plain values: `\(key): [a, b]`"))
                continue
            }
            result.append(text)
        }
        if required && items.isEmpty {
            diagnostics.append(
                .error(
                    at: location(of: value), "'\(key)' in \(subject) needs at least one item",
                    hint: "write at least one item: `\(key): [a]`"))
        }
        return result
    }

    /// Warns about every key that was never read, suggesting the closest known key.
    public mutating func reportUnknownKeys(known: [String]? = nil) {
        let candidates = known ?? Array(read)
        for key in keyOrder where !read.contains(key) {
            let pair = pairs[key]!
            diagnostics.append(
                .warning(
                    at: location(of: pair.key), "unknown key '\(key)' in \(subject) is ignored",
                    hint: Suggestion.hint(
                        for: key, in: candidates,
                        otherwise: "known keys: \(candidates.sorted().joined(separator: ", "))")))
        }
    }

    /// Reports every key that was never read as an error, suggesting the closest known key
    /// (front matter, where a misspelt `draft:` must not publish an article by mistake).
    public mutating func reportUnknownKeysAsErrors(known: [String], customFieldsKey: String) {
        for key in keyOrder where !read.contains(key) {
            let pair = pairs[key]!
            let fallback =
                "known keys: \(known.sorted().joined(separator: ", ")); put fields of your own under `\(customFieldsKey):`"
            diagnostics.append(
                .error(
                    at: location(of: pair.key), "unknown key '\(key)' in \(subject)",
                    hint: Suggestion.closest(to: key, in: known).map {
                        "did you mean '\($0)'? Fields of your own go under `\(customFieldsKey):`"
                    } ?? fallback))
        }
    }

    private mutating func typeError(_ key: String, _ value: YAMLNode, expected: String, hint: String? = nil) {
        var found = value.kindDescription
        if case .scalar(let text, _) = value.content { found = "'\(text)'" }
        diagnostics.append(
            .error(
                at: location(of: value), "'\(key)' in \(subject) must be \(expected), found \(found)",
                hint: hint ?? "write \(expected) after `\(key):`"))
    }
}

/// Interpretation of plain YAML scalars under the core schema.
public enum YAMLScalar {
    /// `true`/`false` in their YAML 1.2 spellings.
    public static func bool(_ text: String) -> Bool? {
        switch text {
        case "true", "True", "TRUE": true
        case "false", "False", "FALSE": false
        default: nil
        }
    }

    /// A decimal number (integers, decimals, exponents).
    public static func number(_ text: String) -> Double? {
        let trimmed = text.replacingOccurrences(of: "_", with: "")
        guard !trimmed.isEmpty, trimmed.first != "+" || trimmed.count > 1 else { return nil }
        guard let value = Double(trimmed), value.isFinite else { return nil }
        return value
    }

    /// True for plain scalars YAML would read as a number or boolean.
    public static func looksNonTextual(_ text: String) -> Bool {
        bool(text) != nil || number(text) != nil
    }
}
