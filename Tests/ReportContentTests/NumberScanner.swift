/// Finds the numbers in one line of text and applies the audit's exemptions.
///
/// The rules are written out in docs/content-audit.md; NumberScannerTests pins them.
enum NumberScanner {
    /// Every token of `line`, exempt ones included (see `NumberToken.exemption`).
    static func scan(_ line: String) -> [NumberToken] {
        var scanner = LineScanner(Array(line))
        return scanner.run()
    }

    /// Scale words after a space: "1.2 billion".
    static let scaleWords: [String: Double] = ["thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12]
    /// Scale suffixes written straight after the digits: "1.2B", "US$3bn", "500k".
    static let scaleSuffixes: [String: Double] = ["k": 1e3, "M": 1e6, "B": 1e9, "bn": 1e9, "T": 1e12]
    /// Currency prefixes, longest first, with their ISO 4217 codes.
    static let currencies: [(prefix: String, code: String)] = [
        ("US$", "USD"), ("HK$", "HKD"), ("RMB", "CNY"), ("CNY", "CNY"), ("USD", "USD"), ("HKD", "HKD"),
        ("EUR", "EUR"), ("$", "USD"), ("€", "EUR"), ("¥", "CNY"),
    ]
    /// Month names and their usual abbreviations, as they may stand next to a day number.
    static let months: Set<String> = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    ]
    /// Years standing alone in this range are exempt.
    static let years = 1990...2039
}

/// The character-level scan of one line.
private struct LineScanner {
    let chars: [Character]
    var tokens: [NumberToken] = []
    /// Index ranges of `tokens` in `chars`.
    var spans: [Range<Int>] = []

    init(_ chars: [Character]) { self.chars = chars }

    mutating func run() -> [NumberToken] {
        var index = 0
        while index < chars.count {
            let char = chars[index]
            if char.isDigitASCII {
                if let end = isoDateEnd(at: index) {
                    append(
                        NumberToken(
                            text: String(chars[index..<end]), kind: .plain, number: nil, scale: 1, currency: nil,
                            isFormatted: true, exemption: .isoDate, column: index + 1), index..<end)
                    index = end
                } else {
                    index = number(at: index)
                }
            } else if char.isWordCharacter {
                var end = index
                while end < chars.count && chars[end].isWordCharacter { end += 1 }
                let letters = chars[index..<end].prefix(while: { !$0.isDigitASCII }).count
                if letters < end - index,
                    NumberScanner.currencies.contains(where: {
                        Array($0.prefix) == Array(chars[index..<index + letters])
                    })
                {
                    index = number(at: index + letters)  // "RMB18": a currency code written against the digits
                } else {
                    if letters < end - index { appendWord(index..<end) }
                    index = end
                }
            } else {
                index += 1
            }
        }
        applyRanges()
        applyDateAndYearExemptions()
        return tokens
    }

    private mutating func append(_ token: NumberToken, _ span: Range<Int>) {
        tokens.append(token)
        spans.append(span)
    }

    private mutating func appendWord(_ span: Range<Int>) {
        append(
            NumberToken(
                text: String(chars[span]), kind: .word, number: nil, scale: 1, currency: nil, isFormatted: true,
                exemption: nil, column: span.lowerBound + 1), span)
    }

    // MARK: - Numbers

