import BroadsheetDocument

/// GitHub-flavoured strikethrough and extended autolinks, applied to the inline content libcmark
/// produced: its text nodes are searched, never code spans, raw HTML or (for autolinks) the
/// text of a link.
///
/// Applied to each container's own inlines as the container closes (a paragraph, heading,
/// emphasis or link), so `~~` pairs match among siblings, as emphasis delimiters do.
enum InlineExtensions {
    /// `inlines` with `~~x~~` and `~x~` struck out and, unless `inLink`, bare URLs and email
    /// addresses linked.
    static func apply(_ inlines: [Inline], inLink: Bool) -> [Inline] {
        // Most containers hold neither: one byte scan of their text decides.
        var (tilde, address) = (false, false)
        for case .text(let text) in inlines {
            let found = TextScan.marks(text)
            tilde = tilde || found.tilde
            address = address || found.address
        }
        guard tilde || address else { return inlines }
        let linked = inLink || !address ? inlines : Autolinks.link(inlines)
        return tilde ? Strikethrough.strike(linked) : linked
    }
}

// MARK: - Strikethrough

/// `~~x~~` and `~x~`: runs of one or two tildes, left- and right-flanking as emphasis
/// delimiters are, an opener matching the nearest closer of the same length.
enum Strikethrough {
    private struct Run {
        var node: Int
        var range: Range<Int>
        var canOpen: Bool
        var canClose: Bool
        var partner: Int? = nil
        var isOpener = false
    }

    static func strike(_ inlines: [Inline]) -> [Inline] {
        var runs: [Run] = []
        for (index, inline) in inlines.enumerated() {
            guard case .text(let text) = inline, text.utf8.contains(UInt8(ascii: "~")) else { continue }
            let bytes = Array(text.utf8)
            var position = 0
            while position < bytes.count {
                guard bytes[position] == UInt8(ascii: "~") else {
                    position += 1
                    continue
                }
                var end = position
                while end < bytes.count && bytes[end] == UInt8(ascii: "~") { end += 1 }
                if end - position <= 2 {
                    let before =
                        position > 0 ? Character(bytes: bytes, endingAt: position) : neighbour(inlines, index - 1, last: true)
                    let after =
                        end < bytes.count ? Character(bytes: bytes, startingAt: end) : neighbour(inlines, index + 1, last: false)
                    let left =
                        !after.isFlankingSpace
                        && (!after.isFlankingPunctuation || before.isFlankingSpace || before.isFlankingPunctuation)
                    let right =
                        !before.isFlankingSpace
                        && (!before.isFlankingPunctuation || after.isFlankingSpace || after.isFlankingPunctuation)
                    runs.append(Run(node: index, range: position..<end, canOpen: left, canClose: right))
                }
                position = end
            }
        }
        guard runs.count >= 2 else { return inlines }
        // Match closers with the nearest opener of the same length.
        var openers: [Int] = []
        var matched = false
        for index in runs.indices {
            let length = runs[index].range.count
            if runs[index].canClose, let found = openers.lastIndex(where: { runs[$0].range.count == length }) {
                runs[openers[found]].partner = index
                runs[openers[found]].isOpener = true
                runs[index].partner = openers[found]
                openers.removeSubrange(found...)
                matched = true
            } else if runs[index].canOpen {
                openers.append(index)
            }
        }
        guard matched else { return inlines }
        // Rebuild: text split at matched runs, struck-out spans nested with a stack.
        var stack: [[Inline]] = [[]]
        var runIndex = 0
        for (index, inline) in inlines.enumerated() {
            guard runIndex < runs.count, runs[runIndex].node == index, case .text(let text) = inline else {
                stack[stack.count - 1].append(inline)
                continue
            }
            let bytes = Array(text.utf8)
            var start = 0
            while runIndex < runs.count && runs[runIndex].node == index {
                let run = runs[runIndex]
                runIndex += 1
                guard run.partner != nil else { continue }
                if run.range.lowerBound > start {
                    stack[stack.count - 1].append(.text(String(decoding: bytes[start..<run.range.lowerBound], as: UTF8.self)))
                }
                start = run.range.upperBound
                if run.isOpener {
                    stack.append([])
                } else if stack.count > 1 {
                    let children = stack.removeLast()
                    stack[stack.count - 1].append(.strikethrough(children))
                }
            }
            if start < bytes.count {
                stack[stack.count - 1].append(.text(String(decoding: bytes[start...], as: UTF8.self)))
            }
        }
        // Unclosed openers cannot remain: every opener has a partner after it.
        return stack[0]
    }

    /// The character next to a run across a node boundary: a line break or the start counts as
    /// space, any other inline (emphasis, code, a link) as a letter.
    private static func neighbour(_ inlines: [Inline], _ index: Int, last: Bool) -> Character {
        guard inlines.indices.contains(index) else { return " " }
        switch inlines[index] {
        case .text(let text): return (last ? text.last : text.first) ?? " "
        case .softBreak, .lineBreak: return " "
        default: return "a"
        }
    }
}

extension Character {
    fileprivate init(bytes: [UInt8], endingAt end: Int) {
        var start = end - 1
        while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
        self = String(decoding: bytes[start..<end], as: UTF8.self).last ?? " "
    }

    fileprivate init(bytes: [UInt8], startingAt start: Int) {
        var end = start + 1
        while end < bytes.count && bytes[end] & 0xC0 == 0x80 { end += 1 }
        self = String(decoding: bytes[start..<end], as: UTF8.self).first ?? " "
    }

    /// Whitespace in CommonMark's flanking rules.
    fileprivate var isFlankingSpace: Bool { isWhitespace }

    /// Punctuation in CommonMark's flanking rules: ASCII punctuation and Unicode punctuation.
    fileprivate var isFlankingPunctuation: Bool { isPunctuation || (isASCII && isSymbol) }
}

// MARK: - The first look

/// One pass over a text's bytes for what the extensions look for, so that the texts without
/// any (almost all) cost no more.
enum TextScan {
    /// Whether `text` holds a `~`, and something an address needs (`www.`, `://` or `@`).
    static func marks(_ text: String) -> (tilde: Bool, address: Bool) {
        var text = text
        return text.withUTF8 { bytes in
            var tilde = false
            var address = false
            var index = 0
            let count = bytes.count
            while index < count {
                switch bytes[index] {
                case 0x7E: tilde = true
                case 0x40: address = true
                case 0x3A:
                    if index + 2 < count && bytes[index + 1] == 0x2F && bytes[index + 2] == 0x2F { address = true }
                case 0x77:
                    if index + 3 < count && bytes[index + 1] == 0x77 && bytes[index + 2] == 0x77 && bytes[index + 3] == 0x2E {
                        address = true
                    }
                default: break
                }
                index += 1
            }
            return (tilde, address)
        }
    }

    /// Whether `text` holds `[^` or `==`, which footnotes and highlights need.
    static func mayHoldUnsupported(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 1
            while index < bytes.count {
                let (previous, byte) = (bytes[index - 1], bytes[index])
                if (previous == 0x5B && byte == 0x5E) || (previous == 0x3D && byte == 0x3D) { return true }
                index += 1
            }
            return false
        }
    }
}
