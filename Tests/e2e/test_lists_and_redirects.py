"""Pagination, redirects for old addresses, future-dated articles and --strict on the real binary.

A generated site of 47 articles with `paginate: 10`: the archive and a topic are followed page by
page through `<link rel="next">` until the last page, every card is seen exactly once, the sitemap
lists every page and no redirect; an old address (`aliases:`) redirects in headless Chromium.
"""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest

from broadsheet_cli import describe, run_broadsheet
from browser import chromium, missing_browser, open_page, static_server

BASE_URL = "https://paged.example/news/"
ARTICLES = 47
PAGE_SIZE = 10


class PageLinks(HTMLParser):
    """The `<link rel=…>` hrefs of a page's head, its card links and its robots meta."""

    def __init__(self):
        super().__init__()
        self.rel: dict[str, str] = {}
        self.cards: list[str] = []
        self.robots = ""
        self.refresh = ""
        self._in_card_title = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "link" and attributes.get("rel") in ("prev", "next", "canonical"):
            self.rel[attributes["rel"]] = attributes["href"]
        if tag == "meta" and attributes.get("name") == "robots":
            self.robots = attributes.get("content", "")
        if tag == "meta" and attributes.get("http-equiv") == "refresh":
            self.refresh = attributes.get("content", "")
        if tag == "h3" and "card-title" in attributes.get("class", ""):
            self._in_card_title = True
        if tag == "a" and self._in_card_title:
            self.cards.append(attributes["href"])
            self._in_card_title = False


def parse(path: Path) -> PageLinks:
    links = PageLinks()
    links.feed(path.read_text(encoding="utf-8"))
    return links


def write_site(root: Path, repo_root: Path) -> Path:
    files = {
        "Content/site.yaml": f"""\
title: Paged Gazette
description: Enough articles to paginate.
baseURL: {BASE_URL}
language: en
author: Desk
publisher: Paged Gazette
paginate: {PAGE_SIZE}
edition: false
""",
        "Content/articles/renamed.md": """\
---
title: A renamed article
date: 2023-06-01
tags: [topic]
aliases: [/articles/old-name/, /old-name.html]
---

Its slug changed after a correction.
""",
        "Content/articles/tomorrow.md": """\
---
title: Written ahead
date: 2999-01-01
---

Published on its date.
""",
    }
    for number in range(1, ARTICLES):
        files[f"Content/articles/a{number:03}.md"] = f"""\
---
title: Article {number}
date: 2024-{number % 12 + 1:02}-{number % 28 + 1:02}
tags: [{"topic" if number % 2 else "other"}]
---

Body of article {number}.
"""
    for path, text in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")
    shutil.copytree(repo_root / "Templates", root / "Templates")
    return root


@pytest.fixture(scope="module")
def built(broadsheet_bin: Path, repo_root: Path, tmp_path_factory):
    root = write_site(tmp_path_factory.mktemp("paged") / "site", repo_root)
    output = root / "Output"
    process = run_broadsheet(broadsheet_bin, "build", "--root", str(root), "--output", str(output))
    assert process.returncode == 0, describe(process)
    return root, output, process


def local(output: Path, url: str) -> Path:
    path = urlparse(url).path
    assert path.startswith("/news/"), url
    relative = path[len("/news/"):]
    return output / relative / "index.html" if relative.endswith("/") or relative == "" else output / relative


def follow_next(output: Path, first: str) -> list[tuple[str, PageLinks]]:
    pages = []
    url = first
    while url:
        links = parse(local(output, url))
        assert links.rel["canonical"] == url, f"{url} has canonical {links.rel['canonical']}"
        if pages:
            assert links.rel.get("prev") == pages[-1][0], f"{url}: rel=prev does not lead back"
        pages.append((url, links))
        url = links.rel.get("next")
        assert len(pages) <= ARTICLES, "rel=next never ends"
    return pages


