/// The data of `newsletter/email.mustache`: everything the HTML email shows.
struct EmailView: Sendable, Encodable {
    var language: String
    var subject: String
    var preheader: String
    var siteTitle: String
    var siteURL: String
    var dateDisplay: String
    var greeting: String?
    /// Trusted HTML: the editor's note with inline styles and absolute links.
    var body: String
    var featured: [EmailArticleView]
    var hasFeatured: Bool
    var timelineHeading: String?
    /// Trusted HTML: the timeline window as a table.
    var timeline: String?
    var references: [EmailReferenceView]
    var hasReferences: Bool
    var archiveURL: String
    var unsubscribeURL: String
    var publisher: String
}

/// A featured article in the email.
struct EmailArticleView: Sendable, Encodable {
    var title: String
    var url: String
    var dateDisplay: String
    var excerpt: String
    var readingMinutes: Int
}

/// The data of `newsletter/events.mustache`: events as table rows.
struct EmailEventsView: Sendable, Encodable {
    var events: [EmailEventView]
}

/// One event in the email's timeline table.
struct EmailEventView: Sendable, Encodable {
    var dateDisplay: String
    var title: String
    var url: String
    /// Trusted HTML: the summary with inline styles and absolute links.
    var summary: String
    var isReported: Bool
}

/// The data of `newsletter/comparison.mustache`.
struct EmailComparisonView: Sendable, Encodable {
    var title: String
    var url: String
    var rowHeader: String
    var columns: [String]
    var rows: [EmailRowView]
}

/// A row of a comparison in email.
struct EmailRowView: Sendable, Encodable {
    var label: String
    var cells: [String]
}

/// A numbered source under the editor's note.
struct EmailReferenceView: Sendable, Encodable {
    var number: Int
    var anchor: String
    var publisher: String
    var title: String
    var url: String
    var dateDisplay: String?
}

/// A chart in email: bars of table cells, or (for a line chart) its data table.
struct EmailChartView: Sendable, Encodable {
    var title: String
    var url: String
    var isBars: Bool
    var isStacked: Bool
    var isGrouped: Bool
    var groups: [EmailBarGroupView]
    var rowHeader: String
    var columns: [String]
    var rows: [EmailRowView]
    var note: String?
    var sourceLine: String
}

/// One category of an email bar chart.
struct EmailBarGroupView: Sendable, Encodable {
    var label: String
    var bars: [EmailBarView]
    /// The width left after a stacked bar, or after each single bar's value cell, in per cent.
    var rest: Int
    /// The values in words, for a stacked bar.
    var summary: String
}

/// One bar (or stacked segment) in email.
struct EmailBarView: Sendable, Encodable {
    var series: String
    var value: String
    /// In per cent of the row.
    var width: Int
    var colour: String
}
