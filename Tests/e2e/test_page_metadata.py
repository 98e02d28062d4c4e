"""Every page carries its language, title, description and canonical URL; articles carry
Open Graph and schema.org NewsArticle data."""

from __future__ import annotations

import json

from built_site import BuiltSite, Page

REQUIRED_FILES = [
    "index.html",
    "archive/index.html",
    "tags/index.html",
    "feed.xml",
    "feed.json",
    "sitemap.xml",
    "robots.txt",
    "404.html",
]


def assert_no_problems(pages: list[Page], check):
    """Runs `check` (a generator of problem descriptions) on every page; reports them all at once."""
    problems = [f"{page.path}: {problem}" for page in pages for problem in check(page)]
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems[:80])


def test_output_has_the_documented_layout(site: BuiltSite):
    missing = [path for path in REQUIRED_FILES if not (site.root / path).is_file()]
    assert not missing, f"missing from the output: {missing}"
    assert site.article_pages(), "no articles/SLUG/index.html pages in the output"
    assert [path for path in site.html_files if path.startswith("tags/") and path != "tags/index.html"], (
        "no tags/TAG/index.html pages in the output"
    )


def head_problems(site: BuiltSite):
    def check(page: Page):
        if not page.lang:
            yield "<html> has no lang attribute"
        if len(page.titles) != 1 or not page.titles[0]:
            yield f"expected one non-empty <title>, found {len(page.titles)}: {page.titles[:3]}"
        if not page.meta_content("description"):
            yield "no <meta name=description> with content"
        if len(page.headings) != 1 or not page.headings[0]:
            yield f"expected one non-empty <h1>, found {len(page.headings)}: {page.headings[:3]}"
        if "width=device-width" not in (page.meta_content("viewport") or "").replace(" ", ""):
            yield "no <meta name=viewport content=\"width=device-width, ...\">"
        if page.path == "404.html":
            return  # served at any missing URL: it has no canonical URL of its own
        if page.path.startswith("newsletters/") and page.path.endswith("/email.html"):
            return  # the raw HTML email (previewed beside its archive page), which links to that page instead
        canonical = page.link_hrefs("canonical")
        expected = site.absolute_url(page.path)
        if canonical != [expected]:
            yield f"expected one <link rel=canonical href=\"{expected}\">, found {canonical}"

    return check


def test_every_page_has_lang_title_heading_description_and_canonical(site: BuiltSite):
    pages = list(site.pages.values())
    assert pages
    assert_no_problems(pages, head_problems(site))


def news_articles(page: Page):
    """Every object with @type NewsArticle in the page's JSON-LD scripts (top level, lists, @graph)."""
    found = []

    def visit(value):
        if isinstance(value, list):
            for item in value:
                visit(item)
        elif isinstance(value, dict):
            kind = value.get("@type")
            if kind == "NewsArticle" or (isinstance(kind, list) and "NewsArticle" in kind):
                found.append(value)
            visit(value.get("@graph", []))

    for script in page.json_ld:
        visit(json.loads(script))
    return found


def article_problems(site: BuiltSite):
    def check(page: Page):
        if not page.meta_content("og:title"):
            yield "no <meta property=og:title>"
        if page.meta_content("og:type") != "article":
            yield f"og:type is {page.meta_content('og:type')!r}, expected 'article'"
        if not page.json_ld:
            yield "no <script type=application/ld+json>"
            return
        for number, script in enumerate(page.json_ld, 1):
            try:
                json.loads(script)
            except json.JSONDecodeError as error:
                yield f"JSON-LD script {number} is not valid JSON: {error}"
                return
        articles = news_articles(page)
        if not articles:
            yield "no JSON-LD object with @type NewsArticle"
        for article in articles:
            for key in ("headline", "datePublished"):
                if not article.get(key):
                    yield f"NewsArticle has no {key}"

    return check


def test_article_pages_have_open_graph_and_news_article_json_ld(site: BuiltSite):
    pages = site.article_pages()
    assert pages, "no article pages"
    assert_no_problems(pages, article_problems(site))
