"""`broadsheet serve` in headless Chromium: a saved Markdown edit appears without a manual reload,
a broken front matter puts the error overlay (naming the file) over the page and fixing it takes
the overlay away, a stylesheet edit is swapped in without reloading the page, and a warning
shows in a corner panel that leaves the page usable.

The overlay's screenshot goes to the test's temporary folder; with BROADSHEET_SCREENSHOTS=1 it is
also saved as docs/screenshots/preview-error-overlay.png (the one docs/preview.md shows).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from browser import DESKTOP, chromium, console_errors, missing_browser, png_size, save_screenshot, set_viewport
from fixture_site import break_front_matter, front_matter_line_count
from preview_server import EVENT_TIMEOUT, PreviewProcess, copy_repo_site, running_preview

ARTICLE = "Content/articles/payments.md"
ARTICLE_PATH = "articles/payments/"
OVERLAY = "broadsheet-preview-overlay"
OUTLINE_RULE = "\nbody { outline: 3px solid rgb(1, 2, 3); }\n"


@pytest.fixture(scope="module")
def driver():
    problem = missing_browser()
    if problem:
        pytest.fail(problem)
    with chromium() as driver:
        set_viewport(driver, DESKTOP)
        yield driver


@pytest.fixture
def site_copy(repo_root: Path, tmp_path: Path) -> Path:
    return copy_repo_site(repo_root, tmp_path / "site")


@pytest.fixture
def preview(broadsheet_bin: Path, site_copy: Path):
    with running_preview(broadsheet_bin, site_copy) as preview:
        yield preview


def wait_until(driver, condition, message: str, timeout: float = EVENT_TIMEOUT):
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.support.ui import WebDriverWait

    try:
        return WebDriverWait(driver, timeout, poll_frequency=0.1).until(lambda driver: condition())
    except TimeoutException:
        raise AssertionError(f"{message} (waited {timeout} s)") from None


def open_live_page(driver, url: str):
    """Loads `url` and marks the window, so a reload shows as the marker's absence.

    An edit saved before the page's event stream connects still reloads it: the stream's `hello`
    carries a newer generation than the page.
    """
    driver.get(url)
    wait_until(driver, lambda: driver.execute_script("return document.readyState") == "complete", f"{url} did not load")
    console_errors(driver)  # drop messages from earlier pages
    driver.execute_script("window.__marker = 1")


def marker(driver):
    return driver.execute_script("return window.__marker")


def overlay_text(driver) -> str | None:
    return driver.execute_script(f"const box = document.getElementById('{OVERLAY}'); return box ? box.innerText : null")


def test_saved_markdown_appears_without_a_manual_reload(driver, preview, site_copy):
    open_live_page(driver, preview.url + ARTICLE_PATH)
    sentence = "A sentence the browser must show without a manual reload."
    with (site_copy / ARTICLE).open("a", encoding="utf-8") as file:
        file.write(f"\n{sentence}\n")

    wait_until(driver, lambda: sentence in driver.find_element("tag name", "main").text, "the page never showed the new sentence")
    assert marker(driver) is None, "the sentence appeared but the page did not reload"
    assert driver.current_url == preview.url + ARTICLE_PATH
    errors = [message for message in console_errors(driver) if "favicon.ico" not in message]
    assert not errors, "console errors after the live reload:\n" + "\n".join(errors)


def test_unrelated_page_is_not_reloaded(driver, preview, site_copy):
    open_live_page(driver, preview.url + "about/")
    with (site_copy / ARTICLE).open("a", encoding="utf-8") as file:
        file.write("\nA body-only edit that no other page shows.\n")
    assert preview.stdout.wait_for(r"after editing Content/articles/payments\.md", EVENT_TIMEOUT), preview.describe()
    assert marker(driver) == 1, "an edit to an article reloaded an unrelated page"


def test_broken_front_matter_shows_an_overlay_until_fixed(driver, preview, site_copy, tmp_path):
    article = site_copy / ARTICLE
    good = article.read_text(encoding="utf-8")
    open_live_page(driver, preview.url + ARTICLE_PATH)
    title = driver.title
    line = break_front_matter(article)

    wait_until(driver, lambda: overlay_text(driver) and ARTICLE in overlay_text(driver), f"no overlay naming {ARTICLE}")
    text = overlay_text(driver)
    # YAML reports a broken title where the parser gives up, which can be a later line of the
    # front matter (the report's articles carry a corrections: list): any line of it will do.
    found = re.search(rf"{re.escape(ARTICLE)}:(\d+):\d+: error: \S", text)
    assert found, f"the overlay has no {ARTICLE}:LINE:COLUMN\n{text}"
    assert line <= int(found.group(1)) <= front_matter_line_count(article), f"the error is not in the front matter\n{text}"
    assert "could not rebuild" in text
    overlay = driver.find_element("id", OVERLAY)
    assert overlay.is_displayed()
    assert overlay.size["width"] >= DESKTOP.width * 0.9 and overlay.size["height"] >= DESKTOP.height * 0.9, overlay.size
    assert driver.title == title, "the last good page is no longer shown under the overlay"
    assert marker(driver) == 1, "the page reloaded instead of showing the overlay"

    screenshot = tmp_path / "preview-error-overlay.png"
    save_screenshot(driver, screenshot, DESKTOP)
    assert png_size(screenshot) == (DESKTOP.width, DESKTOP.height)
    if os.environ.get("BROADSHEET_SCREENSHOTS") == "1":
        save_screenshot(driver, Path(__file__).resolve().parents[2] / "docs/screenshots/preview-error-overlay.png", DESKTOP)

    # A page opened while the error stands shows the overlay at once.
    driver.get(preview.url)
    wait_until(driver, lambda: overlay_text(driver) and ARTICLE in overlay_text(driver), "a page opened during the error has no overlay")

    driver.get(preview.url + ARTICLE_PATH)
    driver.execute_script("window.__marker = 1")
    wait_until(driver, lambda: overlay_text(driver) is not None, "the overlay did not come back on the article")
    article.write_text(good, encoding="utf-8")
    wait_until(driver, lambda: overlay_text(driver) is None, "the overlay stayed after the fix")
    heading = driver.find_element("css selector", "main h1")
    assert heading.is_displayed() and heading.text, "the article has no visible heading after the fix"
    assert driver.title == title


def test_overlay_can_be_dismissed(driver, preview, site_copy):
    open_live_page(driver, preview.url + ARTICLE_PATH)
    break_front_matter(site_copy / ARTICLE)
    wait_until(driver, lambda: overlay_text(driver) is not None, "no overlay")
    driver.find_element("css selector", f"#{OVERLAY} button").click()
    assert overlay_text(driver) is None, "Dismiss did not remove the overlay"


def test_stylesheet_edit_applies_without_reload(driver, preview, site_copy):
    open_live_page(driver, preview.url + ARTICLE_PATH)
    outline = "return getComputedStyle(document.body).outlineColor"
    assert driver.execute_script(outline) != "rgb(1, 2, 3)"
    with (site_copy / "Templates/assets/style.css").open("a", encoding="utf-8") as file:
        file.write(OUTLINE_RULE)

    wait_until(driver, lambda: driver.execute_script(outline) == "rgb(1, 2, 3)", "the new stylesheet rule never applied")
    assert marker(driver) == 1, "the page reloaded for a stylesheet-only change"
    links = driver.execute_script(
        "return [...document.querySelectorAll('link[rel=stylesheet]')].map(link => link.getAttribute('href'))"
    )
    assert len([href for href in links if "style.css" in href]) == 1, f"old stylesheets were not removed: {links}"


def test_reload_keeps_the_scroll_position(driver, preview, site_copy):
    open_live_page(driver, preview.url + ARTICLE_PATH)
    driver.execute_script("window.scrollTo(0, 1500)")
    wait_until(driver, lambda: driver.execute_script("return window.scrollY") == 1500, "could not scroll the article")
    with (site_copy / ARTICLE).open("a", encoding="utf-8") as file:
        file.write("\nA sentence that reloads the page.\n")
    wait_until(driver, lambda: marker(driver) is None, "the page did not reload")
    wait_until(
        driver, lambda: driver.execute_script("return window.scrollY") == 1500, "the reload lost the scroll position", timeout=5
    )


def test_open_page_catches_up_after_the_server_restarts(driver, broadsheet_bin, site_copy):
    """A page left open while the preview is stopped, a file edited and the preview started again
    (on the same port) reloads once its event stream reconnects: it shows the edit."""
    first = PreviewProcess(broadsheet_bin, site_copy)
    try:
        url = first.wait_until_serving()
        open_live_page(driver, url + ARTICLE_PATH)
        first.assert_stops_cleanly()
    finally:
        first.kill()
    sentence = "Written while the preview was stopped."
    with (site_copy / ARTICLE).open("a", encoding="utf-8") as file:
        file.write(f"\n{sentence}\n")
    with running_preview(broadsheet_bin, site_copy, "--port", str(first.port)):
        wait_until(
            driver,
            lambda: sentence in driver.find_element("tag name", "body").text,
            "the open page never showed the edit made while the preview was stopped",
            timeout=20,
        )


WARNINGS = "broadsheet-preview-warnings"


def test_warnings_show_in_a_corner_panel_that_leaves_the_page_usable(driver, preview, site_copy, tmp_path):
    article = site_copy / ARTICLE
    original = article.read_text(encoding="utf-8")
    open_live_page(driver, preview.url + ARTICLE_PATH)
    # An update dated before the article is a warning: the page still builds. (An unknown
    # front-matter key is an error, so it would show the overlay instead.)
    article.write_text(original.replace("---\n", "---\nupdated: 2000-01-01\n", 1), encoding="utf-8")
    panel_text = lambda: driver.execute_script(
        f"const box = document.getElementById('{WARNINGS}'); return box ? box.innerText : null"
    )
    wait_until(driver, lambda: panel_text() and "is before 'date'" in panel_text(), "no warnings panel")
    assert f"{ARTICLE}:2:10: warning: 'updated' (2000-01-01) is before 'date'" in panel_text()
    assert "1 warning (the site still builds)" in panel_text()
    panel = driver.find_element("id", WARNINGS)
    assert panel.size["width"] <= DESKTOP.width * 0.6 and panel.size["height"] <= DESKTOP.height * 0.5, panel.size
    assert overlay_text(driver) is None, "a warning must not put the error overlay over the page"
    save_screenshot(driver, Path(os.environ.get("BROADSHEET_WARNINGS_SHOT", tmp_path / "preview-warnings.png")), DESKTOP)
    # The page under it still works: a link in the main text can be clicked.
    assert driver.find_element("tag name", "main").is_displayed()
    # Fixing the file removes the panel.
    article.write_text(original, encoding="utf-8")
    wait_until(driver, lambda: panel_text() is None, "the warnings panel stayed after the fix")
