"""`broadsheet serve` over HTTP: a copy of the repo's site served by the real process on a free
loopback port. Pages, content types, redirects, the site's 404 page, HEAD, ETag / 304, caching,
methods, traversal attempts sent raw, malformed requests, a taken port, `--host`, symlinks out of
the site, and `broadsheet new`.
"""

from __future__ import annotations

import re
import signal
import socket
import time
from pathlib import Path

import pytest

from broadsheet_cli import describe, run_broadsheet
from preview_server import (
    PreviewProcess,
    copy_repo_site,
    event_stream,
    parse_response,
    raw_get,
    request,
    running_preview,
    send_raw,
)

LIVE_SCRIPT = re.compile(r'<script src="/__broadsheet/live\.js" data-generation="\d+" defer></script>\s*</body>')
ARTICLE = "/articles/payments/"
# Made-up bytes for the asset types the repo's site does not have; the server only looks at extensions.
EXTRA_ASSETS = {
    "icon.svg": b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1"/></svg>\n',
    "font.woff2": b"wOF2\x00\x01\x00\x00" + bytes(range(256)),
    "issue.eml": b"Subject: Test\r\n\r\nHello.\r\n",
}


@pytest.fixture(scope="module")
def site_copy(repo_root: Path, tmp_path_factory) -> Path:
    """The repo's site, copied, with an SVG, a WOFF2 font and an .eml added to its assets."""
    root = copy_repo_site(repo_root, tmp_path_factory.mktemp("serve-http") / "site")
    for name, data in EXTRA_ASSETS.items():
        (root / "Templates/assets" / name).write_bytes(data)
    return root


@pytest.fixture(scope="module")
def preview(broadsheet_bin: Path, site_copy: Path):
    """One server for the module's read-only tests; teardown checks Ctrl-C stops it cleanly."""
    with running_preview(broadsheet_bin, site_copy) as preview:
        yield preview


@pytest.fixture
def url(preview) -> str:
    assert preview.process.poll() is None, "the preview has exited\n" + preview.describe()
    return preview.url


# MARK: - Start-up


def test_prints_the_page_count_then_the_loopback_url(preview):
    assert re.fullmatch(r"Built \d+ pages in [\d.]+ m?s\.", preview.stdout.lines[0]), preview.describe()
    assert re.fullmatch(r"Serving the site at http://127\.0\.0\.1:\d+/  \(Ctrl-C to stop\)", preview.stdout.lines[1])
    assert preview.port != 4000, "--port 0 did not pick a free port"
    assert "warning" not in preview.stderr.text, "loopback serving printed a warning\n" + preview.describe()


# MARK: - Pages


@pytest.mark.parametrize(
    "path",
    [
        "/",
        ARTICLE,
        "/about/",
        "/tags/",
        # Newsletter editions are previewed at their archive page and as the email itself (docs/preview.md).
        "/newsletters/",
        "/newsletters/wechat-pay-reaches-taobao/",
        "/newsletters/wechat-pay-reaches-taobao/email.html",
    ],
)
def test_html_pages_are_served_with_the_live_script(url, path):
    response = request(url, path)
    assert response.status == 200, f"{path}: {response.status}"
    assert response.header("Content-Type") == "text/html; charset=utf-8"
    assert LIVE_SCRIPT.search(response.text), f"{path}: no live-reload script right before </body>"
    assert response.text.count("/__broadsheet/live.js") == 1, f"{path}: the script is injected more than once"


def test_pages_use_the_preview_address_as_base_url(url):
    page = request(url, ARTICLE).text
    assert f'<link rel="canonical" href="{url}articles/payments/">' in page
    assert "broadsheet.example" not in page


def test_asset_urls_carry_no_version_hash(url):
    page = request(url, "/").text
    assets = re.findall(r'(?:href|src)="([^"]*assets/[^"]*)"', page)
    assert assets, "the home page links no assets"
    assert not [asset for asset in assets if "?v=" in asset], f"versioned asset URLs in preview: {assets}"


