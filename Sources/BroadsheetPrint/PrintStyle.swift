/// The look of the PDF as Typst set and show rules: fonts, page, running heads, headings,
/// tables. Kept apart from the content so a designer can change one without the other.
enum PrintStyle {
    /// Body text: Noto Serif, with Noto Serif CJK for Chinese, Japanese and Korean.
    static let serif = #"("Noto Serif", "Noto Serif CJK SC")"#
    /// Headings, running heads, tables: Noto Sans, with Noto Sans CJK.
    static let sans = #"("Noto Sans", "Noto Sans CJK SC")"#
    /// The accent colour of kickers and rules.
    static let accent = ##"rgb("#8a1c1c")"##

    /// The rules that follow `#set document(…)`; `title` is the running head's left part.
    static func rules(paper: String, lang: String, region: String?, title: String) -> String {
        let regionArgument = region.map { ", region: \(TypstText.string($0))" } ?? ""
        return """
            #let sans = \(sans)
            #let accent = \(accent)
            #set text(font: \(serif), size: 10.5pt, lang: \(TypstText.string(lang))\(regionArgument), hyphenate: true)
            #set par(justify: true, leading: 0.65em, spacing: 1.05em)
            #set page(
              paper: \(TypstText.string(paper)),
              margin: (inside: 2.6cm, outside: 2.2cm, top: 2.6cm, bottom: 2.4cm),
              header: context {
                let page = here().page()
                if query(heading.where(level: 1)).any(h => h.location().page() == page) { return }
                let before = query(selector(heading.where(level: 1)).before(here()))
                if before.len() == 0 { return }
                set text(font: sans, size: 8pt, fill: luma(35%))
                grid(columns: (1fr, 2.4fr), gutter: 1em, align: (left, right), \(TypstText.string(title)), before.last().body)
                v(-0.5em)
                line(length: 100%, stroke: 0.4pt + luma(70%))
              },
            )
            #set heading(numbering: none)
            #show heading: set text(font: sans, hyphenate: false)
            #show heading: set par(justify: false)
            #show heading.where(level: 1): it => block(above: 0pt, below: 1.2em, text(size: 22pt, weight: "bold", it.body))
            #show heading.where(level: 2): set text(size: 13pt)
            #show heading.where(level: 2): set block(above: 1.6em, below: 0.8em)
            #show heading.where(level: 3): set text(size: 11pt)
            #show link: set text(fill: rgb("#1f3a6e"))
            #show raw: set text(size: 0.9em)
            #show raw.where(block: true): block.with(fill: luma(96%), inset: 8pt, radius: 2pt, width: 100%)
            #show quote.where(block: true): set block(inset: (left: 1.2em), stroke: (left: 2pt + luma(80%)))
            #show figure.where(kind: table): set block(breakable: true)
            #show figure.caption: set text(font: sans, size: 9pt)
            #show figure.where(kind: table): set figure.caption(position: top)
            #set table(stroke: (x, y) => (top: if y == 0 { 0.8pt } else if y == 1 { 0.5pt } else { 0.25pt + luma(80%) }, bottom: 0.8pt), inset: (x: 5pt, y: 4pt))
            #show table: set text(font: sans, size: 8.5pt)
            #show table: set par(justify: false)
            #set footnote.entry(separator: line(length: 25%, stroke: 0.4pt))
            #show footnote.entry: set text(size: 8pt)
            #show outline.entry.where(level: 1): set block(above: 0.9em)
            #show outline.entry.where(level: 1): set text(font: sans, size: 10.5pt)
            #show outline.entry.where(level: 1): it => link(it.element.location(), it.indented(
              box(width: 6.5em, text(size: 7.5pt, weight: "bold", tracking: 0.08em, fill: accent, upper(it.element.supplement))),
              it.inner()))

            // "(p. 23)" after a cross-reference: the page the target is on.
            #let pageref(target) = context {
              let found = query(target)
              if found.len() > 0 { text(size: 0.85em)[(p.~#counter(page).at(found.first().location()).first())] }
            }

            // The opening of a chapter or appendix: a kicker above its title, on a new page.
            #let kicker(body) = {
              pagebreak(weak: true)
              v(2.2cm)
              text(font: sans, size: 9pt, weight: "bold", tracking: 0.12em, fill: accent, upper(body))
              v(0.2em)
            }

            #let deck(body) = block(below: 2em, text(size: 12pt, style: "italic", fill: luma(25%), body))

            // A numbered entry of a list of references: the number hanging in the margin.
            #let entry(number, body) = grid(columns: (2.2em, 1fr), gutter: 0pt, align(left, text(font: sans, size: 8.5pt)[#number.]), text(size: 9pt, body))
            """
    }
}
