import BroadsheetContent
import BroadsheetCore
import BroadsheetFacts

/// The facts as machine-readable files: `/data/*.json` and a CSV per comparison.
public struct FactDataRenderer: Sendable {
    let site: Site

    /// A renderer of `site`'s facts.
    public init(site: Site) { self.site = site }

    private var facts: FactBook { site.facts }
    private var permalinks: Permalinks { site.permalinks }

    /// `/data/events.json`, `entities.json`, `sources.json` and `comparisons.json` (none when the site has no facts).
    public func render() -> [OutputFile] {
        guard !facts.events.isEmpty || !facts.sources.isEmpty else { return [] }
        let events: [[String: Any]] = facts.events.map { event in
            var item: [String: Any] = [
                "id": event.id.rawValue, "date": event.date.iso, "title": event.title, "summary": event.summary,
                "entities": event.entities.map(\.rawValue), "themes": event.themes, "sources": event.sources.map(\.rawValue),
                "confidence": event.confidence.rawValue, "url": site.config.origin + permalinks.eventHref(event.id),
            ]
            if let end = event.end { item["end"] = end.iso }
            if let fact = event.factReference { item["fact"] = fact }
            return item
        }
        let entities: [[String: Any]] = facts.entities.map { entity in
            var item: [String: Any] = [
                "id": entity.id.rawValue, "name": entity.name, "kind": entity.kind, "description": entity.description,
                "url": site.config.origin + permalinks.href(permalinks.entity(entity.id)),
            ]
            if let native = entity.nativeName { item["nativeName"] = native }
            if let parent = entity.parent { item["parent"] = parent.rawValue }
            return item
        }
        let sources: [[String: Any]] = facts.sources.map { source in
            var item: [String: Any] = [
                "id": source.id.rawValue, "publisher": source.publisher, "title": source.title, "url": source.url,
                "language": source.language,
            ]
            if let date = source.date { item["date"] = date.iso }
            if let via = source.via { item["via"] = via }
            if let archive = source.archiveURL { item["archive"] = archive }
            if let note = source.note { item["note"] = note }
            return item
        }
        let comparisons: [[String: Any]] = facts.comparisons.map { comparison in
            [
                "id": comparison.id.rawValue, "title": comparison.title,
                "columns": comparison.columns.map { column -> [String: Any] in
                    var item: [String: Any] = ["id": column.id, "label": column.label, "type": column.type.rawValue]
                    if let unit = column.unit { item["unit"] = unit }
                    if let currency = column.currency { item["currency"] = currency }
                    return item
                },
                "rows": comparison.rows.map { row -> [String: Any] in
                    var item: [String: Any] = [
                        "id": row.id, "label": row.label,
                        "cells": row.cells.mapValues { cell -> [String: Any] in
                            var value: [String: Any] = [
                                "value": cell.machineValue, "asOf": cell.asOf.iso, "source": cell.source.rawValue,
                                "approximate": cell.isApproximate,
                            ]
                            if let note = cell.note { value["note"] = note }
                            return value
                        },
                    ]
                    if let entity = row.entity { item["entity"] = entity.rawValue }
                    return item
                },
                "csv": site.config.origin + permalinks.href(permalinks.comparisonCSV(comparison.id)),
            ]
        }
        let series: [[String: Any]] = facts.series.map { series in
            var item: [String: Any] = [
                "id": series.id.rawValue, "title": series.title, "label": series.label, "unit": series.unit.text,
                "points": series.points.map { point -> [String: Any] in
                    var value: [String: Any] = [
                        "asOf": point.asOf.iso, "value": NumberText.plain(point.value), "source": point.source.rawValue,
                        "approximate": point.isApproximate,
                    ]
                    if let label = point.label { value["label"] = label }
                    if let note = point.note { value["note"] = note }
                    return value
                },
            ]
            if let entity = series.entity { item["entity"] = entity.rawValue }
            if let note = series.note { item["note"] = note }
            return item
        }
        var files = [
            OutputFile(path: "data/events.json", text: JSONText.encode(events) + "\n"),
            OutputFile(path: "data/entities.json", text: JSONText.encode(entities) + "\n"),
            OutputFile(path: "data/sources.json", text: JSONText.encode(sources) + "\n"),
            OutputFile(path: "data/comparisons.json", text: JSONText.encode(comparisons) + "\n"),
        ]
        // Sites without series keep the files they had.
        if !facts.series.isEmpty {
            files.append(OutputFile(path: "data/series.json", text: JSONText.encode(series) + "\n"))
        }
        return files
    }

    /// A tidy CSV: one line per row and column, unknown values included with an empty value.
    /// Every field goes through `CSVField`, so no label or cell can run as a spreadsheet formula.
    public func csv(_ comparison: Comparison) -> String {
        var lines = [
            "row_id,row_label,column_id,column_label,type,unit,value,display,approximate,as_of,source_id,source_url,note"
        ]
        for row in comparison.rows {
            for column in comparison.columns {
                let unit =
                    column.type == .money ? (column.currency ?? "") : column.type == .percentage ? "%" : (column.unit ?? "")
                let fields: [String]
                if let cell = row.cells[column.id] {
                    fields = [
                        row.id, row.label, column.id, column.label, column.type.rawValue, unit, cell.machineValue,
                        cell.displayText(in: column), cell.isApproximate ? "true" : "false", cell.asOf.iso,
                        cell.source.rawValue, facts.source(cell.source)?.url ?? "", cell.note ?? "",
                    ]
                } else {
                    fields = [
                        row.id, row.label, column.id, column.label, column.type.rawValue, unit, "", "unknown", "", "", "", "", "",
                    ]
                }
                lines.append(fields.map(CSVField.encode).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}