CONTENT_TYPES = {
    "/assets/style.css": "text/css; charset=utf-8",
    "/assets/broadsheet.js": "text/javascript; charset=utf-8",
    "/feed.json": "application/json; charset=utf-8",
    "/data/entities.json": "application/json; charset=utf-8",
    "/feed.xml": "application/xml; charset=utf-8",
    "/sitemap.xml": "application/xml; charset=utf-8",
    "/robots.txt": "text/plain; charset=utf-8",
    "/compare/walls/walls.csv": "text/csv; charset=utf-8",
    "/assets/icon.svg": "image/svg+xml",
    "/assets/font.woff2": "font/woff2",
    "/assets/issue.eml": "message/rfc822",
    "/__broadsheet/live.js": "text/javascript; charset=utf-8",
    "/newsletters/feed.xml": "application/xml; charset=utf-8",
    "/newsletters/wechat-pay-reaches-taobao/email.txt": "text/plain; charset=utf-8",
    "/newsletters/wechat-pay-reaches-taobao/wechat-pay-reaches-taobao.eml": "message/rfc822",
}


@pytest.mark.parametrize("path", CONTENT_TYPES)
def test_content_type_by_extension_and_no_script_outside_html(url, path):
    response = request(url, path)
    assert response.status == 200, f"{path}: {response.status}"
    assert response.header("Content-Type") == CONTENT_TYPES[path]
    assert b'src="/__broadsheet/live.js"' not in response.body, f"{path}: the live script was injected into a non-HTML file"
    assert response.header("X-Content-Type-Options") == "nosniff"


@pytest.mark.parametrize("name", EXTRA_ASSETS)
def test_binary_assets_are_served_byte_for_byte(url, name):
    assert request(url, "/assets/" + name).body == EXTRA_ASSETS[name]


def test_live_script_listens_to_the_event_stream(url):
    script = request(url, "/__broadsheet/live.js").text
    assert 'new EventSource("/__broadsheet/events")' in script
    assert "broadsheet-preview-overlay" in script


# MARK: - Redirects and 404


@pytest.mark.parametrize(
    "path, location",
    [
        ("/articles/payments", "/articles/payments/"),
        ("/articles/payments?utm=a&b=%20c", "/articles/payments/?utm=a&b=%20c"),
        ("/about", "/about/"),
    ],
)
def test_folder_without_slash_redirects_keeping_the_query(url, path, location):
    response = request(url, path)
    assert response.status == 301, f"{path}: {response.status}"
    assert response.header("Location") == location
    assert response.header("Cache-Control") == "no-store"
    assert response.body == b""


@pytest.mark.parametrize("target", [b"//articles/payments", b"///about?x=1", b"//compare"])
def test_redirect_never_points_to_another_host(preview, target):
    """`Location: //articles/payments/` would send the browser to a host called `articles`."""
    response = raw_get(preview.port, target)
    assert response.status == 301, f"{target!r}: {response.status}"
    location = response.header("Location")
    assert location.startswith("/") and not location.startswith("//"), f"{target!r} redirects to {location!r}"
    assert location.split("?")[0].endswith("/"), location


@pytest.mark.parametrize("path", ["/no-such-page/", "/articles/no-such-article/", "/assets/missing.css", "/articles/payments/extra"])
def test_missing_files_get_the_sites_404_page(url, site_copy, path):
    response = request(url, path)
    assert response.status == 404, f"{path}: {response.status}"
    assert response.header("Content-Type") == "text/html; charset=utf-8"
    built_404 = request(url, "/404.html")
    assert built_404.status == 200
    assert response.body == built_404.body, f"{path}: the 404 body is not the site's own 404.html"
    assert LIVE_SCRIPT.search(response.text)


# MARK: - HEAD, ETag, caching, methods


@pytest.mark.parametrize("path", ["/", ARTICLE, "/assets/style.css", "/feed.json"])
def test_head_has_the_get_headers_and_no_body(url, preview, path):
    get = request(url, path)
    head_raw = send_raw(
        preview.port, f"HEAD {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode()
    )
    head, _, body = head_raw.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 200"), head_raw[:200]
    assert body == b"", f"HEAD {path} sent {len(body)} body bytes"
    headers = dict(
        (name.strip().lower(), value.strip())
        for name, _, value in (line.partition(":") for line in head.decode("latin-1").split("\r\n")[1:])
    )
    assert headers.get("content-length") == str(len(get.body)), f"HEAD {path}: {headers}"
    assert headers.get("content-type") == get.header("Content-Type")
    assert headers.get("etag") == get.header("ETag")


