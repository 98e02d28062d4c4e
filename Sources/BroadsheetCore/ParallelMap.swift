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

/// Work started on a thread of its own now, its result collected later with `wait()`.
///
/// For an independent renderer that can run beside another stage's parallel work (the
/// search index beside the website): with every core busy it costs nothing extra, and it
/// fills the moments when the other work leaves a core idle (joins, serial steps).
public final class BackgroundWork<Result: Sendable>: @unchecked Sendable {
    private var result: Result?
    private let finished = DispatchSemaphore(value: 0)

    /// Starts `work` at once.
    public init(_ work: @escaping @Sendable () -> Result) {
        let thread = Thread { [self] in
            result = work()
            finished.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Waits for the work to end and returns its result; call it once.
    public func wait() -> Result {
        finished.wait()
        return result!
    }
}

/// Frees a large value on a thread of its own.
///
/// Freeing a built site (tens of thousands of documents, trees and strings) is a serial
/// moment at the end of a build; handed to a thread of its own, it runs beside the write stage.
public enum BackgroundRelease {
    /// Takes the caller's `value` and lets it go on another thread.
    public static func drop<Value>(_ value: consuming Value) {
        let box = ReleaseBox(value)
        Thread { box.empty() }.start()
    }
}

/// Holds a value until the thread that frees it empties the box.
private final class ReleaseBox<Value>: @unchecked Sendable {
    private var value: Value?
    init(_ value: consuming Value) { self.value = value }
    func empty() { value = nil }
}
