import Foundation
import Mustache

/// Turns an `Encodable` view into nested dictionaries and arrays once, before rendering.
///
/// swift-mustache reads plain structs through `Mirror` on every variable lookup, which
/// dominated build time; dictionaries are looked up by hash instead. Encoding uses the
/// compiler-synthesised `encode(to:)`, so views stay plain structs of stored properties.
enum TemplateValueEncoder {
    /// The view as dictionaries, arrays and values. With `wrapsText`, strings become
    /// `TemplateText`, which renders the same and costs swift-mustache fewer type checks.
    static func encode(_ value: some Encodable, wrapsText: Bool = true) throws -> Any {
        let encoder = ValueEncoder(storage: Storage(wrapsText: wrapsText))
        try value.encode(to: encoder)
        return encoder.storage.value
    }
}

/// A box so containers can write into their parent after it was handed out.
private final class Storage {
    enum Node {
        case empty
        case value(Any)
        /// Keys in the order they were encoded; a key encoded twice keeps its last value.
        case keyed([(key: String, child: Child)])
        case unkeyed([Child])
    }

    /// A finished value, or a container that may still be written to. Primitives are stored
    /// as values directly: a box per string was a tenth of the encoder's time.
    enum Child {
        case value(Any)
        case container(Storage)

        var value: Any {
            switch self {
            case .value(let value): return value
            case .container(let storage): return storage.value
            }
        }
    }

    var node: Node = .empty
    /// Whether strings are stored as `TemplateText` (see `TemplateValueEncoder.encode`).
    let wrapsText: Bool

    init(wrapsText: Bool) { self.wrapsText = wrapsText }
    init(_ node: Node, wrapsText: Bool) {
        self.node = node
        self.wrapsText = wrapsText
    }

    /// A string as this encoding stores it.
    func text(_ string: String) -> Child { .value(wrapsText ? TemplateText(string) as Any : string) }

    /// A new container below this one, encoded the same way.
    func child(_ node: Node) -> Storage { Storage(node, wrapsText: wrapsText) }

    var value: Any {
        switch node {
        case .empty: return [String: Any]()
        case .value(let value): return value
        case .keyed(let children):
            // One dictionary, made at its final size: built key by key, and then mapped to
            // values, it grew several times and was made twice.
            var values = [String: Any](minimumCapacity: children.count)
            for (key, child) in children { values[key] = child.value }
            return values
        case .unkeyed(let items): return items.map(\.value)
        }
    }
}

/// A present key with no value, which Mustache renders as empty and false.
private var absent: Storage.Child { .value(AbsentValue()) }

// The coding path is always empty: it only serves error messages, no view's encoding fails,
// and building one array per key was a noticeable share of the encoder's time.
private struct ValueEncoder: Encoder {
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    let storage: Storage

    init(storage: Storage) { self.storage = storage }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .keyed = storage.node {} else { storage.node = .keyed([]) }
        return KeyedEncodingContainer(KeyedContainer<Key>(storage: storage))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .unkeyed = storage.node {} else { storage.node = .unkeyed([]) }
        return UnkeyedContainer(storage: storage)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleContainer(storage: storage)
    }
}

