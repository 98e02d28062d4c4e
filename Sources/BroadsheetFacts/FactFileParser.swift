import BroadsheetCore
import BroadsheetYAML
import Foundation

/// Turns the YAML of each facts file into typed values, collecting every problem.
struct FactFileParser {
    var sources: [Source] = []
    var entities: [Entity] = []
    var events: [Event] = []
    var comparisons: [Comparison] = []
    var series: [Series] = []
    var diagnostics: [Diagnostic] = []
    /// Files whose YAML could not be parsed or is not a list: their ids are unknown, not missing.
    var unusableFiles: Set<String> = []

    static let entityKinds = ["company", "product", "regulator", "government", "person", "organisation"]

    // MARK: - Files

    private mutating func items(of file: SourceFile, kind: String, plural: String? = nil) -> [YAMLFields] {
        let root: YAMLNode?
        switch YAMLParser.parse(file.text, path: file.path) {
        case .success(let node): root = node
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            unusableFiles.insert(file.path)
            return []
        }
        guard let root else { return [] }
        guard case .sequence(let nodes) = root.content else {
            diagnostics.append(
                .error(
                    at: SourceLocation(path: file.path, line: root.line, column: root.column),
                    "\(file.path) must be a list of \(plural ?? kind.appending("s")), found \(root.kindDescription)",
                    hint: "start each \(kind) with `- id: …`"))
            unusableFiles.insert(file.path)
            return []
        }
        return nodes.compactMap { YAMLFields($0, path: file.path, subject: kind, diagnostics: &diagnostics) }
    }

    mutating func parseSources(_ file: SourceFile) {
        for var fields in items(of: file, kind: "source") {
            let id = readID(&fields)
            let publisher = fields.string("publisher", required: true)
            let via = fields.string("via")
            let title = fields.string("title", required: true)
            let url = readURL(&fields, "url", required: true)
            let date = readDate(&fields, "date")
            let language = fields.string("language") ?? "en"
            let archive = readURL(&fields, "archive")
            let note = fields.string("note")
            fields.reportUnknownKeys()
            diagnostics += fields.diagnostics
            guard let id, let publisher, let title, let url else { continue }
            sources.append(
                Source(
                    id: SourceID(id), publisher: publisher, via: via, title: title, url: url, date: date,
                    language: language, archiveURL: archive, note: note, location: fields.location(of: fields.node)))
        }
    }

    mutating func parseEntities(_ file: SourceFile) {
        for var fields in items(of: file, kind: "entity") {
            let id = readID(&fields, namesAFolder: true)
            let name = fields.string("name", required: true)
            let native = fields.string("native")
            let short = fields.string("short")
            let kind = fields.string("kind", required: true)
            if let kind, !Self.entityKinds.contains(kind) {
                fields.report(
                    .error(
                        at: fields.location(ofKey: "kind"), "unknown entity kind '\(kind)'",
                        hint: Suggestion.hint(
                            for: kind, in: Self.entityKinds,
                            otherwise: "use one of: \(Self.entityKinds.joined(separator: ", "))")))
            }
            let parent = fields.string("parent")
            let description = fields.string("description", required: true)
            let color = fields.string("color")
            if color == nil && fields.contains("color") {
                fields.report(
                    .error(
                        at: fields.location(ofKeyName: "color"), "the colour is empty",
                        hint: "quote it, e.g. color: \"#1aad19\" (an unquoted # starts a YAML comment)"))
            }
            if let color, !Self.isHexColor(color) {
                fields.report(
                    .error(
                        at: fields.location(ofKey: "color"), "colour '\(color)' is not a #rrggbb value",
                        hint: "write it like \"#1aad19\" (in quotes, because # starts a YAML comment)"))
            }
            let main = fields.bool("main") ?? false
            fields.reportUnknownKeys()
            diagnostics += fields.diagnostics
            guard let id, let name, let kind, let description else { continue }
            entities.append(
                Entity(
                    id: EntityID(id), name: name, shortName: short, nativeName: native, kind: kind,
                    parent: parent.map(EntityID.init),
                    description: description, color: color, isMain: main, location: fields.location(of: fields.node)))
        }
    }

