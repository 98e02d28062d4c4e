/// Writing to the send journal failed; nothing is committed after such a failure.
struct JournalWriteError: Error, CustomStringConvertible {
    var reason: String
    var description: String { "cannot write to the send journal: \(reason)" }
}
