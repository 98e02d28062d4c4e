"""The preview under load (issue 8): many concurrent requests while an article is rebuilt again
and again. No request may fail, and no page may be torn (half one version, half the next).

`wrk` (Debian) drives the load for a bounded time; alongside it, Python threads fetch the edited
page and check that every copy is whole and from a single version: the version number written
into the article's title and into its last paragraph must agree wherever it appears.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from preview_server import copy_repo_site, request, running_preview

ARTICLE = "Content/articles/payments.md"
PAGE = "/articles/payments/"
MARKER = re.compile(r"Load version (\d+)")
LOAD_SECONDS = 6


def write_version(article: Path, original: str, version: int) -> None:
    """The article with `version` in its title and in a closing paragraph (written in place, as editors do)."""
    text = original.replace('title: "Payments:', f'title: "Load version {version}. Payments:', 1)
    assert text != original, "the fixture article's title line changed; update this test"
    article.write_text(text.rstrip("\n") + f"\n\nLoad version {version} ends here.\n", encoding="utf-8")


def versions_in(body: str) -> set[str]:
    return set(MARKER.findall(body))


@pytest.mark.skipif(shutil.which("wrk") is None, reason="wrk is not installed (Scripts/test installs it)")
def test_concurrent_requests_during_rebuilds_never_fail_or_tear(broadsheet_bin: Path, repo_root: Path, tmp_path: Path):
    root = copy_repo_site(repo_root, tmp_path / "site")
    article = root / ARTICLE
    original = article.read_text(encoding="utf-8")
    with running_preview(broadsheet_bin, root) as preview:
        stop = threading.Event()
        written: list[int] = []

        def edit_repeatedly():
            version = 0
            while not stop.is_set():
                version += 1
                write_version(article, original, version)
                written.append(version)
                time.sleep(0.25)

        problems: list[str] = []
        seen: set[str] = set()
        fetched = 0

        def fetch_and_check(_):
            nonlocal fetched
            response = request(preview.url, PAGE)
            if response.status != 200:
                problems.append(f"status {response.status}")
                return
            body = response.text
            fetched += 1
            if not body.rstrip().endswith("</html>"):
                problems.append("a page that does not end with </html>")
            versions = versions_in(body)
            if len(versions) > 1:
                problems.append(f"a torn page mixing versions {sorted(versions)}")
            seen.update(versions)

        editor = threading.Thread(target=edit_repeatedly, daemon=True)
        editor.start()
        try:
            load = subprocess.Popen(
                ["wrk", "-t2", "-c32", f"-d{LOAD_SECONDS}s", "--timeout", "10s", preview.url.rstrip("/") + PAGE],
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
            )
            deadline = time.monotonic() + LOAD_SECONDS
            with ThreadPoolExecutor(max_workers=8) as pool:
                while time.monotonic() < deadline:
                    list(pool.map(fetch_and_check, range(16)))
            report, _ = load.communicate(timeout=LOAD_SECONDS + 60)
        finally:
            stop.set()
            editor.join(5)

        assert load.returncode == 0, report
        requests = re.search(r"(\d+) requests in", report)
        assert requests and int(requests.group(1)) > 100, f"wrk made too few requests to mean anything:\n{report}"
        assert "Non-2xx or 3xx responses" not in report, report
        assert "Socket errors" not in report, report
        assert not problems, f"{len(problems)} bad responses out of {fetched + len(problems)}: {problems[:5]}"
        assert fetched > 20, f"only {fetched} pages were checked"
        assert len(written) >= 5, "the article was not rewritten often enough to overlap with the load"
        assert len(seen) >= 2, f"the checked pages saw only versions {sorted(seen)}: rebuilds did not overlap with the load"
        # The server still serves the last version once things settle.
        last = str(written[-1])
        for _ in range(50):
            if versions_in(request(preview.url, PAGE).text) == {last}:
                break
            time.sleep(0.2)
        assert versions_in(request(preview.url, PAGE).text) == {last}
        print(f"\n{report}")