    mutating func parseEvents(_ file: SourceFile) {
        for var fields in items(of: file, kind: "event") {
            let id = readID(&fields)
            let date = readDate(&fields, "date", required: true)
            let end = readDate(&fields, "end")
            let title = fields.string("title", required: true, acceptsBareScalars: false)
            let summary = fields.string("summary", required: true)
            let entityIDs = fields.stringList("entities", required: true)
            let themes = fields.stringList("themes") ?? []
            for theme in themes where Slug.windowsReservedNames.contains(theme) {
                fields.report(
                    .error(
                        at: fields.location(ofKey: "themes"), "theme '\(theme)' is a device name Windows reserves",
                        hint: "choose another theme name, e.g. '\(theme)-1'; Windows cannot create its timeline folder"))
            }
            for theme in themes where !Self.isID(theme) {
                fields.report(
                    .error(
                        at: fields.location(ofKey: "themes"), "theme '\(theme)' is not a lower-case slug",
                        hint: "use letters, digits and '-' only, e.g. '\(Self.suggestedID(theme))'"))
            }
            let sourceIDs = fields.stringList("sources")
            if sourceIDs?.isEmpty ?? true {
                fields.report(
                    .error(
                        at: fields.contains("sources") ? fields.location(ofKey: "sources") : fields.location(of: fields.node),
                        "event '\(id ?? "?")' has no source; every event must cite at least one",
                        hint: "add `sources: [source-id]` with ids from sources.yaml"))
            }
            var confidence = Event.Confidence.high
            if let text = fields.string("confidence") {
                if let value = Event.Confidence(rawValue: text) {
                    confidence = value
                } else {
                    fields.report(
                        .error(
                            at: fields.location(ofKey: "confidence"), "confidence must be 'high' or 'medium', found '\(text)'",
                            hint: "write `confidence: medium`, or leave it out for high")
                    )
                }
            }
            let fact = fields.string("fact")
            fields.reportUnknownKeys()
            diagnostics += fields.diagnostics
            guard let id, let date, let title, let summary, let entityIDs else { continue }
            events.append(
                Event(
                    id: EventID(id), date: date, end: end, title: title, summary: summary,
                    entities: entityIDs.map(EntityID.init), themes: themes, sources: (sourceIDs ?? []).map(SourceID.init),
                    confidence: confidence, factReference: fact, location: fields.location(of: fields.node)))
        }
    }

    mutating func parseComparisons(_ file: SourceFile) {
        for var fields in items(of: file, kind: "comparison") {
            let id = readID(&fields, namesAFolder: true)
            let title = fields.string("title", required: true)
            let description = fields.string("description")
            let rowHeader = fields.string("rowHeader") ?? "Entity"
            let (columns, rejected) = parseColumns(&fields)
            let rows = parseRows(&fields, columns: columns, rejectedColumns: rejected)
            fields.reportUnknownKeys()
            diagnostics += fields.diagnostics
            guard let id, let title, !columns.isEmpty else { continue }
            comparisons.append(
                Comparison(
                    id: ComparisonID(id), title: title, description: description, rowHeader: rowHeader,
                    columns: columns, rows: rows, location: fields.location(of: fields.node)))
        }
    }

    mutating func parseSeries(_ file: SourceFile) {
        for var fields in items(of: file, kind: "series", plural: "series") {
            let id = readID(&fields)
            let title = fields.string("title", required: true)
            let label = fields.string("label")
            let entity = fields.string("entity")
            let unitText = fields.string("unit", required: true)
            let note = fields.string("note")
            let unit = unitText.map(SeriesUnit.init)
            let points = parsePoints(&fields, unit: unit)
            fields.reportUnknownKeys()
            diagnostics += fields.diagnostics
            guard let id, let title, let unit, !points.isEmpty else { continue }
            let entityName = entity.flatMap { id in entities.first { $0.id.rawValue == id } }.map { $0.shortName ?? $0.name }
            series.append(
                Series(
                    id: SeriesID(id), title: title, label: label ?? entityName ?? title, entity: entity.map(EntityID.init),
                    unit: unit, note: note, points: points, location: fields.location(of: fields.node)))
        }
    }

