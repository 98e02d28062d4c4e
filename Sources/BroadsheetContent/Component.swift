import BroadsheetDocument
import BroadsheetFacts

/// A generated block inside an article, rendered differently by each renderer.
public enum Component: Sendable, Hashable {
    /// A timeline of the matching events.
    case timeline(TimelineQuery)
    /// A comparison table, looked up when the document was resolved.
    case comparison(Comparison)
    /// A chart of sourced series, its data resolved.
    case chart(Chart)
}

/// A resolved body: the document tree, components in place, for every renderer to draw.
public typealias DocumentBody = [Block<Component>]

/// A resolved text without components (an event summary, an entity description).
public typealias FactText = [Block<Never>]