/// Encodes one value; primitives are stored directly, because their own `encode(to:)`
/// would ask for a single-value container again and recurse.
private func encodeChild(_ value: some Encodable, in parent: Storage) throws -> Storage.Child {
    switch value {
    case let string as String: return parent.text(string)
    case let bool as Bool: return .value(bool)
    case let int as Int: return .value(int)
    case let double as Double: return .value(double)
    case let integer as any BinaryInteger: return .value(Int(truncatingIfNeeded: integer))
    case let float as any BinaryFloatingPoint: return .value(Double(float))
    case let decimal as Decimal: return .value(NSDecimalNumber(decimal: decimal).doubleValue)
    case let date as Date: return parent.text(ISO8601DateFormatter().string(from: date))
    case let url as URL: return parent.text(url.absoluteString)
    case let shared as SharedTemplateValue: return .value(shared.encoded)
    default:
        let encoder = ValueEncoder(storage: parent.child(.empty))
        try value.encode(to: encoder)
        return .container(encoder.storage)
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let storage: Storage
    var codingPath: [any CodingKey] { [] }

    private func set(_ key: Key, _ child: Storage.Child) {
        guard case .keyed(var children) = storage.node else { return }
        // Emptied first so `children` is the only reference and grows in place, not by copy.
        storage.node = .empty
        children.append((key.stringValue, child))
        storage.node = .keyed(children)
    }

    mutating func encodeNil(forKey key: Key) throws { set(key, absent) }

    // The primitives synthesised `encode(to:)` uses most, without the generic path's casts.
    mutating func encode(_ value: String, forKey key: Key) throws { set(key, storage.text(value)) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { set(key, .value(value)) }
    mutating func encode(_ value: Int, forKey key: Key) throws { set(key, .value(value)) }
    mutating func encode(_ value: Double, forKey key: Key) throws { set(key, .value(value)) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        set(key, try encodeChild(value, in: storage))
    }

    // A nil optional is stored as an explicit absent value: left out, Mustache would look the
    // name up in the enclosing context and show an outer value of the same name.
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        let child = storage.child(.keyed([]))
        set(key, .container(child))
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(storage: child))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = storage.child(.unkeyed([]))
        set(key, .container(child))
        return UnkeyedContainer(storage: child)
    }

    mutating func superEncoder() -> any Encoder { ValueEncoder(storage: storage.child(.empty)) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { ValueEncoder(storage: storage.child(.empty)) }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let storage: Storage
    var codingPath: [any CodingKey] { [] }
    var count: Int {
        if case .unkeyed(let items) = storage.node { return items.count }
        return 0
    }

    private func append(_ child: Storage.Child) {
        guard case .unkeyed(var items) = storage.node else { return }
        // Emptied first so `items` is the only reference and grows in place, not by copy.
        storage.node = .empty
        items.append(child)
        storage.node = .unkeyed(items)
    }

    mutating func encodeNil() throws {}

    mutating func encode(_ value: String) throws { append(storage.text(value)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        append(try encodeChild(value, in: storage))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let child = storage.child(.keyed([]))
        append(.container(child))
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(storage: child))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = storage.child(.unkeyed([]))
        append(.container(child))
        return UnkeyedContainer(storage: child)
    }

    mutating func superEncoder() -> any Encoder { ValueEncoder(storage: storage.child(.empty)) }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let storage: Storage
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws {}

    mutating func encode<T: Encodable>(_ value: T) throws {
        switch try encodeChild(value, in: storage) {
        case .value(let value): storage.node = .value(value)
        case .container(let child): storage.node = child.node
        }
    }
}

/// Renders as nothing and counts as false, without falling through to outer contexts.
private struct AbsentValue: MustacheCustomRenderable {
    var renderText: String { "" }
    var isNull: Bool { true }
}

/// A string of a view, as the templates see it.
///
/// It renders exactly like the `String` it holds (escaped by `{{name}}`, raw by `{{{name}}}`,
/// a non-empty section value, transforms such as `uppercased(name)`), but swift-mustache
/// recognises it with one successful type check, where a plain `String` fails three checks
/// and is copied through `String(describing:)` on every `{{name}}`: a tenth of rendering.
/// Names looked up while it is the current context fall through to the enclosing contexts,
/// as they do for a `String`.
struct TemplateText: MustacheCustomRenderable, MustacheParent, MustacheTransformable, CustomStringConvertible {
    let text: String
    init(_ text: String) { self.text = text }
    var renderText: String { text }
    var isNull: Bool { false }
    var description: String { text }
    func child(named: String) -> Any? { nil }
    func transform(_ name: String) -> Any? { text.transform(name) }
}