    private mutating func parsePoints(_ owner: inout YAMLFields, unit: SeriesUnit?) -> [Series.Point] {
        guard let node = owner.node("points", required: true, expected: "a list of points") else { return [] }
        guard case .sequence(let items) = node.content, !items.isEmpty else {
            owner.report(
                .error(
                    at: owner.location(of: node), "'points' must be a non-empty list of points",
                    hint: "list the values as `- asOf: 2021-Q2` with `value:` and `source:`"))
            return []
        }
        var points: [Series.Point] = []
        for item in items {
            guard var fields = YAMLFields(item, path: owner.path, subject: "point", diagnostics: &diagnostics) else { continue }
            var asOf: Period?
            if let text = fields.string("asOf", required: true) {
                asOf = Period(iso: text)
                if asOf == nil {
                    fields.report(
                        .error(
                            at: fields.location(ofKey: "asOf"), "'\(text)' is not a valid as-of date",
                            hint: "write YYYY, YYYY-Qn (a quarter), YYYY-MM or YYYY-MM-DD with a real day"))
                }
            }
            var value: Double?
            if let valueNode = fields.node("value", required: true, expected: "a number") {
                if case .scalar(let text, let quoted) = valueNode.content, !quoted, let number = YAMLScalar.number(text) {
                    value = number
                } else {
                    let shown: String
                    if case .scalar(let text, _) = valueNode.content {
                        shown = "'\(text)'"
                    } else {
                        shown = valueNode.kindDescription
                    }
                    fields.report(
                        .error(
                            at: fields.location(of: valueNode), "\(shown) is not a number",
                            hint:
                                "write a plain number in the series' unit (\(unit?.text ?? "see `unit:`")), e.g. `value: 55.6`; put ~ in `approx: true`"
                        ))
                }
            }
            if let pointUnit = fields.string("unit"), let unit, SeriesUnit(pointUnit) != unit {
                fields.report(
                    .error(
                        at: fields.location(ofKey: "unit"), "unit '\(pointUnit)' does not match the series' unit '\(unit.text)'",
                        hint: "convert the value to \(unit.text), or put it in a series of its own"))
                value = nil
            }
            let source = fields.string("source")
            if source == nil {
                fields.report(
                    .error(
                        at: fields.location(of: fields.node),
                        "point '\(asOf?.iso ?? "?")' has no source; every value must cite one",
                        hint: "add `source: source-id` (an id from sources.yaml)"))
            }
            let label = fields.string("label")
            let approx = fields.bool("approx") ?? false
            let note = fields.string("note")
            fields.reportUnknownKeys()
            diagnostics += fields.diagnostics
            guard let asOf, let value, let source else { continue }
            points.append(
                Series.Point(
                    asOf: asOf, value: value, source: SourceID(source), label: label, isApproximate: approx, note: note,
                    display: nil, location: fields.location(of: fields.node)))
        }
        return points
    }

    // MARK: - Comparison parts

    /// The valid columns, and the ids of columns that were rejected (their cells are not reported again).
    private mutating func parseColumns(_ table: inout YAMLFields) -> ([Comparison.Column], rejected: Set<String>?) {
        guard let node = table.node("columns", required: true, expected: "a list of columns") else { return ([], nil) }
        guard case .sequence(let items) = node.content, !items.isEmpty else {
            table.report(
                .error(
                    at: table.location(of: node), "'columns' must be a non-empty list of columns",
                    hint: "list the columns as `- id: …` with `label:` and `type:`"))
            return ([], nil)
        }
        var rejected: Set<String> = []
        var columns: [Comparison.Column] = []
        var seen: Set<String> = []
        for item in items {
            guard var fields = YAMLFields(item, path: table.path, subject: "column", diagnostics: &diagnostics) else { continue }
            let id = readID(&fields)
            let label = fields.string("label", required: true)
            let typeText = fields.string("type", required: true)
            var type: Comparison.ColumnType?
            if let typeText {
                type = Comparison.ColumnType(rawValue: typeText)
                if type == nil {
                    let names = Comparison.ColumnType.allCases.map(\.rawValue)
                    fields.report(
                        .error(
                            at: fields.location(ofKey: "type"), "unknown column type '\(typeText)'",
                            hint: Suggestion.hint(
                                for: typeText, in: names, otherwise: "use one of: \(names.joined(separator: ", "))")))
                }
            }
            let unit = fields.string("unit")
            let currency = fields.string("currency")
            if type == .money && currency == nil {
                fields.report(
                    .error(
                        at: fields.location(of: fields.node), "money column '\(id ?? "?")' needs a currency",
                        hint: "add `currency: CNY` (an ISO 4217 code)"))
            }
            fields.reportUnknownKeys()
            diagnostics += fields.diagnostics
            guard let id, let label, let type else {
                if let id { rejected.insert(id) }
                continue
            }
            if !seen.insert(id).inserted {
                diagnostics.append(
                    .error(
                        at: fields.location(ofKey: "id"), "duplicate column id '\(id)' in this table",
                        hint: "give each column of a table its own id"))
                continue
            }
            columns.append(Comparison.Column(id: id, label: label, type: type, unit: unit, currency: currency))
        }
        return (columns, rejected)
    }