@pytest.mark.parametrize("path", ["/", ARTICLE, "/assets/style.css", "/compare/walls/walls.csv"])
def test_etag_and_if_none_match_give_304_without_body(url, path):
    first = request(url, path)
    tag = first.header("ETag")
    assert tag and re.fullmatch(r'"[^"]+"', tag), f"{path}: not a strong ETag: {tag!r}"
    assert request(url, path).header("ETag") == tag, f"{path}: the ETag changes between identical requests"
    again = request(url, path, headers={"If-None-Match": tag})
    assert again.status == 304, f"{path}: If-None-Match with the current tag gave {again.status}"
    assert again.body == b""
    assert again.header("ETag") == tag
    assert request(url, path, headers={"If-None-Match": f'"other", {tag}'}).status == 304
    assert request(url, path, headers={"If-None-Match": '"stale-tag"'}).status == 200


@pytest.mark.parametrize(
    "path, cache_control",
    [("/", "no-cache"), (ARTICLE, "no-cache"), ("/assets/style.css", "no-cache"), ("/no-such-page/", "no-cache"), ("/about", "no-store")],
)
def test_cache_control(url, path, cache_control):
    assert request(url, path).header("Cache-Control") == cache_control


def test_head_of_the_event_stream_ends(preview):
    """HEAD must not open the endless stream: the response ends at once, without a body."""
    started = time.monotonic()
    raw = send_raw(preview.port, b"HEAD /__broadsheet/events HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", timeout=5)
    assert time.monotonic() - started < 4, "HEAD /__broadsheet/events never finished"
    response = parse_response(raw)
    assert response.status == 200
    assert response.header("Content-Type") == "text/event-stream; charset=utf-8"
    assert response.body == b""


def test_event_stream_is_not_cached(url):
    with event_stream(url) as stream:
        assert stream.response.status == 200
        assert stream.response.getheader("Content-Type") == "text/event-stream; charset=utf-8"
        assert stream.response.getheader("Cache-Control") == "no-store"
        hello = stream.seen[0]
        assert hello.name == "hello" and isinstance(hello.data.get("generation"), int), hello


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH", "OPTIONS"])
def test_other_methods_get_405_with_allow(url, method):
    response = request(url, "/", method=method, body=b"x=1" if method in ("POST", "PUT", "PATCH") else None)
    assert response.status == 405, f"{method}: {response.status}"
    allowed = {value.strip() for value in (response.header("Allow") or "").split(",")}
    assert allowed == {"GET", "HEAD"}, f"{method}: Allow is {response.header('Allow')!r}"


# MARK: - Traversal attempts, sent raw


TRAVERSALS = [
    b"/../../etc/passwd",
    b"/%2e%2e/%2e%2e/etc/passwd",
    b"/%2E%2E/",
    b"/..%2f..%2fetc/passwd",
    b"/%2e%2e%5c%2e%2e%5cetc%5cpasswd",
    b"/assets/..%2f..%2fContent%2fsite.yaml",
    b"/assets/../../Content/site.yaml",
    b"/./index.html",
    b"/%00",
    b"/index.html%00.css",
    b"/%ff",
    b"/%",
    b"/%2",
    b"/%zz",
    b"\\..\\..\\etc\\passwd",
    b"/..\\..\\etc\\passwd",
    b"http://evil/../etc/passwd",
    b"http://127.0.0.1/../../etc/passwd",
    b"//etc/passwd",
    b"/%252e%252e/etc/passwd",
    b"/%2fetc%2fpasswd",
    b"/etc/passwd",
    b"/Content/site.yaml",
    b"/Templates/base.mustache",
    b"/../Templates/base.mustache",
    b"/%c0%ae%c0%ae/etc/passwd",
    b"/.%2e/.%2e/etc/passwd",
    b"*",
]


