import Foundation
import Mustache

/// Turns an `Encodable` view into nested dictionaries and arrays once, before rendering.
///
/// swift-mustache reads plain structs through `Mirror` on every variable lookup, which
/// dominated build time; dictionaries are looked up by hash instead. Encoding uses the
/// compiler-synthesised `encode(to:)`, so views stay plain structs of stored properties.
enum TemplateValueEncoder {
    static func encode(_ value: some Encodable) throws -> Any {
        let encoder = ValueEncoder(codingPath: [])
        try value.encode(to: encoder)
        return encoder.storage.value
    }
}

/// A box so containers can write into their parent after it was handed out.
private final class Storage {
    enum Node {
        case empty
        case value(Any)
        case keyed([String: Storage])
        case unkeyed([Storage])
    }

    var node: Node = .empty

    /// A present key with no value, which Mustache renders as empty and false.
    static func absent() -> Storage {
        let storage = Storage()
        storage.node = .value(AbsentValue())
        return storage
    }

    var value: Any {
        switch node {
        case .empty: return [String: Any]()
        case .value(let value): return value
        case .keyed(let children): return children.mapValues(\.value)
        case .unkeyed(let items): return items.map(\.value)
        }
    }
}

private struct ValueEncoder: Encoder {
    var codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    let storage = Storage()

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .keyed = storage.node {} else { storage.node = .keyed([:]) }
        return KeyedEncodingContainer(KeyedContainer<Key>(storage: storage, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .unkeyed = storage.node {} else { storage.node = .unkeyed([]) }
        return UnkeyedContainer(storage: storage, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleContainer(storage: storage, codingPath: codingPath)
    }
}

/// Encodes one value; primitives are stored directly, because their own `encode(to:)`
/// would ask for a single-value container again and recurse.
private func encodeChild(_ value: some Encodable, path: [any CodingKey]) throws -> Storage {
    let child = Storage()
    switch value {
    case let string as String: child.node = .value(string)
    case let bool as Bool: child.node = .value(bool)
    case let int as Int: child.node = .value(int)
    case let double as Double: child.node = .value(double)
    case let integer as any BinaryInteger: child.node = .value(Int(truncatingIfNeeded: integer))
    case let float as any BinaryFloatingPoint: child.node = .value(Double(float))
    case let decimal as Decimal: child.node = .value(NSDecimalNumber(decimal: decimal).doubleValue)
    case let date as Date: child.node = .value(ISO8601DateFormatter().string(from: date))
    case let url as URL: child.node = .value(url.absoluteString)
    default:
        let encoder = ValueEncoder(codingPath: path)
        try value.encode(to: encoder)
        return encoder.storage
    }
    return child
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let storage: Storage
    var codingPath: [any CodingKey]

    private func set(_ key: Key, _ child: Storage) {
        guard case .keyed(var children) = storage.node else { return }
        // Emptied first so `children` is the only reference and grows in place, not by copy.
        storage.node = .empty
        children[key.stringValue] = child
        storage.node = .keyed(children)
    }

    mutating func encodeNil(forKey key: Key) throws { set(key, Storage.absent()) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        set(key, try encodeChild(value, path: codingPath + [key]))
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
        let child = Storage()
        child.node = .keyed([:])
        set(key, child)
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(storage: child, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = Storage()
        child.node = .unkeyed([])
        set(key, child)
        return UnkeyedContainer(storage: child, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder { ValueEncoder(codingPath: codingPath) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { ValueEncoder(codingPath: codingPath + [key]) }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let storage: Storage
    var codingPath: [any CodingKey]
    var count: Int {
        if case .unkeyed(let items) = storage.node { return items.count }
        return 0
    }

    private func append(_ child: Storage) {
        guard case .unkeyed(var items) = storage.node else { return }
        // Emptied first so `items` is the only reference and grows in place, not by copy.
        storage.node = .empty
        items.append(child)
        storage.node = .unkeyed(items)
    }

    mutating func encodeNil() throws {}

    mutating func encode<T: Encodable>(_ value: T) throws {
        append(try encodeChild(value, path: codingPath))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let child = Storage()
        child.node = .keyed([:])
        append(child)
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(storage: child, codingPath: codingPath))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = Storage()
        child.node = .unkeyed([])
        append(child)
        return UnkeyedContainer(storage: child, codingPath: codingPath)
    }

    mutating func superEncoder() -> any Encoder { ValueEncoder(codingPath: codingPath) }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let storage: Storage
    var codingPath: [any CodingKey]

    mutating func encodeNil() throws {}

    mutating func encode<T: Encodable>(_ value: T) throws {
        let child = try encodeChild(value, path: codingPath)
        storage.node = child.node
    }
}

/// Renders as nothing and counts as false, without falling through to outer contexts.
private struct AbsentValue: MustacheCustomRenderable {
    var renderText: String { "" }
    var isNull: Bool { true }
}