    /// `rejectedColumns` is nil when the column list itself is unusable: cells are then not checked at all.
    private mutating func parseRows(
        _ table: inout YAMLFields, columns: [Comparison.Column], rejectedColumns: Set<String>?
    ) -> [Comparison.Row] {
        guard let node = table.node("rows", required: true, expected: "a list of rows") else { return [] }
        guard case .sequence(let items) = node.content, !items.isEmpty else {
            table.report(
                .error(
                    at: table.location(of: node), "'rows' must be a non-empty list of rows",
                    hint: "list the rows as `- id: …` with `label:` and `cells:`"))
            return []
        }
        var rows: [Comparison.Row] = []
        var seen: Set<String> = []
        for item in items {
            guard var fields = YAMLFields(item, path: table.path, subject: "row", diagnostics: &diagnostics) else { continue }
            let id = readID(&fields)
            let entity = fields.string("entity")
            var label = fields.string("label")
            if label == nil && entity == nil {
                fields.report(
                    .error(
                        at: fields.location(of: fields.node), "row '\(id ?? "?")' needs a label or an entity",
                        hint: "add `label: …` or `entity: entity-id`"))
            }
            // Entities are parsed before comparisons, so the row can take the entity's name.
            if label == nil, let entity { label = entities.first { $0.id.rawValue == entity }?.name ?? entity }
            var cells: [String: Comparison.Cell] = [:]
            if let cellsNode = fields.node("cells", required: true, expected: "a mapping of column id to cell") {
                if let rejectedColumns {
                    cells = parseCells(cellsNode, path: table.path, columns: columns, rejectedColumns: rejectedColumns)
                }
            }
            fields.reportUnknownKeys()
            diagnostics += fields.diagnostics
            guard let id, let label else { continue }
            if !seen.insert(id).inserted {
                diagnostics.append(
                    .error(
                        at: fields.location(ofKey: "id"), "duplicate row id '\(id)' in this table",
                        hint: "give each row of a table its own id"))
                continue
            }
            rows.append(
                Comparison.Row(
                    id: id, label: label, entity: entity.map(EntityID.init), cells: cells,
                    location: fields.location(of: fields.node)))
        }
        return rows
    }

    private mutating func parseCells(
        _ node: YAMLNode, path: String, columns: [Comparison.Column], rejectedColumns: Set<String>
    ) -> [String: Comparison.Cell] {
        guard case .mapping(let pairs) = node.content else {
            diagnostics.append(
                .error(
                    at: SourceLocation(path: path, line: node.line, column: node.column),
                    "'cells' must map column ids to cells, found \(node.kindDescription)",
                    hint: "write `cells:` then one `column-id: {value: …, asOf: …, source: …}` a line"))
            return [:]
        }
        var cells: [String: Comparison.Cell] = [:]
        for pair in pairs {
            guard case .scalar(let columnID, _) = pair.key.content else { continue }
            let keyLocation = SourceLocation(path: path, line: pair.key.line, column: pair.key.column)
            guard let column = columns.first(where: { $0.id == columnID }) else {
                if rejectedColumns.contains(columnID) { continue }
                diagnostics.append(
                    .error(
                        at: keyLocation, "cell for unknown column '\(columnID)'",
                        hint: Suggestion.hint(
                            for: columnID, in: columns.map(\.id),
                            otherwise: "columns of this table: \(columns.map(\.id).joined(separator: ", "))")))
                continue
            }
            guard var fields = YAMLFields(pair.value, path: path, subject: "cell '\(columnID)'", diagnostics: &diagnostics)
            else { continue }
            let value = readCellValue(&fields, column: column)
            let scale = fields.string("scale")
            if let scale, !NumberText.scales.contains(scale) {
                fields.report(
                    .error(
                        at: fields.location(ofKey: "scale"), "unknown scale '\(scale)'",
                        hint: "use one of: \(NumberText.scales.joined(separator: ", "))"))
            }
            let asOf = readDate(&fields, "asOf", required: true)
            let source = fields.string("source")
            if source == nil {
                fields.report(
                    .error(
                        at: fields.location(of: fields.node), "cell '\(columnID)' has no source; every value must cite one",
                        hint: "add `source: source-id` (an id from sources.yaml)"))
            }
            let approx = fields.bool("approx") ?? false
            let note = fields.string("note")
            fields.reportUnknownKeys()
            diagnostics += fields.diagnostics
            guard let value, let asOf, let source else { continue }
            cells[columnID] = Comparison.Cell(
                value: value, scale: scale, asOf: asOf, source: SourceID(source), isApproximate: approx, note: note,
                location: fields.location(of: fields.node))
        }
        return cells
    }