    /// Reads the number starting at `start` (a digit not inside a word); returns the index after it.
    private mutating func number(at start: Int) -> Int {
        var end = digits(from: start)
        var isFormatted = false
        if end - start <= 3 {
            // Thousands groups: ",ddd" not followed by another digit.
            while end + 3 < chars.count, chars[end] == ",", (end + 1...end + 3).allSatisfy({ chars[$0].isDigitASCII }),
                end + 4 == chars.count || !chars[end + 4].isDigitASCII
            {
                end += 4
                isFormatted = true
            }
        }
        if end + 1 < chars.count, chars[end] == ".", chars[end + 1].isDigitASCII {
            end = digits(from: end + 1)
            isFormatted = true
        }
        let numeral = String(chars[start..<end]).replacingOccurrences(of: ",", with: "")
        var scale = 1.0
        if end < chars.count, chars[end].isLetter {
            var letters = end
            while letters < chars.count && chars[letters].isLetter { letters += 1 }
            let suffix = String(chars[end..<letters])
            let standsAlone = letters == chars.count || !chars[letters].isWordCharacter
            if standsAlone, let multiplier = NumberScanner.scaleSuffixes[suffix] {
                scale = multiplier
                end = letters
            } else if standsAlone, ["st", "nd", "rd", "th"].contains(suffix) {
                isFormatted = true
                end = letters
            } else {
                var wordEnd = end
                while wordEnd < chars.count && chars[wordEnd].isWordCharacter { wordEnd += 1 }
                appendWord(start..<wordEnd)
                return wordEnd
            }
        } else if let (word, wordEnd) = word(afterSpaceAt: end),
            let multiplier = NumberScanner.scaleWords[word.lowercased()]
        {
            scale = multiplier
            end = wordEnd
        }
        var kind = NumberToken.Kind.plain
        if end < chars.count, chars[end] == "%" {
            kind = .percent
            end += 1
        } else if end + 1 < chars.count, chars[end].isSpaceLike, chars[end + 1] == "%" {
            kind = .percent
            end += 2
        } else if let (word, wordEnd) = word(afterSpaceAt: end) {
            if word.lowercased() == "percent" {
                kind = .percent
                end = wordEnd
            } else if word.lowercased() == "per", let (next, nextEnd) = self.word(afterSpaceAt: wordEnd),
                next.lowercased() == "cent"
            {
                kind = .percent
                end = nextEnd
            }
        }
        let (currency, textStart) = currencyPrefix(before: start)
        append(
            NumberToken(
                text: String(chars[textStart..<end]), kind: kind, number: Double(numeral), scale: scale,
                currency: currency, isFormatted: isFormatted, exemption: nil, column: textStart + 1),
            textStart..<end)
        return end
    }

    private func digits(from start: Int) -> Int {
        var end = start
        while end < chars.count && chars[end].isDigitASCII { end += 1 }
        return end
    }

    /// The letters after one or more spaces at `index`, when they form a whole word.
    private func word(afterSpaceAt index: Int) -> (String, Int)? {
        var start = index
        while start < chars.count && chars[start].isSpaceLike { start += 1 }
        guard start > index else { return nil }
        var end = start
        while end < chars.count && chars[end].isLetter { end += 1 }
        guard end > start, end == chars.count || !chars[end].isWordCharacter else { return nil }
        return (String(chars[start..<end]), end)
    }

    /// A currency prefix right before `start` ("US$34", "RMB 18"); letter codes may have one space.
    private func currencyPrefix(before start: Int) -> (String?, Int) {
        for (prefix, code) in NumberScanner.currencies {
            let symbol = Array(prefix)
            let isCode = symbol.allSatisfy(\.isLetter)
            for gap in isCode ? [0, 1] : [0] {
                let begin = start - gap - symbol.count
                guard begin >= 0, Array(chars[begin..<begin + symbol.count]) == symbol else { continue }
                if gap == 1 && !chars[start - 1].isSpaceLike { continue }
                if isCode && begin > 0 && chars[begin - 1].isWordCharacter { continue }
                if !isCode && begin > 0 && chars[begin - 1].isLetter { continue }
                return (code, begin)
            }
        }
        return (nil, start)
    }

    /// The end of an ISO date ("2021-09-17", "2021-09") starting at `start`, if there is one.
    private func isoDateEnd(at start: Int) -> Int? {
        func twoDigits(_ index: Int, in range: ClosedRange<Int>) -> Bool {
            guard index + 1 < chars.count, chars[index].isDigitASCII, chars[index + 1].isDigitASCII,
                let value = Int(String(chars[index...index + 1]))
            else { return false }
            return range.contains(value)
        }
        guard start + 7 <= chars.count, (start..<start + 4).allSatisfy({ chars[$0].isDigitASCII }),
            chars[start + 4] == "-", twoDigits(start + 5, in: 1...12)
        else { return nil }
        var end = start + 7
        if end < chars.count, chars[end] == "-", twoDigits(end + 1, in: 1...31) {
            end += 3
        }
        guard end == chars.count || !chars[end].isWordCharacter else { return nil }
        return end
    }

