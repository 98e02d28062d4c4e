"""`broadsheet check --external` against a local HTTP server on loopback (never the internet):
dead links are warnings at their lines, HEAD falls back to GET, passing failures are retried,
slow servers time out, good answers are cached, and `build` never asks the network."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from broadsheet_cli import describe, run_broadsheet
from fixture_site import write_fixture_site


class LinkServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), LinkHandler)
        self.requests: list[tuple[str, str]] = []
        self.lock = threading.Lock()

    def count(self, path: str) -> int:
        with self.lock:
            return sum(1 for _, requested in self.requests if requested == path)


class LinkHandler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def answer(self, method: str):
        server: LinkServer = self.server  # type: ignore[assignment]
        with server.lock:
            server.requests.append((method, self.path))
            seen = sum(1 for _, path in server.requests if path == self.path)
        status = 200
        if self.path == "/gone":
            status = 404
        elif self.path == "/no-head" and method == "HEAD":
            status = 405
        elif self.path == "/flaky" and seen == 1:
            status = 503
        elif self.path == "/slow":
            time.sleep(3)
        self.send_response(status)
        self.send_header("Content-Length", "2")
        self.end_headers()
        if method == "GET":
            try:
                self.wfile.write(b"ok")
            except OSError:
                pass

    def do_HEAD(self):
        self.answer("HEAD")

    def do_GET(self):
        self.answer("GET")


@pytest.fixture
def link_server(monkeypatch):
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    server = LinkServer()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def article(base: str) -> str:
    return f"""\
---
title: Outside links
date: 2024-05-03
---

[Good]({base}/ok), [gone]({base}/gone), [no HEAD]({base}/no-head).

[Flaky]({base}/flaky) and [slow]({base}/slow).
"""


def test_check_external_reports_dead_links_as_warnings(broadsheet_bin, repo_root, tmp_path: Path, link_server):
    base = f"http://127.0.0.1:{link_server.server_address[1]}"
    root = write_fixture_site(tmp_path / "site", repo_root)
    (root / "Content/articles/outside.md").write_text(article(base), encoding="utf-8")

    build = run_broadsheet(broadsheet_bin, "build", "--root", str(root), "--output", str(tmp_path / "out"))
    assert build.returncode == 0, describe(build)
    assert link_server.requests == [], "build asked the network"

    process = run_broadsheet(broadsheet_bin, "check", "--root", str(root), "--external", "--external-timeout", "1")
    assert process.returncode == 0, describe(process)
    report = process.stderr
    lines = article(base).splitlines()
    gone = lines[5].index(f"({base}/gone)") + 2
    slow = lines[7].index(f"({base}/slow)") + 2
    assert f"Content/articles/outside.md:6:{gone}: warning: external link '{base}/gone' seems dead: HTTP 404" in report, describe(process)
    assert f"Content/articles/outside.md:8:{slow}: warning: external link '{base}/slow' seems dead: no answer within 1 s" in report, describe(process)
    for good in ("/ok", "/no-head", "/flaky"):
        assert f"'{base}{good}'" not in report, describe(process)
    assert "Checked 5 external links (0 from the cache): 2 warnings." in process.stdout, describe(process)
    assert ("GET", "/no-head") in link_server.requests, "HEAD refused without a GET"
    assert link_server.count("/flaky") >= 2, "a 503 was not retried"
    assert link_server.count("/gone") == 2, "a 404 must be asked with HEAD then GET, and not retried"

    cache = root / ".broadsheet-cache/external-links.json"
    assert cache.is_file(), describe(process)
    asked_ok = link_server.count("/ok")
    again = run_broadsheet(broadsheet_bin, "check", "--root", str(root), "--external", "--external-timeout", "1")
    assert again.returncode == 0, describe(again)
    assert link_server.count("/ok") == asked_ok, "a cached good link was asked again"
    assert link_server.count("/gone") == 4, "a dead link must be asked again on every check"
    assert "Checked 5 external links (3 from the cache): 2 warnings." in again.stdout, describe(again)

    fresh = run_broadsheet(
        broadsheet_bin, "check", "--root", str(root), "--external", "--external-timeout", "1", "--external-cache-days", "0"
    )
    assert "(0 from the cache)" in fresh.stdout, describe(fresh)
    assert link_server.count("/ok") == asked_ok + 1
