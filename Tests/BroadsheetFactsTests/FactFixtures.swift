import BroadsheetCore
import BroadsheetFacts

/// Small facts folders written as text, keyed by file name as `FactBookLoader.load(files:)` takes them.
enum FactFixtures {
    static let folder = "Content/facts"

    /// Source files at `Content/facts/NAME` for each text.
    static func files(_ texts: [String: String]) -> [String: SourceFile] {
        texts.reduce(into: [:]) { result, item in
            result[item.key] = SourceFile(path: "\(folder)/\(item.key)", text: item.value)
        }
    }

    /// Loads texts keyed by file name.
    static func load(_ texts: [String: String]) -> (FactBook, [Diagnostic]) {
        FactBookLoader.load(files: files(texts))
    }

    // MARK: - A valid set that uses every field

    static let sources = """
        - id: variety-2021-04-09
          publisher: Variety
          title: China Fines Alibaba $2.8 Billion
          url: https://variety.com/2021/alibaba-fine
          date: 2021-04-09
        - id: reuters-2021-07
          publisher: Yicai Global
          via: Reuters
          title: "Tencent: WeChat opens to Alipay links"
          url: https://www.yicaiglobal.com/news/x
          date: 2021-07
          language: en
          archive: https://web.archive.org/web/2021/x
          note: Date not shown in the excerpt.
        - id: annual-report-2020
          publisher: Tencent
          title: Annual Report 2020
          url: http://www.tencent.com/ar2020.pdf
          language: zh

        """

    static let entities = """
        - id: tencent
          name: Tencent
          native: 腾讯
          kind: company
          description: A Shenzhen internet company.
          color: "#1aad19"
          main: true
        - id: wechat
          name: WeChat
          kind: product
          parent: tencent
          description: Tencent's messaging super-app.
        - id: wechat-pay
          name: WeChat Pay
          kind: product
          parent: wechat
          description: Payments inside WeChat.
        - id: samr
          name: State Administration for Market Regulation
          short: SAMR
          kind: regulator
          description: China's market regulator.
        - id: alibaba
          name: Alibaba
          kind: company
          description: An e-commerce group.
          main: false

        """

    static let events = """
        - id: link-blocking-talks
          date: 2021-07
          end: 2021-09
          title: Regulators tell platforms to stop blocking links
          summary: The ministry told platforms to **unblock** each other's links.
          entities: [tencent, alibaba]
          themes: [interoperability]
          sources: [reuters-2021-07]
          confidence: medium
        - id: alibaba-fined-2021-04
          date: 2021-04-10
          title: SAMR fines Alibaba a record RMB 18.228 billion
          summary: >-
            The market regulator fined Alibaba
            for "choose one of two".
          entities: [samr, alibaba]
          themes: [regulation, antitrust]
          sources: [variety-2021-04-09, annual-report-2020]
          fact: F04
        - id: year-of-reform
          date: 2021
          title: "2021"
          summary: A year.
          entities: [samr]
          sources: [variety-2021-04-09]

        """

    static let comparisons = """
        - id: fines
          title: Fines and market share
          description: Figures as *reported*.
          rowHeader: Company
          columns:
            - id: fine
              label: Fine
              type: money
              currency: CNY
            - id: share
              label: Share
              type: percentage
            - id: users
              label: Users
              type: number
              unit: million
            - id: listed
              label: Listed
              type: boolean
            - id: founded
              label: Founded
              type: date
            - id: hq
              label: Headquarters
              type: text
          rows:
            - id: alibaba
              entity: alibaba
              cells:
                fine:
                  value: 18.228
                  scale: billion
                  asOf: 2021-04-10
                  source: variety-2021-04-09
                share:
                  value: 55.6
                  asOf: 2021
                  source: reuters-2021-07
                  approx: true
                listed:
                  value: true
                  asOf: 2021
                  source: annual-report-2020
                founded:
                  value: 1999-04
                  asOf: 2021
                  source: annual-report-2020
                hq:
                  value: Hangzhou
                  asOf: 2021
                  source: annual-report-2020
                  note: as reported
            - id: wechat
              label: WeChat users
              entity: wechat
              cells:
                users:
                  value: 1225
                  asOf: 2021-06
                  source: annual-report-2020

        """

    static let valid: [String: String] = [
        "sources.yaml": sources, "entities.yaml": entities, "events.yaml": events, "comparisons.yaml": comparisons,
    ]

    // MARK: - A minimal base for error cases

    /// Two sources; error cases that do not replace it keep these line numbers.
    static let baseSources = """
        - id: variety-2021-04-09
          publisher: Variety
          title: China fines Alibaba
          url: https://variety.com/a
        - id: reuters-2021-07
          publisher: Reuters
          title: Talks
          url: https://www.reuters.com/b

        """

    /// Two entities.
    static let baseEntities = """
        - id: tencent
          name: Tencent
          kind: company
          description: A company.
        - id: alibaba
          name: Alibaba
          kind: company
          description: A company.

        """

    static let base: [String: String] = ["sources.yaml": baseSources, "entities.yaml": baseEntities]
}
