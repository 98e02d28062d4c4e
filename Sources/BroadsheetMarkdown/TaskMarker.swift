import BroadsheetDocument

/// GFM's task list item marker: an item whose first paragraph starts with `[ ]`, `[x]` or `[X]`
/// and a space is a task, unticked or ticked.
enum TaskMarker {
    /// Takes the marker off the item's first paragraph; the task's state, or nil when the item is not a task.
    static func take<Embed>(from blocks: inout [Block<Embed>]) -> Bool? {
        guard case .paragraph(var inlines, let span)? = blocks.first, case .text(let text)? = inlines.first else {
            return nil
        }
        let utf8 = Array(text.utf8.prefix(4))
        guard utf8.count == 4, utf8[0] == UInt8(ascii: "["), utf8[2] == UInt8(ascii: "]"),
            utf8[3] == UInt8(ascii: " ") || utf8[3] == UInt8(ascii: "\t")
        else { return nil }
        let checked: Bool
        switch utf8[1] {
        case UInt8(ascii: " "), UInt8(ascii: "\t"): checked = false
        case UInt8(ascii: "x"), UInt8(ascii: "X"): checked = true
        default: return nil
        }
        let rest = String(decoding: text.utf8.dropFirst(4), as: UTF8.self).drop { $0 == " " || $0 == "\t" }
        guard !rest.isEmpty || inlines.count > 1 else { return nil }
        if rest.isEmpty { inlines.removeFirst() } else { inlines[0] = .text(String(rest)) }
        blocks[0] = .paragraph(inlines, span)
        return checked
    }
}
