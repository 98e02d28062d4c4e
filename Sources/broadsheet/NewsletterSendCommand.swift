import ArgumentParser
import BroadsheetBuild
import BroadsheetCore
import BroadsheetNewsletter
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// `broadsheet newsletter send`: argument parsing and printing around `NewsletterDelivery`.
struct NewsletterSend: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send",
        abstract: "Send an edition to a subscriber list (a dry run unless --confirm).",
        usage: "broadsheet newsletter send NAME --subscribers FILE [<options>]",
        discussion: HelpText.reflow(
            """
            SUBSCRIBERS is a CSV file with an email column and an optional name column (a header
            row `email,name` is optional). Without --confirm nothing is sent: every address is
            checked and the plan is shown. With --confirm each reader gets one personalised message
            over SMTP (or the sendmail command), at most --rate a second, with retries on
            temporary failures.

            Every delivery is recorded in ROOT/.broadsheet/sends/NAME.jsonl before and after it
            happens. Run the same command again after an interruption: it continues where it
            stopped, and never sends the edition twice to anyone the journal lists as sent or
            uncertain. The SMTP password is read from the environment variable named by
            smtp.passwordEnvironment in site.yaml or --smtp-password-env (default
            BROADSHEET_SMTP_PASSWORD), never from a file; a dry run does not need it.

            Examples:
              broadsheet newsletter send NAME --subscribers readers.csv
              broadsheet newsletter send NAME --subscribers readers.csv --confirm \
                  --smtp-host localhost --smtp-port 2525 --smtp-security none
              broadsheet newsletter send NAME --subscribers readers.csv --confirm \
                  --sendmail "/usr/sbin/sendmail -i"
            """))

    @Argument(help: "The edition: the file name of Content/newsletters/NAME.md without .md.")
    var name: String
    @OptionGroup var site: SiteOptions
    @Option(name: .long, help: ArgumentHelp("The subscriber list (CSV: email, optional name).", valueName: "file"))
    var subscribers: String
    @Flag(name: .long, help: "Really send. Without it, only show what would be sent.")
    var confirm = false
    @Option(name: .customLong("smtp-host"), help: ArgumentHelp("SMTP server (overrides site.yaml).", valueName: "host"))
    var smtpHost: String?
    @Option(name: .customLong("smtp-port"), help: ArgumentHelp("SMTP port (overrides site.yaml).", valueName: "port"))
    var smtpPort: Int?
    @Option(
        name: .customLong("smtp-security"),
        help: ArgumentHelp("none, starttls or tls (overrides site.yaml; default starttls).", valueName: "mode"))
    var smtpSecurity: String?
    @Option(name: .customLong("smtp-username"), help: ArgumentHelp("SMTP login (overrides site.yaml).", valueName: "user"))
    var smtpUsername: String?
    @Option(
        name: .customLong("smtp-password-env"),
        help: ArgumentHelp("The environment variable holding the SMTP password.", valueName: "name"))
    var smtpPasswordEnv: String?
    @Option(name: .customLong("smtp-helo"), help: ArgumentHelp("The name given in EHLO.", valueName: "name"))
    var smtpHelo: String?
    @Option(
        name: .customLong("smtp-ca-file"), help: ArgumentHelp("Extra certificate authorities to trust (PEM).", valueName: "file"))
    var smtpCAFile: String?
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Deliver with this sendmail-compatible command instead of SMTP (split into words like a shell, quotes kept; no shell runs).",
            valueName: "command"))
    var sendmail: String?
    @Option(
        name: .long, help: ArgumentHelp("At most this many messages a second (default: site.yaml's rate, or 5).", valueName: "n"))
    var rate: Double?
    @Option(name: .long, help: "Retries after a temporary failure.")
    var retries: Int = 3
    @Option(name: .customLong("retry-delay"), help: ArgumentHelp("Seconds before the first retry (doubling).", valueName: "s"))
    var retryDelay: Double = 2
    @Flag(
        name: .customLong("resend-uncertain"),
        help: "Also send to readers whose earlier delivery is uncertain (they may get it twice).")
    var resendUncertain = false

    func run() async throws {
        let root = site.rootURL
        let reporter = Reporter(root: root)
        let options = site.options(write: false)
        let resolved = try reporter.live { () throws(DiagnosticsError) in try SiteBuilder.resolve(options) }
        let listFile = try reporter.live { () throws(DiagnosticsError) in
            switch SourceFile.read(URL(fileURLWithPath: subscribers), displayPath: subscribers) {
            case .success(let file): return file
            case .failure(let diagnostic): throw DiagnosticsError([diagnostic])
            }
        }
        let (readers, listProblems) = SubscriberListLoader.load(listFile)
        let formatter = DiagnosticFormatter(root: root, colored: false)
        if listProblems.containsErrors {
            Self.printError(formatter.format(listProblems))
            throw ExitCode.failure
        }
        // The edition is checked before the journal is opened, so a wrong name creates no journal.
        _ = try reporter.live { () throws(DiagnosticsError) in try resolved.site.edition(named: name) }
        let journalPath = ".broadsheet/sends/\(name).jsonl"
        let journal = try reporter.live { () throws(DiagnosticsError) in
            try SendJournal(url: root.appendingPathComponent(journalPath), displayPath: journalPath, create: confirm)
        }
        let delivery = try reporter.live { () throws(DiagnosticsError) in
            try NewsletterDelivery(
                site: resolved.site, templates: resolved.templates, editionName: name, subscribers: readers, journal: journal,
                options: SendOptions(
                    rate: rate ?? resolved.site.config.newsletter?.rate ?? 5, retries: retries, retryDelay: retryDelay,
                    resendUncertain: resendUncertain))
        }
        if !journal.warnings.isEmpty { Self.printError(formatter.format(journal.warnings)) }
        guard let config = resolved.site.config.newsletter else { throw ExitCode.failure }  // the delivery said why
        let transport = TransportOptions(
            smtpHost: smtpHost, smtpPort: smtpPort, smtpSecurity: smtpSecurity, smtpUsername: smtpUsername,
            smtpPasswordEnvironment: smtpPasswordEnv, smtpHelo: smtpHelo, smtpCAFile: smtpCAFile, sendmail: sendmail)
        let (route, problems, missingToSend) = transport.route(for: config, environment: ProcessInfo.processInfo.environment)
        let plan = delivery.plan
        Self.say("Edition   \(delivery.edition.name): \(delivery.edition.subject)")
        Self.say("From      \(delivery.sender.displayText)")
        Self.say(
            "Readers   \(readers.count) valid in \(subscribers)\(listProblems.isEmpty ? "" : ", \(listProblems.count) left out (see below)")"
        )
        Self.say(
            "Journal   \(journalPath): \(plan.alreadySent.count) already sent, \(plan.uncertain.count) uncertain, "
                + "\(plan.failedBefore.count) failed permanently before")
        Self.say(
            "Send      \(Self.count(plan.pending.count, "message")) via \(route?.description ?? "SMTP (not configured)"), "
                + "at most \(Self.number(delivery.options.rate)) a second")
        if !listProblems.isEmpty { Self.printError(formatter.format(listProblems)) }
        for problem in problems { Self.printError("error: \(problem)\n") }

        guard confirm else {
            for reader in plan.pending { Self.say("  would send to \(reader.address.displayText)") }
            for reader in plan.uncertain where !resendUncertain {
                Self.say(
                    "  uncertain, not resent: \(reader.address.address) (\(delivery.journalDetail(reader) ?? "no reply was recorded"))"
                )
            }
            for note in missingToSend { Self.printError("note: \(note); it is needed to send with --confirm\n") }
            Self.say("Dry run: nothing was sent. Add --confirm to send.")
            if !problems.isEmpty { throw ExitCode.failure }
            return
        }
        for problem in missingToSend { Self.printError("error: \(problem)\n") }
        guard let route, problems.isEmpty, missingToSend.isEmpty else { throw ExitCode.failure }
        signal(SIGPIPE, SIG_IGN)
        var mailer = route.makeTransport()
        let report = await delivery.send(through: &mailer, progress: Self.progress(interactive: isatty(STDOUT_FILENO) != 0))
        try Self.print(delivery.summary(of: report), listProblems: listProblems)
    }

    /// Prints a progress bar line after each reader.
    private static func progress(interactive: Bool) -> NewsletterSender.Progress {
        { position, total, reader, outcome in
            let label: String
            switch outcome {
            case .sent: label = "sent"
            case .deferred(let detail): label = "deferred (\(detail))"
            case .failed(let detail): label = "failed (\(detail))"
            case .uncertain(let detail): label = "uncertain (\(detail))"
            }
            let width = 24
            let filled = total == 0 ? width : position * width / total
            let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
            let line = TerminalText.escaped("[\(bar)] \(position)/\(total) \(label): \(reader.address.address)")
            if interactive {
                Swift.print("\u{1B}[2K\r" + line, terminator: position == total ? "\n" : "")
            } else {
                Swift.print(line)
            }
            fflush(nil)
        }
    }

    private static func print(_ summary: SendSummary, listProblems: [Diagnostic]) throws {
        say(
            "Sent \(count(summary.sent, "message")); \(summary.alreadySent) already had this edition; "
                + "\(summary.deferred.count) deferred, \(summary.failed.count) failed, \(summary.uncertain.count) uncertain, "
                + "\(listProblems.count) invalid or repeated addresses.")
        func list(_ title: String, _ items: [String]) {
            guard !items.isEmpty else { return }
            say("\(title):")
            for item in items { say("  \(item)") }
        }
        list("Failed permanently (not retried)", summary.failed)
        list("Deferred after retries (run the command again to retry)", summary.deferred)
        list(
            "Uncertain: may or may not have been delivered (check the server's log; --resend-uncertain sends again)",
            summary.uncertain)
        list("Left out of the list", listProblems.map { "\($0.location): \($0.message)" })
        if let stopped = summary.stopped {
            printError("error: the send stopped: \(stopped)\n")
            throw ExitCode.failure
        }
        if !summary.succeeded { throw ExitCode.failure }
    }

    /// Prints one line with every control character made visible (names and addresses come from the list).
    private static func say(_ line: String) { Swift.print(TerminalText.escaped(line)) }

    /// Prints to standard error with control characters made visible, line feeds kept.
    private static func printError(_ text: String) { Reporter.printError(TerminalText.escaped(text, keepingLineFeeds: true)) }

    private static func count(_ value: Int, _ noun: String) -> String { "\(value) \(noun)\(value == 1 ? "" : "s")" }

    private static func number(_ value: Double) -> String { value == value.rounded() ? String(Int(value)) : String(value) }
}
