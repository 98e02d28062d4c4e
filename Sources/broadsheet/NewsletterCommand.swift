import ArgumentParser
import BroadsheetBuild
import BroadsheetContent
import BroadsheetCore
import BroadsheetMail
import BroadsheetNewsletter
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// `broadsheet newsletter`: build and send email editions.
struct NewsletterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "newsletter",
        abstract: "Build and send newsletter editions (Content/newsletters/NAME.md).",
        discussion: """
            Examples:
              broadsheet newsletter build wechat-pay-reaches-taobao
              broadsheet newsletter send wechat-pay-reaches-taobao --subscribers readers.csv            # dry run
              BROADSHEET_SMTP_PASSWORD=… broadsheet newsletter send wechat-pay-reaches-taobao --subscribers readers.csv --confirm
            """,
        subcommands: [NewsletterBuild.self, NewsletterSend.self])
}

struct NewsletterBuild: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site with the edition's email (HTML, text, .eml) and archive page.",
        discussion: """
            Builds the whole site, as `broadsheet build` does (so the archive page, the index of
            editions and the feed stay consistent), and checks that the edition NAME exists. The
            email is written to OUTPUT/newsletters/NAME/: email.html, email.txt and NAME.eml.

            Example:
              broadsheet newsletter build wechat-pay-reaches-taobao --output /tmp/site
            """)

    @Argument(help: "The edition: the file name of Content/newsletters/NAME.md without .md.")
    var name: String

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: ArgumentHelp("Where to write the site (default: ROOT/Output).", valueName: "dir"))
    var output: String?

    func run() throws {
        let output = self.output.map { URL(fileURLWithPath: $0, isDirectory: true) }
        let options = SiteBuilder.Options(root: site.rootURL, output: output, includeDrafts: site.drafts, baseURL: site.baseURL)
        let reporter = Reporter(root: site.rootURL)
        let report = try reporter.run { () throws(DiagnosticsError) in
            // Resolve first (cheap) so a wrong name writes nothing, then build everything.
            let resolved = try SiteBuilder.resolve(options)
            _ = try resolved.site.edition(named: name)
            return try SiteBuilder.build(options)
        }
        let folder = Reporter.display(options.output.appendingPathComponent("newsletters/\(name)"))
        print("Built \(report.pageCount) pages (\(report.fileCount) files) into \(Reporter.display(options.output))")
        print("Edition '\(name)':")
        print("  archive page  \(folder)/index.html")
        print("  HTML email    \(folder)/email.html")
        print("  text part     \(folder)/email.txt")
        print("  message       \(folder)/\(name).eml")
    }
}