@pytest.mark.parametrize("target", TRAVERSALS, ids=lambda target: target.decode("latin-1"))
def test_traversal_attempts_are_refused(preview, site_copy, target):
    response = raw_get(preview.port, target)
    assert response.status in (400, 404), f"{target!r}: {response.status}\n{response.raw[:400]!r}"
    assert b"root:x:" not in response.body, f"{target!r} served /etc/passwd"
    for source in ("Content/site.yaml", "Templates/base.mustache"):
        text = (site_copy / source).read_bytes()
        assert text[:200] not in response.body, f"{target!r} served {source}"


# MARK: - Malformed requests


MALFORMED = {
    "garbage": b"\x00\x01\x02\xff\xfe garbage \r\n\r\n",
    "header-without-colon": b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nThis header has no colon\r\n\r\n",
    "100-KB-request-line": b"GET /" + b"a" * 100_000 + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
    "100-KB-header": b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + b"b" * 100_000 + b"\r\n\r\n",
    "cut-off-request-line": b"GET /articles/pay",
    "cut-off-headers": b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: te",
    "no-version": b"GET /\r\n\r\n",
    "http-2-preface": b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n",
    "bad-content-length": b"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: -5\r\n\r\n",
    "short-body": b"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000\r\n\r\nabc",
    "bad-chunk": b"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
    "space-in-target": b"GET /a b HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
}


@pytest.mark.parametrize("name", MALFORMED)
def test_malformed_requests_do_not_crash_the_server(preview, url, name):
    with socket.create_connection(("127.0.0.1", preview.port), timeout=5) as connection:
        try:
            connection.sendall(MALFORMED[name])
            if name.startswith("cut-off"):
                connection.shutdown(socket.SHUT_WR)  # the client gives up half way
            connection.settimeout(2)
            reply = connection.recv(1024)
        except (socket.timeout, ConnectionResetError, BrokenPipeError):
            reply = b""
    if reply:
        assert reply.startswith(b"HTTP/1.1 4"), f"{name}: answered {reply[:120]!r}"
    assert preview.process.poll() is None, f"the server died after a {name} request\n" + preview.describe()
    assert request(url, "/").status == 200, f"a normal GET failed after a {name} request"


def test_many_idle_connections_do_not_block_requests(preview, url):
    idle = [socket.create_connection(("127.0.0.1", preview.port), timeout=5) for _ in range(50)]
    try:
        for connection in idle[::2]:
            connection.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # never finished
        started = time.monotonic()
        assert request(url, ARTICLE).status == 200
        assert time.monotonic() - started < 10
    finally:
        for connection in idle:
            connection.close()


# MARK: - Ports, hosts, signals


def test_taken_port_is_a_clear_error_suggesting_the_next(broadsheet_bin, preview, site_copy):
    process = run_broadsheet(broadsheet_bin, "serve", "--root", str(site_copy), "--port", str(preview.port))
    assert process.returncode == 1, describe(process)
    assert f"error: port {preview.port} on 127.0.0.1 is already in use" in process.stderr, describe(process)
    assert f"--port {preview.port + 1}" in process.stderr, "no hint of another port\n" + describe(process)
    assert "Serving" not in process.stdout
    assert request(preview.url, "/").status == 200, "the first server stopped answering"


@pytest.mark.parametrize("port", ["-1", "65536", "70000"])
def test_port_out_of_range_is_an_error(broadsheet_bin, site_copy, port):
    process = run_broadsheet(broadsheet_bin, "serve", "--root", str(site_copy), "--port", port)
    assert process.returncode != 0, describe(process)
    assert "Serving" not in process.stdout
    assert "error" in process.stderr.lower(), describe(process)


def test_missing_root_is_an_error(broadsheet_bin, tmp_path):
    process = run_broadsheet(broadsheet_bin, "serve", "--root", str(tmp_path / "nowhere"), "--port", "0")
    assert process.returncode == 1, describe(process)
    assert "the site folder does not exist" in process.stderr, describe(process)


