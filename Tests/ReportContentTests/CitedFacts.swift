import BroadsheetFacts

/// The texts of the facts that rest on a set of sources: what a document's numbers are checked against.
enum CitedFacts {
    /// For each source: its title, publisher and original outlet; the title and summary of every event listing it; and for every
    /// comparison cell citing it, the value as displayed and as machine value, the note, the row
    /// label and the column header (a number column's scale-word unit applied to the value).
    static func texts(citing sources: Set<SourceID>, in facts: FactBook) -> [String] {
        var texts: [String] = []
        for source in facts.sources where sources.contains(source.id) {
            texts += [source.title, source.publisher] + (source.via.map { [$0] } ?? [])
        }
        for event in facts.events where !sources.isDisjoint(with: event.sources) {
            texts.append(event.title)
            texts.append(ProseExtractor.prose(ofInline: event.summary))
        }
        for comparison in facts.comparisons {
            for column in comparison.columns {
                for row in comparison.rows {
                    guard let cell = row.cells[column.id], sources.contains(cell.source) else { continue }
                    texts += cellTexts(cell, column: column, row: row)
                }
            }
        }
        return texts
    }

    /// What a cell says: "RMB 18.228 billion", "18228000000", its note, row label and header.
    static func cellTexts(_ cell: Comparison.Cell, column: Comparison.Column, row: Comparison.Row) -> [String] {
        var texts = [cell.displayText(in: column), cell.machineValue, row.label, column.headerWithUnit]
        if let note = cell.note { texts.append(ProseExtractor.prose(ofInline: note)) }
        if column.type == .number, cell.scale == nil, let unit = column.unit, NumberScanner.scaleWords[unit] != nil,
            case .number(let number) = cell.value
        {
            texts.append("\(NumberText.format(number)) \(unit)")
        }
        return texts
    }
}
