import Foundation

/// A site written as a dictionary of files into a temporary folder, with the repository's
/// own Templates/ copied in so the fixture exercises the real theme.
struct FixtureSite {
    let root: URL

    /// The package root, found from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Writes `files` (path → text) and the repository's templates into a new temporary folder.
    init(_ files: [String: String], copyTemplates: Bool = true) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("broadsheet-fixture-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        if copyTemplates {
            try FileManager.default.copyItem(
                at: Self.packageRoot.appendingPathComponent("Templates"), to: root.appendingPathComponent("Templates"))
        }
        for (path, text) in files { try write(path, text) }
    }

    /// Writes or replaces one file.
    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    /// Deletes one file.
    func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent(path))
    }

    /// Every file under `folder` as path → bytes.
    static func contents(of folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [:] }
        while let relative = enumerator.nextObject() as? String {
            var isFolder: ObjCBool = false
            let url = folder.appendingPathComponent(relative)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
                result[relative] = try Data(contentsOf: url)
            }
        }
        return result
    }

    func delete() {
        try? FileManager.default.removeItem(at: root)
    }
}

/// The "everything" fixture: every feature of content and facts in one small site.
enum EverythingSite {
    static let files: [String: String] = [
        "Content/site.yaml": """
        title: The Fixture Gazette
        subtitle: Every feature in one small site
        description: A test site that exercises every Broadsheet feature.
        baseURL: https://example.org/gazette/
        language: en
        author: Fixture Desk
        publisher: Fixture Press
        lead: opening
        paginate: 1
        menu:
          - title: Timeline
            url: /timeline/
          - title: Tables
            url: /compare/
          - title: About
            url: /about/
        newsletter:
          from: "Fixture Gazette – Desk <desk@example.org>"
          replyTo: letters@example.org
          unsubscribeURL: https://example.org/unsubscribe?email={email}&edition={edition}
          unsubscribeMailto: unsubscribe@example.org
        """,
        "Content/newsletters/first.md": """
        ---
        subject: "First edition: 微信支付 & “the walls”"
        date: 2024-09-30
        preheader: WeChat Pay reaches Taobao, in one email.
        articles: [opening, walls]
        timeline:
          from: 2024-09
          to: 2024-09-30
          entities: [alibaba]
        ---

        Hello from the desk. Taobao [added WeChat Pay](source:paper-2024); read [the story](article:opening),
        see [Tencent](entity:tencent) and [the timeline](/timeline/).

        ## The table

        ```compare
        share
        ```

        ## Earlier

        ```timeline
        themes: walls
        ```

        ## In charts

        ```chart
        kind: bar
        series: fines
        ```

        ```chart
        kind: line
        series: accounts
        ```
        """,
        "Content/articles/opening.md": """
        ---
        title: "The opening: “quotes”, links & 中文"
        date: 2024-09-12T10:00:00+08:00
        updated: 2024-09-27
        summary: Everything at once, with citations, a timeline and a table.
        tags: [payments, Overview]
        weight: 1
        ---

        Taobao [added WeChat Pay](source:paper-2024) on 12 September 2024, after [a consultation](event:consultation).
        The [same paper](source:paper-2024) reported it twice; [the wire](source:wire-2021,paper-2024) too.

        ## Who

        [WeChat Pay](entity:wechat-pay) belongs to [Tencent](entity:tencent). See [the other story](article:walls),
        [the about page](page:about) and [the table](compare:share). ![The Gazette's seal](media/seal.svg)

        ## 微信支付

        ```timeline
        entities: tencent
        from: 2021
        ```

        ## Numbers

        ```compare
        share
        ```

        ## Charts

        ```chart
        kind: line
        series: accounts
        ```

        ```chart
        kind: dot
        series: alipay-share, tenpay-share
        title: Shares, "as reported" & compared
        ```

        ```chart
        kind: grouped-bar
        series: alipay-share, tenpay-share
        title: Shares, "as reported" & compared
        highlight: alipay-share
        ```

        ```chart
        kind: stacked-bar
        series: alipay-share, tenpay-share
        title: Shares stacked
        note: The rest is other wallets.
        ```

        ```chart
        kind: bar
        series: fines   # one series
        highlight: Alibaba
        ```

        <script>alert("no")</script>

        [bad](javascript:alert(1))
        """,
        "Content/articles/walls.md": """
        ---
        title: The walls
        date: 2013-11-26
        tags: [walls]
        aliases: [/articles/the-old-walls/, /walls.html]
        extra:
          kicker: Analysis
          featured: true
        corrections:
          - date: 2013-11-28
            note: An earlier version misnamed [Tencent](entity:tencent)'s app; it is *WeChat*.
        image: media/seal.svg
        ---

        A first paragraph long enough to become the excerpt, because this article has no summary of its own and the generator must cut one from the text.

        ## Background

        Nothing else here.

        ## Figures

        The ~~old~~ current shares, as listed at www.example.org/shares:

        | Platform | Share | Source |
        | :-- | --: | :-: |
        | **Alipay** | 55% | [wire](source:wire-2021) |
        | Tenpay \\| WeChat Pay | 39% | [Tencent](entity:tencent) |

        - [x] checked against the filing
        - [ ] awaiting comment

        ```swift
        let share = 0.55 // "Alipay"
        ```
        """,
        "Content/articles/draft.md": """
        ---
        title: Not yet
        date: 2025-01-01
        draft: true
        ---

        Hidden.
        """,
        "Content/media/seal.svg": """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 60"><circle cx="60" cy="30" r="25"/></svg>
        """,
        "Content/pages/about.md": """
        ---
        title: About the Gazette
        summary: Who we are.
        ---

        We cite [our sources](source:wire-2021).
        """,
        "Content/facts/sources.yaml": """
        - id: paper-2024
          publisher: The Paper
          title: "Taobao adds WeChat Pay"
          url: https://example.org/paper
          date: 2024-09-12
        - id: wire-2021
          publisher: Wire Copy
          via: Reuters
          title: Payments open up
          url: https://example.org/wire
          date: 2021-09
          note: Date shown to the month only.
        - id: caixin-2013
          publisher: Caixin
          title: "[Report on blocked links]"
          url: https://example.org/caixin
          language: zh
        """,
        "Content/facts/entities.yaml": """
        - id: tencent
          name: Tencent
          native: 腾讯
          kind: company
          description: Owner of *WeChat*.
          color: "#1d4ed8"
          main: true
        - id: wechat-pay
          name: WeChat Pay
          native: 微信支付
          kind: product
          parent: tencent
          description: Tencent's wallet.
        - id: alibaba
          name: Alibaba
          kind: company
          description: Operator of Taobao.
          color: "#c2410c"
          main: true
        - id: samr
          name: State Administration for Market Regulation
          short: SAMR
          kind: regulator
          description: The market regulator.
        """,
        "Content/facts/events.yaml": """
        - id: blocked-2013
          date: 2013-11
          title: Taobao blocks WeChat links
          summary: Links from WeChat stopped working.
          entities: [alibaba, tencent]
          themes: [walls]
          sources: [caixin-2013]
          confidence: medium
        - id: consultation
          date: 2024-09-04
          end: 2024-09-05
          title: Taobao consults on WeChat Pay
          summary: A consultation, then notices, involving [Tencent](entity:tencent).
          entities: [alibaba, wechat-pay]
          themes: [payments]
          sources: [paper-2024]
        - id: live
          date: 2024-09-12
          title: WeChat Pay goes live on Taobao
          summary: Opened gradually to all merchants.
          entities: [alibaba, wechat-pay]
          themes: [payments]
          sources: [paper-2024, wire-2021]
        - id: rules
          date: 2021
          title: New platform rules
          summary: The regulator issued rules.
          entities: [samr]
          themes: [regulation]
          sources: [wire-2021]
        """,
        "Content/facts/series.yaml": """
        - id: alipay-share
          title: Alipay's share
          label: Alipay
          unit: "%"
          note: Estimates, "as reported".
          points:
            - {asOf: 2019-Q1, value: 53.8, source: wire-2021}
            - {asOf: 2020-Q1, value: 55.4, source: wire-2021}
            - {asOf: 2021-06, value: 55.6, source: wire-2021}
        - id: tenpay-share
          title: Tenpay's share
          label: Tenpay <WeChat Pay> & co
          entity: wechat-pay
          unit: "%"
          points:
            - {asOf: 2019-Q1, value: 39.9, source: wire-2021}
            - {asOf: 2020-Q1, value: 38.8, source: wire-2021}
            - {asOf: 2021-06, value: 38.8, source: paper-2024, unit: "%"}
        - id: accounts
          title: Monthly active accounts
          label: WeChat
          entity: tencent
          unit: million accounts
          points:
            - {asOf: 2018-12-31, value: 1097.6, source: paper-2024}
            - {asOf: 2020, value: 1225, source: paper-2024}
            - {asOf: 2025-06-30, value: 1411, approx: true, source: paper-2024}
        - id: fines
          title: Fines
          unit: RMB billion
          points:
            - {asOf: 2021-04-10, label: Alibaba, value: 18.228, source: wire-2021}
            - {asOf: 2021-10, label: Meituan, value: 3.44, source: wire-2021, note: as reported}
        """,
        "Content/facts/comparisons.yaml": """
        - id: share
          title: Payment share, "as reported"
          description: Shares by *volume*.
          rowHeader: Wallet
          columns:
            - id: pct
              label: Share
              type: percentage
            - id: volume
              label: Volume
              type: money
              currency: CNY
            - id: users
              label: Users
              type: number
              unit: million
            - id: since
              label: Since
              type: date
            - id: open
              label: On Taobao
              type: boolean
          rows:
            - id: alipay
              label: Alipay
              cells:
                pct: {value: 55.6, asOf: 2021-06, source: wire-2021}
                volume: {value: 118, scale: trillion, asOf: 2023, source: paper-2024, note: as reported}
                since: {value: "2004", asOf: 2004, source: paper-2024}
                open: {value: true, asOf: 2024-09-12, source: paper-2024}
            - id: wechat-pay
              entity: wechat-pay
              cells:
                pct: {value: 38.8, asOf: 2021-06, source: wire-2021}
                users: {value: 1411, approx: true, asOf: 2025-06-30, source: paper-2024}
                open: {value: false, asOf: 2024-09-01, source: paper-2024}
        """,
    ]
}
