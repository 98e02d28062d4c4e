/// The EPUB's stylesheet: readable on small screens, the reader's font size respected.
enum EPUBStyle {
    static let css = """
        body { font-family: "Noto Serif", "Noto Serif CJK SC", serif; line-height: 1.5; margin: 0 5%; }
        h1, h2, h3, .kicker, caption, table, .sources, .table-sources { font-family: "Noto Sans", "Noto Sans CJK SC", sans-serif; }
        h1 { font-size: 1.7em; line-height: 1.2; margin: 0.2em 0 0.6em; }
        h2 { font-size: 1.25em; margin-top: 1.6em; }
        .kicker { text-transform: uppercase; letter-spacing: 0.12em; font-size: 0.8em; font-weight: bold; color: #8a1c1c; margin-top: 2em; }
        .deck { font-style: italic; font-size: 1.1em; color: #333; }
        .title-page { text-align: left; margin-top: 20%; }
        .title-page .publisher { text-transform: uppercase; letter-spacing: 0.14em; color: #8a1c1c; font-weight: bold; }
        .title-page .subtitle { font-style: italic; font-size: 1.2em; }
        a { color: #1f3a6e; }
        .url { word-wrap: break-word; overflow-wrap: break-word; }
        sup { font-size: 0.7em; line-height: 0; }
        blockquote { margin: 1em 0 1em 1em; padding-left: 1em; border-left: 2px solid #ccc; }
        table { border-collapse: collapse; width: 100%; font-size: 0.85em; margin: 1em 0 0.5em; }
        caption { font-weight: bold; text-align: left; margin-bottom: 0.4em; }
        th, td { border-bottom: 1px solid #ccc; padding: 0.3em 0.4em; text-align: left; vertical-align: top; }
        thead th { border-bottom: 2px solid #111; }
        .num { text-align: right; }
        .muted, small { color: #555; }
        .table-sources, .sources { font-size: 0.8em; color: #333; }
        dl.chronology dt { font-weight: bold; font-family: "Noto Sans", sans-serif; margin-top: 0.8em; }
        dl.chronology dd { margin-left: 0; }
        figure { margin: 1em 0; }
        figure img { width: 100%; }
        figcaption { font-size: 0.85em; font-family: "Noto Sans", sans-serif; }
        .references li, .bibliography li { font-size: 0.9em; margin-bottom: 0.5em; }
        pre { white-space: pre-wrap; font-size: 0.85em; }
        """
}
