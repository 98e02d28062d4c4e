import BroadsheetCore
import BroadsheetYAML

/// A value of the `extra:` map of front matter: fields of a site's own that Broadsheet does
/// not interpret and templates can read (`{{extra.KEY}}`), as Zola's `extra`.
public enum ExtraValue: Sendable, Hashable, Encodable {
    /// Text (quoted scalars, and numbers as written).
    case text(String)
    /// `true` or `false` written without quotes, so `{{#extra.key}}` tests it.
    case flag(Bool)
    /// A list.
    case list([ExtraValue])
    /// A mapping, read as `{{extra.key.child}}`.
    case map([String: ExtraValue])
    /// An empty value.
    case empty

    /// The value of a YAML node; keys that are not plain names are skipped (YAMLFields reports them).
    init(_ node: YAMLNode) {
        switch node.content {
        case .scalar(let text, let quoted):
            if !quoted, let bool = YAMLScalar.bool(text) {
                self = .flag(bool)
            } else {
                self = .text(text)
            }
        case .sequence(let items): self = .list(items.map(ExtraValue.init))
        case .mapping(let pairs):
            var map: [String: ExtraValue] = [:]
            for pair in pairs {
                if case .scalar(let key, _) = pair.key.content { map[key] = ExtraValue(pair.value) }
            }
            self = .map(map)
        case .null: self = .empty
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .text(let text):
            var container = encoder.singleValueContainer()
            try container.encode(text)
        case .flag(let flag):
            var container = encoder.singleValueContainer()
            try container.encode(flag)
        case .list(let items):
            var container = encoder.unkeyedContainer()
            for item in items { try container.encode(item) }
        case .map(let map):
            try map.encode(to: encoder)
        case .empty:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        }
    }
}

/// Reads the `extra:` mapping of front matter.
enum ExtraLoader {
    static func load(_ fields: inout YAMLFields) -> [String: ExtraValue] {
        guard let node = fields.node("extra", expected: "a mapping of your own fields") else { return [:] }
        guard case .map(let map) = ExtraValue(node) else {
            fields.report(
                .error(
                    at: fields.location(of: node), "'extra' must be a mapping of your own fields, found \(node.kindDescription)",
                    hint: "write one field per line under it, indented: `extra:` then `  kicker: Analysis`"))
            return [:]
        }
        return map
    }
}
