import BroadsheetCore
import Foundation

/// Runs Typst (the PyPI `typst` package, which has no command of its own) in a `python3`
/// subprocess: writes the source into a temporary folder, typesets it, reads the PDF back.
public struct PDFTypesetter: Sendable {
    /// Whether the engine can run here, and if not, what to tell the user.
    public enum Availability: Sendable, Hashable {
        /// `python3` imports `typst`.
        case available
        /// Something is missing: the sentence says what.
        case missing(String)
    }

    /// The Python interpreter: `BROADSHEET_PYTHON`, else `python3` found on `PATH`.
    public var python: String?

    /// The command that installs the engine, named in every message about a missing engine.
    public static let installCommand = "python3 -m pip install typst==0.15.0 (or run Scripts/setup)"

    /// Longest a typesetting run may take before it is stopped.
    public static let timeLimit: TimeInterval = 300

    /// Finds the interpreter from `environment`.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        if let chosen = environment["BROADSHEET_PYTHON"] {
            python = chosen
        } else {
            python = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
                .map { String($0) + "/python3" }
                .first { FileManager.default.isExecutableFile(atPath: $0) }
        }
    }

    /// Whether `python3` is there and imports `typst`.
    public func availability() -> Availability {
        guard let python, FileManager.default.isExecutableFile(atPath: python) else {
            return .missing("python3 was not found")
        }
        do {
            let result = try run(python, ["-c", "import typst"], in: FileManager.default.temporaryDirectory)
            return result.status == 0 ? .available : .missing("the Python package typst is not installed for \(python)")
        } catch {
            return .missing("\(python) could not be run: \(error.localizedDescription)")
        }
    }

    /// A typeset PDF and what Typst warned about while making it.
    public struct Typeset: Sendable {
        /// The PDF.
        public var pdf: Data
        /// Typst's warnings (a missing font, most often), each once, as warnings at `location`.
        public var warnings: [Diagnostic]
    }

    /// The PDF of `source`; an engine failure is an error located at `location` (site.yaml).
    public func typeset(_ source: TypstSource, location: SourceLocation) throws(Diagnostic) -> Typeset {
        guard let python else {
            let why = "python3 was not found"
            throw .error(at: location, "cannot typeset the PDF: \(why)", hint: "install Typst: \(Self.installCommand)")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("broadsheet-print-\(UUID().uuidString)")
        defer { Self.remove(folder) }
        let result: (status: Int32, errors: String)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(source.main.utf8).write(to: folder.appendingPathComponent("main.typ"))
            for (name, data) in source.files { try data.write(to: folder.appendingPathComponent(name)) }
            result = try run(python, ["-c", Self.script, folder.path], in: folder)
        } catch {
            throw .error(
                at: location, "cannot typeset the PDF: \(error.localizedDescription)",
                hint: "check that the temporary folder \(FileManager.default.temporaryDirectory.path) is writable")
        }
        let said = TerminalText.escaped(result.errors.trimmingCharacters(in: .whitespacesAndNewlines))
        switch result.status {
        case 0:
            do {
                let pdf = try Data(contentsOf: folder.appendingPathComponent("out.pdf"))
                var seen: Set<String> = []
                let warnings = result.errors.split(separator: "\n").compactMap { line -> Diagnostic? in
                    guard line.hasPrefix("warning: "), seen.insert(String(line)).inserted else { return nil }
                    return .warning(
                        at: location, "Typst: \(TerminalText.escaped(String(line.dropFirst("warning: ".count))))",
                        hint:
                            "the PDF was written; an unknown font family means a font is missing: Scripts/setup installs fonts-noto-core and fonts-noto-cjk"
                    )
                }
                return Typeset(pdf: pdf, warnings: warnings)
            } catch {
                throw .error(
                    at: location, "Typst reported success but wrote no PDF: \(error.localizedDescription)",
                    hint: "check the free space in the temporary folder and build again; if it happens again, report it")
            }
        case 3:
            throw .error(at: location, "cannot typeset the PDF: \(said)", hint: "install Typst: \(Self.installCommand)")
        default:
            throw .error(
                at: location,
                "Typst could not typeset the print edition: \(said.isEmpty ? "exit status \(result.status)" : said)",
                hint:
                    "this is a bug in Broadsheet's print renderer or a missing font; rerun with the fonts from Scripts/setup and report it with the message above"
            )
        }
    }

    /// Typesets `argv[1]/main.typ` into `argv[1]/out.pdf`; exit 3 when typst is missing, 2 on a
    /// typesetting error (the message on standard error).
    static let script = """
        import sys
        try:
            import typst
        except ImportError as error:
            sys.stderr.write("the Python package typst is not installed (%s)\\n" % error)
            sys.exit(3)
        folder = sys.argv[1]
        try:
            pdf, warnings = typst.compile_with_warnings(folder + "/main.typ", root=folder)
        except Exception as error:
            sys.stderr.write(str(error) + "\\n")
            sys.exit(2)
        with open(folder + "/out.pdf", "wb") as out:
            out.write(pdf)
        for warning in warnings:
            sys.stderr.write("warning: %s\\n" % " ".join(str(getattr(warning, "message", warning)).split()))
        """

    /// Runs a program to the end (or the time limit) with its output in files, so a chatty
    /// engine can never block on a full pipe.
    private func run(_ program: String, _ arguments: [String], in folder: URL) throws -> (status: Int32, errors: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("broadsheet-print-\(UUID().uuidString).err")
        FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        defer { Self.remove(errorFile) }
        let errorHandle = try FileHandle(forWritingTo: errorFile)
        defer { Self.close(errorHandle) }
        process.standardError = errorHandle
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Polled rather than signalled: a termination handler keeps swift-corelibs-foundation's
        // Process in a reference cycle on Linux (LeakSanitizer reports it), and Typst takes
        // seconds, so 20 ms of polling costs nothing.
        let deadline = Date().addingTimeInterval(Self.timeLimit)
        while process.isRunning && Date() < deadline {
            usleep(20_000)
        }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            return (124, "stopped after \(Int(Self.timeLimit)) s")
        }
        process.waitUntilExit()
        let errors = String(decoding: (try Data(contentsOf: errorFile)).prefix(4000), as: UTF8.self)
        return (process.terminationStatus, errors)
    }

    /// Removes a temporary file or folder; one that cannot be removed stays in the temporary folder.
    private static func remove(_ url: URL) {
        do {
            try FileManager.default.removeItem(at: url)
        } catch {
            // A leftover in the system's temporary folder is harmless and cleaned by the system.
            return
        }
    }

    private static func close(_ handle: FileHandle) {
        do {
            try handle.close()
        } catch {
            // The handle is ours and written by the child only; a failed close loses nothing.
            return
        }
    }
}
