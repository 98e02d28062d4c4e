import BroadsheetCore

/// Checks what single files cannot: unique ids, resolved references, parent cycles, date order.
enum FactBookValidator {
    static func validate(_ book: FactBook) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        diagnostics += duplicates(book.sources.map { ($0.id.rawValue, $0.location) }, kind: "source")
        diagnostics += duplicates(book.entities.map { ($0.id.rawValue, $0.location) }, kind: "entity")
        diagnostics += duplicates(book.events.map { ($0.id.rawValue, $0.location) }, kind: "event")
        diagnostics += duplicates(book.comparisons.map { ($0.id.rawValue, $0.location) }, kind: "comparison")
        diagnostics += duplicates(book.series.map { ($0.id.rawValue, $0.location) }, kind: "series")

        let sourceIDs = book.sources.map(\.id.rawValue)
        let entityIDs = book.entities.map(\.id.rawValue)

        func checkSource(_ id: SourceID, at location: SourceLocation, in owner: String) {
            guard book.source(id) == nil else { return }
            diagnostics.append(
                .error(
                    at: location, "unknown source id '\(id)' in \(owner)",
                    hint: Suggestion.hint(for: id.rawValue, in: sourceIDs, otherwise: "add it to sources.yaml or correct the id"))
            )
        }
        func checkEntity(_ id: EntityID, at location: SourceLocation, in owner: String) {
            guard book.entity(id) == nil else { return }
            diagnostics.append(
                .error(
                    at: location, "unknown entity id '\(id)' in \(owner)",
                    hint: Suggestion.hint(for: id.rawValue, in: entityIDs, otherwise: "add it to entities.yaml or correct the id")
                ))
        }

        for entity in book.entities {
            if let parent = entity.parent {
                checkEntity(parent, at: entity.location, in: "the parent of entity '\(entity.id)'")
            }
        }
        diagnostics += parentCycles(book)

        for event in book.events {
            for id in event.entities { checkEntity(id, at: event.location, in: "event '\(event.id)'") }
            for id in event.sources { checkSource(id, at: event.location, in: "event '\(event.id)'") }
            if let end = event.end, !end.mayBeAfterOrSame(as: event.date) {
                diagnostics.append(
                    .error(
                        at: event.location, "event '\(event.id)' ends (\(end.iso)) before it starts (\(event.date.iso))",
                        hint: "swap `date` and `end`, or correct one of them"))
            }
        }
        for comparison in book.comparisons {
            for row in comparison.rows {
                if let entity = row.entity {
                    checkEntity(entity, at: row.location, in: "row '\(row.id)' of comparison '\(comparison.id)'")
                }
                for (_, cell) in row.cells.sorted(by: { $0.key < $1.key }) {
                    checkSource(cell.source, at: cell.location, in: "comparison '\(comparison.id)'")
                }
            }
        }
        for series in book.series {
            if let entity = series.entity { checkEntity(entity, at: series.location, in: "series '\(series.id)'") }
            for point in series.points { checkSource(point.source, at: point.location, in: "series '\(series.id)'") }
        }
        return diagnostics
    }

    private static func duplicates(_ items: [(String, SourceLocation)], kind: String) -> [Diagnostic] {
        var first: [String: SourceLocation] = [:]
        var diagnostics: [Diagnostic] = []
        // Events are stored in date order; report repeats in file order.
        for (id, location) in items.sorted(by: { $0.1 < $1.1 }) {
            if let earlier = first[id] {
                diagnostics.append(
                    .error(
                        at: location, "duplicate \(kind) id '\(id)' (first defined at \(earlier))",
                        hint: "ids must be unique; rename one of them"))
            } else {
                first[id] = location
            }
        }
        return diagnostics
    }

    private static func parentCycles(_ book: FactBook) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for entity in book.entities {
            var seen: [EntityID] = [entity.id]
            var current = entity.parent
            while let id = current, let parent = book.entity(id) {
                if id == entity.id {
                    diagnostics.append(
                        .error(
                            at: entity.location,
                            "entity parents form a cycle: \((seen + [id]).map(\.rawValue).joined(separator: " → "))",
                            hint: "an entity cannot be its own ancestor; remove one `parent`"))
                    break
                }
                if seen.contains(id) { break }
                seen.append(id)
                current = parent.parent
            }
        }
        return diagnostics
    }
}
