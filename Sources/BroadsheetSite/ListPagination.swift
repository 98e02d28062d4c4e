import BroadsheetContent
import BroadsheetCore

/// Splits a list of articles into pages of `pageSize` and says where each page lives:
/// page 1 at the list's own path, page N at `LIST/page/N/` (there is no `page/1/`).
struct ListPagination: Sendable {
    /// The list's first page (`/archive/`, `/tags/SLUG/`).
    let list: SitePath
    /// How many items there are.
    let itemCount: Int
    /// Cards per page.
    let pageSize: Int
    let permalinks: Permalinks

    /// At least one page, also for an empty list.
    var pageCount: Int { max(1, (itemCount + pageSize - 1) / pageSize) }

    /// The item indices on page `number` (from 1).
    func range(ofPage number: Int) -> Range<Int> {
        let start = (number - 1) * pageSize
        return min(start, itemCount)..<min(start + pageSize, itemCount)
    }

    /// Where page `number` is published.
    func path(ofPage number: Int) -> SitePath { permalinks.listPage(list, number: number) }

    /// The page numbers a pager shows around `current`: 1, the last, and `radius` either side of
    /// `current`, with 0 standing for a gap; a gap of exactly one page shows that page instead.
    static func window(current: Int, total: Int, radius: Int = 2) -> [Int] {
        guard total > 1 else { return [1] }
        var shown = Set([1, total])
        for number in (current - radius)...(current + radius) where (1...total).contains(number) { shown.insert(number) }
        var result: [Int] = []
        for number in shown.sorted() {
            if let last = result.last {
                if number - last == 2 {
                    result.append(last + 1)
                } else if number - last > 2 {
                    result.append(0)
                }
            }
            result.append(number)
        }
        return result
    }

    /// The pager for page `number`, or nil when the list fits on one page.
    func pager(page number: Int, label: String, href: (SitePath) -> String) -> PagerView? {
        let total = pageCount
        guard total > 1 else { return nil }
        let entries = Self.window(current: number, total: total).map { shown in
            shown == 0
                ? PagerView.Entry(number: 0, href: "", isCurrent: false, isGap: true)
                : PagerView.Entry(number: shown, href: href(path(ofPage: shown)), isCurrent: shown == number, isGap: false)
        }
        return PagerView(
            label: label, current: number, total: total,
            previousHref: number > 1 ? href(path(ofPage: number - 1)) : nil,
            nextHref: number < total ? href(path(ofPage: number + 1)) : nil,
            firstHref: href(path(ofPage: 1)), lastHref: href(path(ofPage: total)), pages: entries)
    }
}