def test_non_loopback_host_prints_a_warning(broadsheet_bin, site_copy):
    with running_preview(broadsheet_bin, site_copy, "--host", "0.0.0.0") as preview:
        assert re.search(r"(?m)^warning: serving on 0\.0\.0\.0 .*network", preview.stderr.text), preview.describe()
        assert preview.url.startswith("http://127.0.0.1:"), preview.url
        assert request(preview.url, "/").status == 200


def test_open_option_starts_the_browser_with_the_url(broadsheet_bin, site_copy, tmp_path, monkeypatch):
    opened = tmp_path / "opened.txt"
    fake_browser = tmp_path / "fake-browser"
    fake_browser.write_text(f'#!/bin/sh\nprintf "%s" "$1" > {opened}\n', encoding="utf-8")
    fake_browser.chmod(0o755)
    monkeypatch.setenv("BROWSER", str(fake_browser))
    with running_preview(broadsheet_bin, site_copy, "--open") as preview:
        deadline = time.monotonic() + 10
        while not opened.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert opened.exists(), "--open did not run $BROWSER\n" + preview.describe()
        assert opened.read_text(encoding="utf-8") == preview.url


def test_sigterm_stops_cleanly_with_an_open_event_stream(broadsheet_bin, site_copy):
    preview = PreviewProcess(broadsheet_bin, site_copy)
    try:
        preview.wait_until_serving()
        with event_stream(preview.url) as stream:
            preview.assert_stops_cleanly(signal.SIGTERM)
            assert stream.next(timeout=5) is None, "the event stream stayed open after the server stopped"
    finally:
        preview.kill()


def test_ctrl_c_stops_cleanly_with_an_open_event_stream(broadsheet_bin, site_copy):
    preview = PreviewProcess(broadsheet_bin, site_copy)
    try:
        preview.wait_until_serving()
        with event_stream(preview.url) as stream:
            preview.assert_stops_cleanly(signal.SIGINT)
            assert stream.next(timeout=5) is None, "the event stream stayed open after the server stopped"
    finally:
        preview.kill()


# MARK: - Symlinks pointing out of the site


def test_symlinked_asset_is_never_served(broadsheet_bin, repo_root, tmp_path):
    """A link to /etc/passwd in Templates/assets fails the build; requests get the waiting page, never the file."""
    root = copy_repo_site(repo_root, tmp_path / "site")
    (root / "Templates/assets/passwd").symlink_to("/etc/passwd")
    (root / "Templates/assets/etc").symlink_to("/etc", target_is_directory=True)
    with running_preview(broadsheet_bin, root) as preview:
        assert "Templates/assets/passwd" in preview.stderr.text and "outside the site folder" in preview.stderr.text, (
            "the build did not report the link\n" + preview.describe()
        )
        for target in (b"/assets/passwd", b"/assets/etc/passwd", b"/"):
            response = raw_get(preview.port, target)
            assert b"root:x:" not in response.body, f"{target!r} served /etc/passwd"
            assert response.status in (400, 404, 503), f"{target!r}: {response.status}"
        with event_stream(preview.url) as stream:
            problems = stream.wait_for("problems")
            assert "Templates/assets/passwd" in problems.data["report"]


def test_symlink_added_while_serving_is_never_served(broadsheet_bin, repo_root, tmp_path):
    """After a good build, a new link to /etc/passwd is reported and the last good site, without it, stays."""
    root = copy_repo_site(repo_root, tmp_path / "site")
    with running_preview(broadsheet_bin, root) as preview:
        with event_stream(preview.url) as stream:
            (root / "Templates/assets/passwd").symlink_to("/etc/passwd")
            problems = stream.wait_for("problems")
            assert "Templates/assets/passwd" in problems.data["report"], problems.data
        response = raw_get(preview.port, b"/assets/passwd")
        assert response.status == 404, response.status
        assert b"root:x:" not in response.body
        assert request(preview.url, "/").status == 200


# MARK: - broadsheet new


def check(binary: Path, root: Path, *options: str):
    return run_broadsheet(binary, "check", "--root", str(root), *options)


