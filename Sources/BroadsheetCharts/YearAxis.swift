import BroadsheetFacts

/// A date axis on which each year's width grows with the number of events in it, so busy
/// years are readable and empty ones still show as thin bands.
public struct YearAxis {
    /// The first year drawn.
    public let startYear: Int
    /// The year after the last one drawn.
    public let endYear: Int
    private let offsets: [Double]

    /// Lays out the years from `startYear` up to (not including) `endYear` over `width` points from `left`.
    public init(events: [Event], startYear: Int, endYear: Int, left: Double, width: Double) {
        self.startYear = startYear
        self.endYear = endYear
        var counts = [Int](repeating: 0, count: endYear - startYear)
        for event in events where event.date.year >= startYear && event.date.year < endYear {
            counts[event.date.year - startYear] += 1
        }
        let weights = counts.map { 1 + 1.6 * Double($0).squareRoot() }
        let total = weights.reduce(0, +)
        var offsets = [left]
        for weight in weights { offsets.append(offsets.last! + weight / total * width) }
        self.offsets = offsets
    }

    /// The x position of a fractional year.
    public func position(_ year: Double) -> Double {
        let clamped = min(max(year, Double(startYear)), Double(endYear))
        let index = min(Int(clamped) - startYear, offsets.count - 2)
        let fraction = clamped - Double(startYear + index)
        return offsets[index] + fraction * (offsets[index + 1] - offsets[index])
    }

    /// The drawn width of one year.
    public func width(of year: Int) -> Double {
        let index = year - startYear
        guard index >= 0, index + 1 < offsets.count else { return 0 }
        return offsets[index + 1] - offsets[index]
    }
}
