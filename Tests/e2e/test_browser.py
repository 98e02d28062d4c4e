"""The home page and an article open in headless Chromium, at desktop and phone sizes, over HTTP.

Screenshots go to $SCREENSHOT_DIR (default: a temporary folder) as PAGE-VIEWPORT.png.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from browser import (
    VIEWPORTS,
    chromium,
    console_errors,
    missing_browser,
    open_page,
    png_size,
    save_screenshot,
    set_viewport,
    static_server,
)
from built_site import BuiltSite


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


@pytest.fixture(scope="module")
def screenshot_dir(tmp_path_factory) -> Path:
    configured = os.environ.get("SCREENSHOT_DIR")
    folder = Path(configured) if configured else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


PAGES = {"home": lambda site: "index.html", "article": BuiltSite.first_article}


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=lambda viewport: viewport.name)
@pytest.mark.parametrize("name", PAGES)
def test_page_shows_its_title_and_heading(site: BuiltSite, driver, server_url, screenshot_dir, name, viewport):
    file = PAGES[name](site)
    set_viewport(driver, viewport)
    console_errors(driver)  # drop messages from earlier pages
    open_page(driver, server_url + site.url_path(file).removeprefix(site.base_path))
    screenshot = screenshot_dir / f"{name}-{viewport.name}.png"
    save_screenshot(driver, screenshot, viewport)

    assert png_size(screenshot) == (viewport.width, viewport.height)
    assert driver.title == site.pages[file].titles[0]
    headings = driver.find_elements("css selector", "main h1") or driver.find_elements("tag name", "h1")
    assert headings, f"{file} has no <h1>"
    heading = headings[0]
    assert heading.is_displayed(), f"{file}: the main heading is hidden"
    rect = heading.rect
    inner_width, inner_height, scroll_width = driver.execute_script(
        "return [window.innerWidth, window.innerHeight, document.documentElement.scrollWidth]"
    )
    assert rect["width"] > 0 and rect["height"] > 0, f"{file}: the main heading has no size ({rect})"
    assert 0 <= rect["y"] < inner_height, f"{file}: the main heading is not on the first screen ({rect}); see {screenshot}"
    assert inner_width == viewport.width, (
        f"{file}: layout viewport is {inner_width}px wide on a {viewport.width}px screen "
        "(missing <meta name=viewport content=\"width=device-width, initial-scale=1\">?)"
    )
    assert scroll_width <= inner_width, f"{file}: the page scrolls sideways ({scroll_width}px > {inner_width}px); see {screenshot}"
    errors = [message for message in console_errors(driver) if "favicon.ico" not in message]
    assert not errors, f"{file}: browser console errors:\n" + "\n".join(errors)
