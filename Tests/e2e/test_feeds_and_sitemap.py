"""The Atom feed, the JSON Feed, sitemap.xml and robots.txt are well-formed and point at real pages."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from datetime import datetime

import feedparser
import pytest

from built_site import BuiltSite

SITEMAP_NAMESPACE = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def assert_points_at_a_page(site: BuiltSite, url: str, where: str):
    assert url.startswith(site.base_url), f"{where}: {url!r} is not an absolute URL under {site.base_url}"
    file, _, problem = site.resolve(url, "index.html")
    assert file is not None, f"{where}: {url} {problem}"


def parse_rfc3339(value: str, where: str) -> datetime:
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        pytest.fail(f"{where}: {value!r} is not an RFC 3339 date-time")
    assert parsed.tzinfo is not None, f"{where}: {value!r} has no time zone"
    return parsed


# MARK: - Atom


@pytest.fixture(scope="module")
def atom(site: BuiltSite):
    path = site.root / "feed.xml"
    assert path.is_file(), "the build wrote no feed.xml"
    return feedparser.parse(path.read_bytes())


def test_atom_feed_parses_without_errors(atom):
    assert not atom.bozo, f"feedparser: {atom.get('bozo_exception')}"
    assert atom.version == "atom10", f"feed.xml is {atom.version or 'not a feed'}, expected Atom 1.0"
    assert atom.feed.get("title"), "the Atom feed has no title"
    assert atom.feed.get("id"), "the Atom feed has no id"
    assert atom.feed.get("updated_parsed"), "the Atom feed has no valid <updated>"


def test_atom_entries_have_titles_links_and_dates(site: BuiltSite, atom):
    assert atom.entries, "the Atom feed has no entries"
    for number, entry in enumerate(atom.entries, 1):
        where = f"feed.xml entry {number} ({entry.get('title', 'untitled')})"
        assert entry.get("title"), f"{where}: no title"
        assert entry.get("id"), f"{where}: no id"
        assert entry.get("updated_parsed") or entry.get("published_parsed"), f"{where}: no valid date"
        assert entry.get("link"), f"{where}: no link"
        assert_points_at_a_page(site, entry.link, where)


# MARK: - JSON Feed
# feedparser 6.0 reads only XML feeds, so the JSON Feed is checked against the 1.1 spec directly.


@pytest.fixture(scope="module")
def json_feed(site: BuiltSite):
    assert (site.root / "feed.json").is_file(), "the build wrote no feed.json"
    return site.read_json("feed.json")


def test_json_feed_is_version_1_1(site: BuiltSite, json_feed):
    assert json_feed.get("version") == "https://jsonfeed.org/version/1.1"
    assert isinstance(json_feed.get("title"), str) and json_feed["title"], "feed.json has no title"
    assert json_feed.get("home_page_url", "").startswith(site.base_url), "home_page_url is not the site"
    assert json_feed.get("feed_url") == site.base_url + "feed.json", "feed_url is not this feed's URL"
    assert isinstance(json_feed.get("items"), list) and json_feed["items"], "feed.json has no items"


def test_json_feed_items_have_ids_titles_urls_dates_and_content(site: BuiltSite, json_feed):
    for number, item in enumerate(json_feed["items"], 1):
        where = f"feed.json item {number} ({item.get('title', 'untitled')})"
        assert isinstance(item.get("id"), str) and item["id"], f"{where}: id must be a non-empty string"
        assert item.get("title"), f"{where}: no title"
        assert item.get("content_html") or item.get("content_text"), f"{where}: no content_html or content_text"
        assert item.get("date_published"), f"{where}: no date_published"
        parse_rfc3339(item["date_published"], where)
        if "date_modified" in item:
            parse_rfc3339(item["date_modified"], where)
        assert_points_at_a_page(site, item.get("url", ""), where)


def test_both_feeds_list_the_same_articles(atom, json_feed):
    atom_links = sorted(entry.get("link") for entry in atom.entries)
    json_links = sorted(item.get("url") for item in json_feed["items"])
    assert atom_links == json_links


def test_home_page_advertises_both_feeds(site: BuiltSite):
    home = site.pages["index.html"]
    types = {link.get("type") for link in home.links if "alternate" in link.get("rel", "").split()}
    assert "application/atom+xml" in types, "index.html has no <link rel=alternate type=application/atom+xml>"
    assert "application/feed+json" in types, "index.html has no <link rel=alternate type=application/feed+json>"


# MARK: - Sitemap and robots.txt


@pytest.fixture(scope="module")
def sitemap_urls(site: BuiltSite) -> list[str]:
    path = site.root / "sitemap.xml"
    assert path.is_file(), "the build wrote no sitemap.xml"
    try:
        root = ElementTree.parse(path).getroot()
    except ElementTree.ParseError as error:
        pytest.fail(f"sitemap.xml is not well-formed XML: {error}")
    assert root.tag == SITEMAP_NAMESPACE + "urlset", f"sitemap.xml root is {root.tag}, expected a sitemaps.org urlset"
    return [(url.findtext(SITEMAP_NAMESPACE + "loc") or "").strip() for url in root.iter(SITEMAP_NAMESPACE + "url")]


def test_sitemap_lists_absolute_urls_of_existing_pages(site: BuiltSite, sitemap_urls):
    assert sitemap_urls, "sitemap.xml lists no URLs"
    duplicates = sorted({url for url in sitemap_urls if sitemap_urls.count(url) > 1})
    assert not duplicates, f"sitemap.xml lists these URLs twice: {duplicates}"
    for url in sitemap_urls:
        assert_points_at_a_page(site, url, "sitemap.xml")


def test_sitemap_lists_every_indexable_page(site: BuiltSite, sitemap_urls):
    listed = {site.resolve(url, "index.html")[0] for url in sitemap_urls}
    missing = [
        path
        for path, page in site.pages.items()
        if path != "404.html"
        and "noindex" not in (page.meta_content("robots") or "")
        and path not in listed
    ]
    assert not missing, f"pages missing from sitemap.xml: {missing}"


def test_robots_txt_points_at_the_sitemap(site: BuiltSite):
    path = site.root / "robots.txt"
    assert path.is_file(), "the build wrote no robots.txt"
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    assert f"Sitemap: {site.base_url}sitemap.xml" in lines, "robots.txt has no absolute Sitemap: line"