struct NewsletterSend: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send",
        abstract: "Send an edition to a subscriber list (a dry run unless --confirm).",
        discussion: """
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
            BROADSHEET_SMTP_PASSWORD), never from a file.

            Examples:
              broadsheet newsletter send wechat-pay-reaches-taobao --subscribers readers.csv
              broadsheet newsletter send wechat-pay-reaches-taobao --subscribers readers.csv --confirm --smtp-host localhost --smtp-port 2525 --smtp-security none
            """)

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
        name: .customLong("smtp-ca-file"),
        help: ArgumentHelp("Extra certificate authorities to trust (PEM).", valueName: "file"))
    var smtpCAFile: String?
    @Option(
        name: .long,
        help: ArgumentHelp("Deliver with this sendmail-compatible command instead of SMTP.", valueName: "command"))
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

    func run() throws {
        let root = site.rootURL
        let reporter = Reporter(root: root)
        let formatter = DiagnosticFormatter(root: root, colored: isatty(STDERR_FILENO) != 0)
        let options = SiteBuilder.Options(root: root, includeDrafts: site.drafts, baseURL: site.baseURL, write: false)
        let resolved = try reporter.live { () throws(DiagnosticsError) in try SiteBuilder.resolve(options) }
        let renderer = try reporter.live { () throws(DiagnosticsError) in
            try EditionEmailRenderer(site: resolved.site, templates: resolved.templates)
        }
        let edition = try reporter.live { () throws(DiagnosticsError) in try renderer.edition(named: name) }
        guard let config = resolved.site.config.newsletter else {
            Reporter.printError("error: site.yaml has no `newsletter:` section\n")
            throw ExitCode.failure
        }

        let listURL = URL(fileURLWithPath: subscribers)
        let listFile = try reporter.live { () throws(DiagnosticsError) in
            switch SourceFile.read(listURL, displayPath: subscribers) {
            case .success(let file): return file
            case .failure(let diagnostic): throw DiagnosticsError([diagnostic])
            }
        }
        let (readers, listProblems) = SubscriberListLoader.load(listFile)
        let journalPath = ".broadsheet/sends/\(name).jsonl"
        let journal = try reporter.live { () throws(DiagnosticsError) in
            try SendJournal(url: root.appendingPathComponent(journalPath), displayPath: journalPath, create: confirm)
        }
        if !journal.warnings.isEmpty { Reporter.printError(formatter.format(journal.warnings)) }
        let plan = SendPlan(subscribers: readers, journal: journal, resendUncertain: resendUncertain)
        let transportDescription: String
        let settings: SMTPSettings?
        var problems: [String] = []
        if let command = sendmail ?? config.sendmail {
            transportDescription = "the command `\(command)`"
            settings = nil
        } else {
            let (resolvedSettings, settingProblems) = smtpSettings(config)
            settings = resolvedSettings
            problems += settingProblems
            transportDescription =
                resolvedSettings.map { smtp in
                    "SMTP \(smtp.host):\(smtp.port) (\(smtp.security.rawValue)"
                        + (smtp.username.map { ", login \($0)" } ?? ", no login") + ")"
                } ?? "SMTP (not configured)"
        }
        let rate = self.rate ?? config.rate ?? 5

        print("Edition   \(edition.name): \(edition.subject)")
        print("From      \(renderer.sender.displayText)")
        print(
            "Readers   \(readers.count) valid in \(subscribers)\(listProblems.isEmpty ? "" : ", \(listProblems.count) left out (see below)")"
        )
        print(
            "Journal   \(journalPath): \(plan.alreadySent.count) already sent, \(plan.uncertain.count) uncertain, "
                + "\(plan.failedBefore.count) failed permanently before")
        print(
            "Send      \(plan.pending.count) message\(plan.pending.count == 1 ? "" : "s") via \(transportDescription), at most \(Self.number(rate)) a second"
        )
        if !listProblems.isEmpty { Reporter.printError(formatter.format(listProblems)) }
        for problem in problems { Reporter.printError("error: \(problem)\n") }

        guard confirm else {
            for reader in plan.pending { print("  would send to \(reader.address.displayText)") }
            for reader in plan.uncertain where !resendUncertain {
                print(
                    "  uncertain, not resent: \(reader.address.address) (\(journal.details[reader.address.normalized] ?? "no reply was recorded"))"
                )
            }
            print("Dry run: nothing was sent. Add --confirm to send.")
            if !problems.isEmpty { throw ExitCode.failure }
            return
        }
        guard problems.isEmpty else { throw ExitCode.failure }
        signal(SIGPIPE, SIG_IGN)
        let sender = NewsletterSender(
            journal: journal,
            options: SendOptions(rate: rate, retries: retries, retryDelay: retryDelay, resendUncertain: resendUncertain))
        let interactive = isatty(STDOUT_FILENO) != 0
        let progress: NewsletterSender.Progress = { position, total, reader, outcome in
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
            let line = "[\(bar)] \(position)/\(total) \(label): \(reader.address.address)"
            if interactive { print("\u{1B}[2K\r" + line, terminator: position == total ? "\n" : "") } else { print(line) }
            fflush(nil)
        }
        let compose = { (reader: Subscriber) throws(Diagnostic) -> EmailMessage in
            try renderer.message(edition, to: reader, date: Date())
        }
        let report: SendReport
        if let settings {
            var transport = SMTPClient(settings: settings)
            report = sender.send(
                plan, envelopeSender: renderer.sender.address, transport: &transport, compose: compose, progress: progress)
        } else {
            var transport = SendmailTransport(command: sendmail ?? config.sendmail ?? "")
            report = sender.send(
                plan, envelopeSender: renderer.sender.address, transport: &transport, compose: compose, progress: progress)
        }
        try summarize(report, plan: plan, listProblems: listProblems, journal: journal)
    }

    private func summarize(_ report: SendReport, plan: SendPlan, listProblems: [Diagnostic], journal: SendJournal) throws {
        var deferred: [String] = []
        var failed: [String] = []
        var uncertain: [String] = []
        for (reader, outcome) in report.outcomes {
            switch outcome {
            case .sent: break
            case .deferred(let detail): deferred.append("\(reader.address.address): \(detail)")
            case .failed(let detail): failed.append("\(reader.address.address): \(detail)")
            case .uncertain(let detail): uncertain.append("\(reader.address.address): \(detail)")
            }
        }
        for reader in plan.uncertain where !resendUncertain {
            uncertain.append(
                "\(reader.address.address): an earlier run stopped between committing and the server's reply; not resent")
        }
        for reader in plan.failedBefore {
            failed.append(
                "\(reader.address.address): \(journal.details[reader.address.normalized] ?? "failed in an earlier run")")
        }
        print(
            "Sent \(report.sentCount) message\(report.sentCount == 1 ? "" : "s"); \(plan.alreadySent.count) already had this edition; "
                + "\(deferred.count) deferred, \(failed.count) failed, \(uncertain.count) uncertain, \(listProblems.count) invalid or repeated addresses."
        )
        func list(_ title: String, _ items: [String]) {
            guard !items.isEmpty else { return }
            print("\(title):")
            for item in items { print("  \(item)") }
        }
        list("Failed permanently (not retried)", failed)
        list("Deferred after retries (run the command again to retry)", deferred)
        list("Uncertain: may or may not have been delivered (check the server's log; --resend-uncertain sends again)", uncertain)
        list("Left out of the list", listProblems.map { "\($0.location): \($0.message)" })
        if let stopped = report.stopped {
            Reporter.printError("error: the send stopped: \(stopped)\n")
            throw ExitCode.failure
        }
        if !(deferred.isEmpty && failed.isEmpty && uncertain.isEmpty) { throw ExitCode.failure }
    }

    private func smtpSettings(_ config: NewsletterConfig) -> (SMTPSettings?, [String]) {
        var problems: [String] = []
        guard let host = smtpHost ?? config.smtp.host else {
            return (nil, ["no SMTP server: set newsletter.smtp.host in site.yaml or pass --smtp-host (or use --sendmail)"])
        }
        var security = SMTPSettings.Security(rawValue: config.smtp.security?.rawValue ?? "starttls") ?? .starttls
        if let text = smtpSecurity {
            if let value = SMTPSettings.Security(rawValue: text.lowercased()) {
                security = value
            } else {
                problems.append("--smtp-security must be none, starttls or tls, not '\(text)'")
            }
        }
        let username = (smtpUsername ?? config.smtp.username).flatMap { $0.isEmpty ? nil : $0 }
        let variable = smtpPasswordEnv ?? config.smtp.passwordEnvironment ?? "BROADSHEET_SMTP_PASSWORD"
        let password = ProcessInfo.processInfo.environment[variable]
        if username != nil && (password ?? "").isEmpty {
            problems.append("the SMTP password is not set: export \(variable)=… (it is never read from a file)")
        }
        let settings = SMTPSettings(
            host: host, port: smtpPort ?? config.smtp.port ?? SMTPSettings.defaultPort(for: security), security: security,
            username: username, password: password, heloName: smtpHelo ?? config.smtp.heloName ?? "localhost",
            caFile: smtpCAFile ?? config.smtp.caFile)
        return (settings, problems)
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
