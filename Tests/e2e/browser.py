"""Headless Chromium through Selenium, and a static server for an output folder.

Shared by the browser tests and Scripts/screenshot.
"""

from __future__ import annotations

import os
import shutil
import struct
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

CHROMIUM = os.environ.get("CHROMIUM_BIN", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER_BIN", "/usr/bin/chromedriver")


@dataclass(frozen=True)
class Viewport:
    """A screen size in CSS pixels; `mobile` turns on touch and <meta name=viewport> handling."""

    name: str
    width: int
    height: int
    mobile: bool


DESKTOP = Viewport("desktop", 1280, 900, mobile=False)
PHONE = Viewport("phone", 390, 844, mobile=True)
VIEWPORTS = (DESKTOP, PHONE)


def missing_browser() -> str | None:
    """Why Chromium cannot be started here, or None when it can."""
    for path, package in ((CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")):
        if not (Path(path).is_file() or shutil.which(path)):
            return f"{path} not found (Debian package {package}): run Scripts/test, which installs it"
    return None


class QuietHandler(SimpleHTTPRequestHandler):
    """Serves files without logging every request to stderr."""

    def log_message(self, format, *args):
        pass


@contextmanager
def static_server(folder: Path):
    """Serves `folder` on a free port of 127.0.0.1; yields the base URL (ending in '/')."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@contextmanager
def chromium():
    """A headless Chromium driven by chromedriver; browser console messages are kept for reading."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1280,900"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def set_viewport(driver, viewport: Viewport, scale: float = 1):
    """Makes the page's viewport exactly `viewport` CSS pixels, `scale` device pixels each."""
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {
            "width": viewport.width,
            "height": viewport.height,
            "deviceScaleFactor": scale,
            "mobile": viewport.mobile,
        },
    )
    driver.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": viewport.mobile})


def open_page(driver, url: str):
    """Loads `url` and waits until its web fonts have loaded, so screenshots show the real type."""
    driver.get(url)
    driver.execute_async_script("const done = arguments[0]; document.fonts.ready.then(() => done(true));")


def save_screenshot(driver, path: Path, viewport: Viewport, scale: float = 1, full_page: bool = False):
    """Saves a PNG of the viewport, or with `full_page` of the whole page at the viewport's width."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if full_page:
        height = driver.execute_script("return document.documentElement.scrollHeight")
        set_viewport(driver, Viewport(viewport.name, viewport.width, max(height, viewport.height), viewport.mobile), scale)
        try:
            driver.save_screenshot(str(path))
        finally:
            set_viewport(driver, viewport, scale)
    else:
        driver.save_screenshot(str(path))


def png_size(path: Path) -> tuple[int, int]:
    """Width and height of a PNG file, read from its IHDR chunk."""
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", header[16:24])


def console_errors(driver) -> list[str]:
    """Errors the page logged to the browser console since the last call (failed loads, script errors)."""
    return [entry["message"] for entry in driver.get_log("browser") if entry.get("level") == "SEVERE"]