def front_matter(text: str) -> dict[str, str]:
    lines = text.splitlines()
    assert lines[0] == "---", text
    end = lines.index("---", 1)
    return dict((key.strip(), value.strip()) for key, _, value in (line.partition(":") for line in lines[1:end]))


def test_new_article_writes_a_draft_that_builds_and_refuses_to_overwrite(broadsheet_bin, repo_root, tmp_path):
    root = copy_repo_site(repo_root, tmp_path / "site")
    title = 'Alipay: a "test" article'
    created = run_broadsheet(broadsheet_bin, "new", "article", title, "--root", str(root))
    assert created.returncode == 0, describe(created)
    file = root / "Content/articles/alipay-a-test-article.md"
    assert file.is_file(), f"no {file}\n" + describe(created)
    assert "Content/articles/alipay-a-test-article.md" in created.stdout
    fields = front_matter(file.read_text(encoding="utf-8"))
    assert fields["title"] == '"Alipay: a \\"test\\" article"'
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", fields["date"]), fields
    assert time.strftime("%Y-%m-%d") == fields["date"], "the date is not today's"
    assert fields["draft"] == "true"

    for options in ((), ("--drafts",)):
        checked = check(broadsheet_bin, root, *options)
        assert checked.returncode == 0, describe(checked)

    before = file.read_bytes()
    again = run_broadsheet(broadsheet_bin, "new", "article", title, "--root", str(root))
    assert again.returncode == 1, describe(again)
    assert "this file already exists" in again.stderr, describe(again)
    assert file.read_bytes() == before, "the second run changed the file"


def test_new_article_shows_up_in_serve_with_drafts(broadsheet_bin, repo_root, tmp_path):
    root = copy_repo_site(repo_root, tmp_path / "site")
    created = run_broadsheet(broadsheet_bin, "new", "article", "Preview me", "--slug", "preview-me", "--root", str(root))
    assert created.returncode == 0, describe(created)
    assert (root / "Content/articles/preview-me.md").is_file()
    with running_preview(broadsheet_bin, root, "--drafts") as preview:
        page = request(preview.url, "/articles/preview-me/")
        assert page.status == 200, page.status
        assert "Preview me" in page.text
        assert '<span class="badge draft">Draft</span>' in page.text, "the draft has no Draft badge"


def test_new_page_writes_a_page_that_builds_and_refuses_to_overwrite(broadsheet_bin, repo_root, tmp_path):
    root = copy_repo_site(repo_root, tmp_path / "site")
    created = run_broadsheet(broadsheet_bin, "new", "page", "Style guide", "--slug", "style-guide", "--root", str(root))
    assert created.returncode == 0, describe(created)
    file = root / "Content/pages/style-guide.md"
    assert file.is_file(), describe(created)
    fields = front_matter(file.read_text(encoding="utf-8"))
    assert fields["title"] == '"Style guide"'
    assert fields["slug"] == "style-guide"
    assert "draft" not in fields and "date" not in fields, fields

    for options in ((), ("--drafts",)):
        checked = check(broadsheet_bin, root, *options)
        assert checked.returncode == 0, describe(checked)

    again = run_broadsheet(broadsheet_bin, "new", "page", "Something else", "--slug", "style-guide", "--root", str(root))
    assert again.returncode == 1, describe(again)
    assert "this file already exists" in again.stderr


@pytest.mark.parametrize(
    "arguments, message",
    [
        (("article", "   "), "the title is empty"),
        (("article", "!!!"), "no usable URL slug"),
        (("article", "Fine", "--slug", "Not A Slug"), "is not a valid slug"),
        (("page", "Tags", "--slug", "tags"), "reserved"),
    ],
)
def test_new_rejects_bad_titles_and_slugs(broadsheet_bin, tmp_path, arguments, message):
    process = run_broadsheet(broadsheet_bin, "new", *arguments, "--root", str(tmp_path))
    assert process.returncode == 1, describe(process)
    assert message in process.stderr, describe(process)
    assert not (tmp_path / "Content").exists() or not any((tmp_path / "Content").rglob("*.md")), "a file was written"