    private mutating func readCellValue(_ fields: inout YAMLFields, column: Comparison.Column) -> Comparison.CellValue? {
        guard let node = fields.node("value", required: true, expected: "the cell's value") else { return nil }
        let location = fields.location(of: node)
        guard case .scalar(let text, let quoted) = node.content else {
            fields.report(
                .error(
                    at: location, "a cell value must be a single value, found \(node.kindDescription)",
                    hint: "write one number, text, date or true/false after `value:`"))
            return nil
        }
        switch column.type {
        case .number, .money, .percentage:
            if !quoted, let number = YAMLScalar.number(text) { return .number(number) }
            fields.report(
                .error(
                    at: location, "'\(text)' is not a number, but column '\(column.id)' is of type \(column.type.rawValue)",
                    hint: "write a plain number such as 18.228 (use `scale: billion` for large amounts, `approx: true` for ~)"))
        case .text:
            return .text(text)
        case .date:
            if let date = PartialDate(iso: text) { return .date(date) }
            fields.report(.error(at: location, "'\(text)' is not a date", hint: "write YYYY, YYYY-MM or YYYY-MM-DD"))
        case .boolean:
            if !quoted, let flag = YAMLScalar.bool(text) { return .boolean(flag) }
            fields.report(
                .error(
                    at: location, "'\(text)' is not true or false (column '\(column.id)' is yes/no)",
                    hint: "write `value: true` or `value: false` without quotes"))
        }
        return nil
    }

    // MARK: - Fields

    /// The item's id; `namesAFolder` for ids that become a page's folder (entities, comparisons),
    /// which must not be a device name Windows reserves.
    private func readID(_ fields: inout YAMLFields, namesAFolder: Bool = false) -> String? {
        guard let id = fields.string("id", required: true) else { return nil }
        guard Self.isID(id) else {
            fields.report(
                .error(
                    at: fields.location(ofKey: "id"), "id '\(id)' must be a lower-case slug",
                    hint: "use a-z, 0-9 and '-' only, e.g. '\(Self.suggestedID(id))'"))
            return nil
        }
        if namesAFolder && Slug.windowsReservedNames.contains(id) {
            fields.report(
                .error(
                    at: fields.location(ofKey: "id"), "id '\(id)' is a device name Windows reserves",
                    hint: "choose another id, e.g. '\(id)-1'; Windows cannot create the page's folder"))
            return nil
        }
        return id
    }

    private func readDate(_ fields: inout YAMLFields, _ key: String, required: Bool = false) -> PartialDate? {
        guard let text = fields.string(key, required: required) else { return nil }
        guard let date = PartialDate(iso: text) else {
            fields.report(
                .error(
                    at: fields.location(ofKey: key), "'\(text)' is not a valid date",
                    hint: "write YYYY, YYYY-MM or YYYY-MM-DD with a real day (e.g. 2021-02-28)"))
            return nil
        }
        return date
    }

    private func readURL(_ fields: inout YAMLFields, _ key: String, required: Bool = false) -> String? {
        guard let url = fields.string(key, required: required) else { return nil }
        let lower = url.lowercased()
        guard (lower.hasPrefix("http://") || lower.hasPrefix("https://")), url.count > 8, !url.contains(" ") else {
            fields.report(
                .error(
                    at: fields.location(ofKey: key), "'\(url)' is not an absolute http(s) URL",
                    hint: "write the full address, starting with https://"))
            return nil
        }
        return url
    }

    /// A valid id close to `text`: its slug with non-ASCII letters folded or dropped.
    static func suggestedID(_ text: String) -> String {
        let folded = text.applyingTransform(.stripDiacritics, reverse: false) ?? text
        let slug = Slug.make(from: folded).unicodeScalars.filter { $0.isASCII }
        let id = String(String.UnicodeScalarView(slug)).split(separator: "-").joined(separator: "-")
        return id.isEmpty ? "my-id" : id
    }

    static func isID(_ text: String) -> Bool {
        !text.isEmpty && text.first != "-" && text.last != "-"
            && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    static func isHexColor(_ text: String) -> Bool {
        text.count == 7 && text.first == "#" && text.dropFirst().allSatisfy(\.isHexDigit)
    }
}
