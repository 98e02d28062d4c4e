import Foundation

/// A value axis with round ticks: 0, 5, 10 … or 1,100, 1,200 … covering the data.
struct NiceScale {
    let lower: Double
    let upper: Double
    let step: Double

    /// A scale covering `minimum…maximum` in about `count` steps; `fromZero` keeps zero on the axis.
    init(minimum: Double, maximum: Double, count: Int = 5, fromZero: Bool) {
        var low = fromZero ? min(0, minimum) : minimum
        var high = max(maximum, low)
        if high == low {
            high = low == 0 ? 1 : high + abs(high) * 0.1
            if !fromZero { low -= abs(low) * 0.1 }
        }
        let rough = (high - low) / Double(max(1, count))
        let magnitude = pow(10, floor(log10(rough)))
        let fraction = rough / magnitude
        let nice: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10
        step = nice * magnitude
        lower = floor(low / step + 1e-9) * step
        upper = ceil(high / step - 1e-9) * step
    }

    /// The tick values from `lower` to `upper`.
    var ticks: [Double] {
        let count = Int(((upper - lower) / step).rounded())
        return (0...max(0, count)).map { lower + Double($0) * step }
    }

    /// Where `value` falls, 0 at `lower` and 1 at `upper`.
    func fraction(_ value: Double) -> Double {
        upper == lower ? 0 : (value - lower) / (upper - lower)
    }
}
