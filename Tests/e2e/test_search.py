"""Search in headless Chromium (issue 16): the /search/ page over the repo's own site.

Queries run from the URL (`/search/?q=`) and by typing; results must link to pages and
anchors that exist; the keyboard works; only the index files a query needs are fetched.
"""

from __future__ import annotations

import json
import zlib
from urllib.parse import quote, urlsplit

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from browser import PHONE, chromium, console_errors, missing_browser, set_viewport, static_server
from built_site import BuiltSite

FIRST_QUERY_LIMIT = 150_000  # bytes: the target for a first query


@pytest.fixture(scope="module")
def driver():
    problem = missing_browser()
    if problem:
        pytest.fail(problem)
    with chromium() as driver:
        yield driver


@pytest.fixture(scope="module")
def server_url(site: BuiltSite):
    with static_server(site.root) as url:
        yield url


def script_errors(driver) -> list[str]:
    """Console errors but the browser's own request for /favicon.ico, which the site does not have."""
    return [message for message in console_errors(driver) if "favicon.ico" not in message]


def settled(driver) -> str:
    """Waits until the live region reports the outcome of a query; returns its text."""
    WebDriverWait(driver, 10).until(
        lambda d: d.find_element(By.ID, "search-status").text not in ("", "Searching…")
        and d.find_element(By.ID, "search-results").get_attribute("aria-busy") is None
    )
    return driver.find_element(By.ID, "search-status").text


def run_query(driver, server_url: str, query: str) -> str:
    driver.get(server_url + "search/?q=" + quote(query))
    return settled(driver)


def results(driver) -> list[dict]:
    return driver.execute_script(
        """return Array.from(document.querySelectorAll('.search-result')).map(li => ({
             kind: li.querySelector('.search-result-kind').textContent,
             href: li.querySelector('.search-result-title a').getAttribute('href'),
             marks: Array.from(li.querySelectorAll('mark')).map(m => m.textContent.toLowerCase()),
             links: Array.from(li.querySelectorAll('a')).map(a => a.getAttribute('href'))}))"""
    )


def assert_links_exist(site: BuiltSite, hrefs: list[str]):
    for href in hrefs:
        target, fragment, problem = site.resolve(href, "search/index.html")
        assert target and not problem, f"{href}: {problem}"
        if fragment:
            assert fragment in site.parse(target).ids, f"{href}: no element with id {fragment!r} in {target}"


@pytest.mark.parametrize(
    "query, mark",
    [("Laiwang", "laiwang"), ("QuickPass", "quickpass"), ("淘宝", "淘宝"), ("微信支付", "微信支付"), ("支付宝", "支付宝")],
)
def test_query_from_the_url_finds_and_highlights(site: BuiltSite, driver, server_url, query, mark):
    status = run_query(driver, server_url, query)
    found = results(driver)
    assert found, status
    assert status.startswith(f"{len(found)} result") or "results" in status
    for result in found:
        assert mark in result["marks"], f"{query}: {result['href']} shows no highlighted {mark!r}"
        assert_links_exist(site, result["links"])
    assert script_errors(driver) == []


def test_multi_word_queries_need_every_word(site: BuiltSite, driver, server_url):
    run_query(driver, server_url, "WeChat")
    wechat = {r["href"] for r in results(driver)}
    status = run_query(driver, server_url, "WeChat blocked links")
    both = results(driver)
    assert both, status
    assert len(both) <= int(status.split()[0])
    assert {urlsplit(r["href"]).path for r in both} <= {urlsplit(h).path for h in wechat} | {
        urlsplit(r["href"]).path for r in both
    }
    kinds = {r["kind"] for r in results(driver)}
    assert kinds, "no kinds shown"
    assert_links_exist(site, [link for r in both for link in r["links"]])


def test_results_cover_every_kind(driver, server_url):
    seen = set()
    for query in ("Tencent", "WeChat", "Alibaba", "comparison", "Reuters"):
        run_query(driver, server_url, query)
        while driver.find_element(By.ID, "search-more").get_attribute("hidden") is None:
            driver.find_element(By.ID, "search-more").click()
            settled(driver)
        seen |= {r["kind"] for r in results(driver)}
    assert {"Article", "Event", "Entity", "Source"} <= seen, seen


def test_empty_and_no_match_states(driver, server_url):
    assert run_query(driver, server_url, "").startswith("Type to search")
    assert run_query(driver, server_url, "qzxwvkj").startswith("No results for “qzxwvkj”")
    assert results(driver) == []
    # Without JavaScript the page explains itself; with it, that text is hidden.
    fallback = driver.find_element(By.CSS_SELECTOR, ".search-fallback")
    assert not fallback.is_displayed()


def test_fallback_without_javascript_links_archive_and_timeline(site: BuiltSite):
    page = site.parse("search/index.html")
    targets = {reference.url for reference in page.references}
    assert "/archive/" in targets and "/timeline/" in targets
    text = (site.root / "search/index.html").read_text()
    assert "needs JavaScript" in text
    assert 'role="search"' in text and 'aria-live="polite"' in text and '<label for="search-input">' in text