def test_the_archive_is_followed_by_rel_next_and_holds_every_article_once(built):
    _, output, _ = built
    pages = follow_next(output, urljoin(BASE_URL, "archive/"))
    assert [url for url, _ in pages] == [urljoin(BASE_URL, "archive/")] + [
        urljoin(BASE_URL, f"archive/page/{n}/") for n in range(2, 6)
    ]
    assert "prev" not in pages[0][1].rel
    cards = [card for _, links in pages for card in links.cards]
    assert len(cards) == ARTICLES and len(set(cards)) == ARTICLES
    assert all(len(links.cards) == PAGE_SIZE for _, links in pages[:-1])
    assert not (output / "archive/page/1").exists()
    assert not (output / "archive/page/6").exists()


def test_a_topic_is_paginated_too(built):
    _, output, _ = built
    pages = follow_next(output, urljoin(BASE_URL, "tags/topic/"))
    cards = [card for _, links in pages for card in links.cards]
    assert len(pages) == 3 and len(cards) == 24 and len(set(cards)) == 24


def test_the_sitemap_lists_every_page_and_no_redirect(built):
    _, output, _ = built
    sitemap = (output / "sitemap.xml").read_text(encoding="utf-8")
    locations = set(re.findall(r"<loc>([^<]+)</loc>", sitemap))
    for number in range(2, 6):
        assert urljoin(BASE_URL, f"archive/page/{number}/") in locations
    assert urljoin(BASE_URL, "tags/topic/page/3/") in locations
    assert not any("old-name" in location for location in locations)


def test_an_old_address_is_a_noindex_redirect_with_a_canonical_link(built):
    _, output, _ = built
    for path in ("articles/old-name/index.html", "old-name.html"):
        page = parse(output / path)
        assert page.robots == "noindex"
        assert page.rel["canonical"] == urljoin(BASE_URL, "articles/renamed/")
        assert page.refresh == "0; url=/news/articles/renamed/"


def test_a_future_article_is_left_out_and_counted(built):
    _, output, process = built
    assert not (output / "articles/tomorrow").exists()
    assert "Left out 1 article dated in the future" in process.stdout
    assert "Content/articles/tomorrow.md" in process.stdout
    assert "Written ahead" not in (output / "feed.xml").read_text(encoding="utf-8")


def test_future_and_strict_flags(broadsheet_bin: Path, built):
    root, _, _ = built
    process = run_broadsheet(broadsheet_bin, "check", "--root", str(root), "--future")
    assert process.returncode == 0, describe(process)
    assert "Left out" not in process.stdout
    site_yaml = root / "Content/site.yaml"
    original = site_yaml.read_text(encoding="utf-8")
    try:
        site_yaml.write_text(original + "colour: red\n", encoding="utf-8")
        assert run_broadsheet(broadsheet_bin, "check", "--root", str(root)).returncode == 0
        strict = run_broadsheet(broadsheet_bin, "check", "--root", str(root), "--strict")
        assert strict.returncode != 0
        assert "Content/site.yaml:9:1: error: unknown key 'colour' in site.yaml is ignored" in strict.stderr, describe(strict)
    finally:
        site_yaml.write_text(original, encoding="utf-8")


@pytest.mark.skipif(missing_browser() is not None, reason=missing_browser() or "")
def test_the_redirect_lands_on_the_renamed_article_in_chromium(built):
    _, output, _ = built
    # Served under /news/ as the base URL says.
    served = output.parent / "served"
    served.mkdir(exist_ok=True)
    if not (served / "news").exists():
        (served / "news").symlink_to(output, target_is_directory=True)
    with static_server(served) as base, chromium() as driver:
        open_page(driver, base + "news/articles/old-name/")
        driver.implicitly_wait(0)
        for _ in range(50):
            if driver.current_url.endswith("/news/articles/renamed/"):
                break
            driver.execute_async_script("setTimeout(arguments[0], 100)")
        assert driver.current_url == base + "news/articles/renamed/"
        assert driver.find_element("css selector", "h1").text == "A renamed article"