    // MARK: - Ranges and exemptions

    /// "1–10%", "RMB 1–2 billion": the first number takes the scale and percent sign of the second,
    /// the second the currency of the first.
    private mutating func applyRanges() {
        guard tokens.count > 1 else { return }
        for index in 0..<tokens.count - 1 {
            let between = chars[spans[index].upperBound..<spans[index + 1].lowerBound]
            guard between.count == 1, between.first!.isDash else { continue }
            var first = tokens[index]
            var second = tokens[index + 1]
            guard first.kind != .word, second.kind != .word, first.exemption == nil, second.exemption == nil else {
                continue
            }
            if first.kind == .plain && first.scale == 1 {
                first.kind = second.kind
                first.scale = second.scale
            }
            if second.currency == nil { second.currency = first.currency }
            tokens[index] = first
            tokens[index + 1] = second
        }
    }

    private mutating func applyDateAndYearExemptions() {
        for index in tokens.indices where tokens[index].exemption == nil && tokens[index].kind == .plain {
            let token = tokens[index]
            guard token.currency == nil, token.scale == 1, let number = token.number, number == number.rounded()
            else { continue }
            let digitsWritten = token.text.filter(\.isDigitASCII).count
            if digitsWritten <= 2, (1...31).contains(Int(number)), isNextToMonth(spans[index]) {
                tokens[index].exemption = .dateDay
            } else if digitsWritten == 4, !token.isFormatted, NumberScanner.years.contains(Int(number)) {
                tokens[index].exemption = .year
            }
        }
    }

    /// "12 September", "26–27 September", "September 12", "September 12–13".
    private func isNextToMonth(_ span: Range<Int>) -> Bool {
        // After: an optional "–27", then spaces and a month name.
        var after = span.upperBound
        if after < chars.count, chars[after].isDash {
            let end = dayNumberEnd(from: after + 1)
            if end > after + 1 { after = end }
        }
        if let (word, _) = word(afterSpaceAt: after), NumberScanner.months.contains(word) { return true }
        // Before: a month name (optionally abbreviated with a dot), spaces, and an optional "12–".
        var before = span.lowerBound - 1
        if before >= 0, chars[before].isDash {
            var digitStart = before
            while digitStart > 0 && chars[digitStart - 1].isDigitASCII { digitStart -= 1 }
            if digitStart < before && before - digitStart <= 2 { before = digitStart - 1 }
        }
        guard before >= 0, chars[before].isSpaceLike else { return false }
        while before >= 0 && chars[before].isSpaceLike { before -= 1 }
        if before >= 0 && chars[before] == "." { before -= 1 }
        var wordStart = before
        while wordStart >= 0 && chars[wordStart].isLetter { wordStart -= 1 }
        guard wordStart < before else { return false }
        return NumberScanner.months.contains(String(chars[(wordStart + 1)...before]))
    }

    /// The end of a day number ("27", "27th") starting at `start`, or `start` when there is none.
    private func dayNumberEnd(from start: Int) -> Int {
        let end = digits(from: start)
        guard end > start, end - start <= 2 else { return start }
        var letters = end
        while letters < chars.count && chars[letters].isLetter { letters += 1 }
        if ["st", "nd", "rd", "th"].contains(String(chars[end..<letters])) { return letters }
        return letters == end ? end : start
    }
}

extension Character {
    fileprivate var isDigitASCII: Bool { ("0"..."9").contains(self) }
    fileprivate var isWordCharacter: Bool { isLetter || isNumber || self == "_" }
    fileprivate var isSpaceLike: Bool { self == " " || self == "\u{00A0}" || self == "\u{202F}" || self == "\u{2009}" }
    fileprivate var isDash: Bool { self == "-" || self == "–" }
}
