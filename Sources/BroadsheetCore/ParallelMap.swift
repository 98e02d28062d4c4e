import Foundation

extension Array where Element: Sendable {
    /// Maps on all cores, keeping the order of the input.
    ///
    /// For independent, CPU-bound work inside a stage (rendering articles).
    public func parallelMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        guard count > 1 else { return map(transform) }
        let results = ResultSlots<Result>(count: count)
        self.withUnsafeBufferPointer { buffer in
            let elements = UncheckedBuffer(buffer: buffer)
            DispatchQueue.concurrentPerform(iterations: count) { index in
                results.store(transform(elements.buffer[index]), at: index)
            }
        }
        return results.collect()
    }
}

/// Read-only access to the input from concurrent iterations; the buffer outlives them.
private struct UncheckedBuffer<Element>: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<Element>
}

/// One slot per index, each written once by exactly one iteration.
private final class ResultSlots<Result>: @unchecked Sendable {
    private var slots: [Result?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ result: Result, at index: Int) {
        lock.lock()
        slots[index] = result
        lock.unlock()
    }

    func collect() -> [Result] { slots.map { $0! } }
}
