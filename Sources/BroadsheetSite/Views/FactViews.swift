import BroadsheetTemplates
/// An event on a timeline.
struct EventView: Sendable, Encodable {
    var id: String
    /// The element id, only where the event is listed in full (one place per page).
    var anchor: String?
    var href: String
    var dateDisplay: String
    var dateISO: String
    var endDisplay: String?
    var title: String
    /// Trusted HTML from the summary's inline Markdown.
    var summary: String
    var entities: [EntityLink]
    var themes: [ThemeLink]
    var sources: [SourceCitationView]
    var sourceCount: Int
    var isReported: Bool
    /// "month only" or "year only" for dates the sources give less precisely.
    var precisionNote: String?
    /// Space-separated ids for the client-side filter.
    var entityKeys: String
    var themeKeys: String
}

/// An entity as a link.
struct EntityLink: Sendable, Encodable {
    var id: String
    var name: String
    var nativeName: String?
    var href: String
    var color: String?
    var count: Int
}

/// A theme as a link to its filtered timeline.
struct ThemeLink: Sendable, Encodable {
    var name: String
    var href: String
    var count: Int
}

/// Events of one month on a timeline.
struct MonthGroup: Sendable, Encodable {
    var title: String
    var events: [EventView]
}

/// Events of one year on a timeline.
struct YearGroup: Sendable, Encodable {
    var year: String
    var anchor: String
    var months: [MonthGroup]
}

/// The data of `components/timeline.mustache`.
struct TimelineComponentView: Sendable, Encodable {
    var years: [YearGroup]
    var count: Int
    var isEmpty: Bool
    var compact: Bool
}

/// `/timeline/` and its filtered versions.
struct TimelinePageView: Sendable, Encodable {
    /// The site's name, menu and links, prepared once for every page (`RenderContext.siteView`).
    var site: SharedTemplateValue
    var meta: PageMeta
    var heading: String
    var intro: String
    var chart: String?
    /// Rendered timeline component (trusted HTML).
    var timeline: String
    var entityFilters: [EntityLink]
    var moreEntities: Bool
    var entitiesHref: String
    var themeFilters: [ThemeLink]
    var allHref: String
    var isFiltered: Bool
    var dataHref: String
}

/// A comparison in lists.
struct ComparisonCard: Sendable, Encodable {
    var title: String
    var href: String
    var description: String?
    var rowCount: Int
    var columnCount: Int
}

/// The data of `components/comparison.mustache`.
struct ComparisonTableView: Sendable, Encodable {
    var id: String
    var title: String
    var description: String?
    var rowHeader: String
    var columns: [ColumnView]
    var rows: [RowView]
    var sources: [TableSourceView]
    var pageHref: String
    var csvHref: String
    var showPageLink: Bool
}

/// A column header.
struct ColumnView: Sendable, Encodable {
    var label: String
    var isNumeric: Bool
}

/// A table row.
struct RowView: Sendable, Encodable {
    var label: String
    var href: String?
    var cells: [CellView]
}

/// A table cell: a sourced value or an explicit "unknown".
struct CellView: Sendable, Encodable {
    var cssClass: String?
    var isKnown: Bool
    var isNumeric: Bool
    var value: String
    var asOf: String
    var note: String?
    var showAsOf: Bool
    var sourceNumber: Int
    var sourceAnchor: String
    var sourceTitle: String
}

/// A numbered source under a table.
struct TableSourceView: Sendable, Encodable {
    var number: Int
    var anchor: String
    var citation: SourceCitationView
}

/// `/compare/ID/`.
struct ComparisonPageView: Sendable, Encodable {
    /// The site's name, menu and links, prepared once for every page (`RenderContext.siteView`).
    var site: SharedTemplateValue
    var meta: PageMeta
    var table: String
    /// The table drawn as a chart, when its numbers share one unit.
    var chart: String?
    var title: String
    var csvHref: String
    var citedBy: [BacklinkView]
    var hasCitedBy: Bool
}

/// `/compare/`.
struct ComparisonIndexView: Sendable, Encodable {
    /// The site's name, menu and links, prepared once for every page (`RenderContext.siteView`).
    var site: SharedTemplateValue
    var meta: PageMeta
    var comparisons: [ComparisonCard]
}

/// `/entities/`.
struct EntityIndexView: Sendable, Encodable {
    /// The site's name, menu and links, prepared once for every page (`RenderContext.siteView`).
    var site: SharedTemplateValue
    var meta: PageMeta
    var groups: [EntityGroup]
}

/// Entities of one kind.
struct EntityGroup: Sendable, Encodable {
    var title: String
    var entities: [EntitySummaryView]
}

/// An entity in the index.
struct EntitySummaryView: Sendable, Encodable {
    var link: EntityLink
    var description: String
    var parent: EntityLink?
}

/// `/entities/ID/`.
struct EntityPageView: Sendable, Encodable {
    /// The site's name, menu and links, prepared once for every page (`RenderContext.siteView`).
    var site: SharedTemplateValue
    var meta: PageMeta
    var name: String
    var nativeName: String?
    var kind: String
    var description: String
    var parent: EntityLink?
    var children: [EntityLink]
    var hasChildren: Bool
    var timeline: String
    var eventCount: Int
    var timelineHref: String
    var comparisons: [ComparisonCard]
    var hasComparisons: Bool
}

/// `/sources/`.
struct SourcesPageView: Sendable, Encodable {
    /// The site's name, menu and links, prepared once for every page (`RenderContext.siteView`).
    var site: SharedTemplateValue
    var meta: PageMeta
    var sources: [BibliographyEntry]
    var count: Int
}

/// One source in the bibliography with everything that cites it.
struct BibliographyEntry: Sendable, Encodable {
    var citation: SourceCitationView
    var documents: [BacklinkView]
    var events: [BacklinkView]
    var tables: [BacklinkView]
    /// The charts whose marks rest on the source, each linked to its figure.
    var charts: [BacklinkView]
    var hasDocuments: Bool
    var hasEvents: Bool
    var hasTables: Bool
    var hasCharts: Bool
}

/// The data of `components/chart.mustache`.
struct ChartComponentView: Sendable, Encodable {
    var id: String
    var title: String
    /// The SVG written by `ChartSVG`, inserted raw.
    var svg: String
    var note: String?
    var sources: [ChartSourceView]
    var sourceLabel: String
    var rowHeader: String
    var columns: [String]
    var rows: [ChartRowView]
}

/// One source on a chart's "Source:" line.
struct ChartSourceView: Sendable, Encodable {
    var number: Int
    var publisher: String
    var title: String
    var href: String
    var separator: String
}

/// One row of a chart's data table.
struct ChartRowView: Sendable, Encodable {
    var label: String
    var cells: [ChartCellView]
}

/// One value of a chart's data table, linked to its source.
struct ChartCellView: Sendable, Encodable {
    var isKnown: Bool
    var text: String
    var sourceHref: String
    var sourceNumber: Int
    var asOf: String?
    var note: String?
}
