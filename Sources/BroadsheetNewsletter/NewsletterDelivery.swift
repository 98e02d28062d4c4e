import BroadsheetContent
import BroadsheetCore
import BroadsheetMail
import BroadsheetTemplates
import Foundation

/// One edition sent to a subscriber list: the library behind `broadsheet newsletter send`.
///
/// Made from the resolved site, it checks the newsletter settings, finds the edition and sorts
/// the readers by what the journal says (`plan`); `send` then delivers one personalised message
/// to each pending reader through any `MailTransport`, journalling each delivery.
public struct NewsletterDelivery {
    /// The edition being sent.
    public let edition: Edition
    /// The sender from site.yaml.
    public let sender: EmailAddress
    /// Who gets a message now, and who was served by earlier runs.
    public let plan: SendPlan
    /// The edition's send journal.
    public let journal: SendJournal
    /// Rate, retries and whether uncertain readers are sent to again.
    public let options: SendOptions
    private let renderer: EditionEmailRenderer

    /// Prepares sending `editionName` of `site` to `subscribers`; throws when the site has no
    /// newsletter settings, they are invalid, or there is no such edition.
    public init(
        site: Site, templates: TemplateSet, editionName: String, subscribers: [Subscriber], journal: SendJournal,
        options: SendOptions
    ) throws(DiagnosticsError) {
        renderer = try EditionEmailRenderer(site: site, templates: templates)
        edition = try renderer.edition(named: editionName)
        sender = renderer.sender
        plan = SendPlan(subscribers: subscribers, journal: journal, resendUncertain: options.resendUncertain)
        self.journal = journal
        self.options = options
    }

    /// What the journal recorded last about `subscriber` (the server's reply or the error).
    public func journalDetail(_ subscriber: Subscriber) -> String? {
        journal.details[subscriber.address.normalized]
    }

    /// Sends to every pending reader through `transport`; `sleep` and `now` are injectable for tests.
    public func send(
        through transport: inout some MailTransport, sleep: @escaping (Double) async -> Void = NewsletterSender.pause,
        now: @escaping () -> Date = { Date() }, progress: NewsletterSender.Progress
    ) async -> SendReport {
        let sender = NewsletterSender(journal: journal, options: options, sleep: sleep, now: now)
        let renderer = self.renderer
        let edition = self.edition
        return await sender.send(
            plan, envelopeSender: self.sender.address, transport: &transport,
            compose: { reader throws(Diagnostic) in try renderer.message(edition, to: reader, date: now()) },
            progress: progress)
    }

    /// The end-of-send summary of `report`.
    public func summary(of report: SendReport) -> SendSummary {
        SendSummary(report, plan: plan, journal: journal, resendUncertain: options.resendUncertain)
    }
}
