import BroadsheetCore

/// A company, product, regulator or person that events involve.
public struct Entity: Sendable, Hashable, Identifiable {
    /// Unique id, used as `[text](entity:ID)` and in `/entities/ID/`.
    public var id: EntityID
    /// The usual English name.
    public var name: String
    /// A short label for tight spaces such as chart lanes (e.g. SAMR).
    public var shortName: String?
    /// The name in its original script (e.g. 腾讯), when known.
    public var nativeName: String?
    /// company, product, regulator, government, person or organisation.
    public var kind: String
    /// The entity this one belongs to (WeChat → Tencent).
    public var parent: EntityID?
    /// One or two sentences, inline Markdown.
    public var description: String
    /// `#rrggbb` for charts.
    public var color: String?
    /// Whether it gets its own lane on the timeline chart.
    public var isMain: Bool
    /// Where the entity is defined.
    public var location: SourceLocation
}
