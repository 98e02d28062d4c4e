import BroadsheetCore
import Foundation

/// Typesetting on its own thread while the EPUB is written: the engine is another process,
/// so the two use both cores.
final class PDFJob: @unchecked Sendable {
    // Written once by the job's thread before `done` is signalled, read after `wait`.
    private var outcome: (result: Result<PDFTypesetter.Typeset, Diagnostic>, duration: Duration)?
    private let done = DispatchSemaphore(value: 0)
    private var started = false

    func start(source: TypstSource, typesetter: PDFTypesetter) {
        started = true
        Thread.detachNewThread { [self] in
            let clock = ContinuousClock()
            let start = clock.now
            let result = Result { () throws(Diagnostic) in try typesetter.typeset(source, location: PrintEdition.location) }
            outcome = (result, clock.now - start)
            done.signal()
        }
    }

    func wait() -> (result: Result<PDFTypesetter.Typeset, Diagnostic>, duration: Duration)? {
        guard started else { return nil }
        done.wait()
        return outcome
    }
}