def test_typing_and_keyboard(site: BuiltSite, driver, server_url):
    driver.get(server_url)
    driver.find_element(By.TAG_NAME, "body").send_keys("/")
    active = driver.switch_to.active_element
    assert active.get_attribute("id") == "site-search-input"
    active.send_keys("Alipay", Keys.ENTER)
    WebDriverWait(driver, 10).until(lambda d: "/search/" in d.current_url)
    assert "q=Alipay" in driver.current_url
    settled(driver)
    assert results(driver)
    # Typing into the page's box updates the results and the URL.
    box = driver.find_element(By.ID, "search-input")
    box.clear()
    box.send_keys("Tencent")
    WebDriverWait(driver, 10).until(lambda d: "q=Tencent" in d.current_url)
    settled(driver)
    found = results(driver)
    assert found and any("tencent" in r["marks"] for r in found)
    # Arrows move through the results and back to the box; Enter opens one.
    box.send_keys(Keys.ARROW_DOWN)
    first = driver.switch_to.active_element
    assert first.get_attribute("href").endswith(found[0]["href"])
    first.send_keys(Keys.ARROW_DOWN)
    second = driver.switch_to.active_element
    assert second != first and second.tag_name == "a"
    second.send_keys(Keys.ARROW_UP)
    driver.switch_to.active_element.send_keys(Keys.ARROW_UP)
    assert driver.switch_to.active_element.get_attribute("id") == "search-input"
    box.send_keys(Keys.ARROW_DOWN)
    driver.switch_to.active_element.send_keys(Keys.ENTER)
    WebDriverWait(driver, 10).until(lambda d: "/search/" not in d.current_url)
    assert urlsplit(driver.current_url).path == urlsplit(found[0]["href"]).path
    assert script_errors(driver) == []


def test_a_query_fetches_only_what_it_needs(site: BuiltSite, driver, server_url):
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
    try:
        run_query(driver, server_url, "WeChat Pay")
        fetched = driver.execute_script(
            """return performance.getEntriesByType('resource')
                 .filter(e => e.name.includes('/search/'))
                 .map(e => [new URL(e.name).pathname, e.encodedBodySize])"""
        )
    finally:
        driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": False})
    paths = [path for path, _ in fetched]
    meta = json.loads((site.root / "search/meta.json").read_text())
    shards = [p for p in paths if p.startswith("/search/shards/")]
    packs = [p for p in paths if p.startswith("/search/entries/")]
    assert "/search/meta.json" in paths
    assert sorted(shards) == ["/search/shards/pa.json", "/search/shards/we.json"], shards
    assert len(meta["shards"]) > 10 and 0 < len(packs) <= 10
    assert all(p.endswith(".pack") for p in packs), packs
    total = sum(size for _, size in fetched)
    assert total <= FIRST_QUERY_LIMIT, f"{total} bytes fetched: {fetched}"


def shown_entry_numbers(site: BuiltSite, driver) -> list[int]:
    """The entry number of each result on the page, found by kind and title in the packs."""
    size = json.loads((site.root / "search/meta.json").read_text())["pack"]
    numbers = {}
    for pack in (site.root / "search/entries").iterdir():
        for position, entry in enumerate(json.loads(zlib.decompress(pack.read_bytes()))):
            numbers.setdefault((entry["k"], entry["t"]), int(pack.stem) * size + position)
    shown = driver.execute_script(
        """return Array.from(document.querySelectorAll('.search-result')).map(li => {
             const link = li.querySelector('.search-result-title a'), section = link.querySelector('.search-result-section');
             const title = link.textContent.slice(0, section ? -section.textContent.length : undefined).trim();
             return [li.querySelector('.search-result-kind').textContent, title]; })"""
    )
    return [numbers[(kind, title)] for kind, title in shown]


def test_results_in_one_pack_cost_one_request(site: BuiltSite, driver, server_url):
    """Entries are packed four to a file (meta.json's "pack"); a pack is fetched once per page,
    however many of the results on screen (or behind "Show more") it holds."""
    size = json.loads((site.root / "search/meta.json").read_text())["pack"]
    assert size == 4
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
    try:
        run_query(driver, server_url, "Tencent")
        while driver.find_element(By.ID, "search-more").get_attribute("hidden") is None:
            driver.find_element(By.ID, "search-more").click()
            settled(driver)
        fetched = driver.execute_script(
            """return performance.getEntriesByType('resource').map(e => new URL(e.name).pathname)
                 .filter(p => p.startsWith('/search/entries/'))"""
        )
    finally:
        driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": False})
    numbers = shown_entry_numbers(site, driver)
    packs = {n // size for n in numbers}
    assert len(numbers) > 10, "the query should need \"Show more\""
    assert len(packs) < len(numbers), "some results should share a pack"
    assert sorted(fetched) == sorted(f"/search/entries/{p}.pack" for p in packs), fetched
    assert script_errors(driver) == []


def test_without_decompression_stream_the_index_cannot_be_loaded(driver, server_url):
    """A browser too old for DecompressionStream gets the page's own message, not a broken page."""
    script = driver.execute_cdp_cmd(
        "Page.addScriptToEvaluateOnNewDocument", {"source": "delete window.DecompressionStream;"}
    )
    try:
        status = run_query(driver, server_url, "Tencent")
    finally:
        driver.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": script["identifier"]})
    assert status == "Search is unavailable: the index could not be loaded.", status
    assert results(driver) == []


def test_phone_and_dark_mode(driver, server_url):
    set_viewport(driver, PHONE)
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "dark"}]})
    try:
        run_query(driver, server_url, "Tencent")
        overflow = driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0
        background = driver.execute_script(
            "return getComputedStyle(document.getElementById('search-input')).backgroundColor"
        )
        assert background == "rgb(20, 20, 20)", background
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_script_stays_small(site: BuiltSite):
    """The issue's limit: 10 KB minified (rjsmin: comments and whitespace removed), before compression."""
    import rjsmin

    script = (site.root / "assets/search.js").read_text()
    assert len(rjsmin.jsmin(script).encode()) <= 10_000
    assert "http://" not in script and "https://" not in script  # no third-party requests
