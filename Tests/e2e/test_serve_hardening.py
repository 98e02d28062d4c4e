"""`broadsheet serve` against hostile clients (issue 13) and its warnings (issue 14): event streams
whose page went away are released (under a low file-descriptor limit a few hundred open/close
cycles must not stop `GET /` from answering), the number of streams is capped, idle connections
time out, `Host` headers other than the loopback names are refused (DNS rebinding), and warnings
reach the terminal and the browser without blocking the page.

Loopback only; every loop is bounded.
"""

from __future__ import annotations

import socket
import time
from pathlib import Path

import pytest

from fixture_site import write_fixture_site
from preview_server import EVENT_TIMEOUT, event_stream, parse_response, request, running_preview, send_raw

MAX_STREAMS = 64  # PreviewServer.Options.maxEventStreams


@pytest.fixture
def fixture_root(tmp_path: Path, repo_root: Path) -> Path:
    return write_fixture_site(tmp_path / "site", repo_root)


def open_stream(port: int, timeout: float = 5) -> tuple[socket.socket, bytes]:
    """Opens /__broadsheet/events raw; returns the socket and what arrived up to the first event (or the whole reply)."""
    connection = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    connection.sendall(b"GET /__broadsheet/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
    received = b""
    deadline = time.monotonic() + timeout
    while b"event: hello" not in received and time.monotonic() < deadline:
        try:
            chunk = connection.recv(4096)
        except socket.timeout:
            break
        if not chunk:
            break
        received += chunk
        if received.startswith(b"HTTP/1.1 503") and b"\r\n\r\n" in received:
            break
    return connection, received


def get_root(port: int, timeout: float = 5) -> int:
    reply = send_raw(port, b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", timeout=timeout)
    assert reply, "GET / got no answer"
    return parse_response(reply).status


# MARK: - Streams whose page went away


def test_closed_streams_are_released_under_a_low_fd_limit(broadsheet_bin, fixture_root):
    # 128 descriptors: without releasing closed streams, a few hundred cycles exhaust them and
    # the server can no longer accept `GET /`.
    with running_preview(broadsheet_bin, fixture_root, open_files=128) as preview:
        refused = 0
        for cycle in range(400):
            connection, received = open_stream(preview.port)
            assert received.startswith(b"HTTP/1.1 200") or received.startswith(b"HTTP/1.1 503"), received[:200]
            refused += received.startswith(b"HTTP/1.1 503")
            connection.close()  # the page goes away without a word
            if cycle % 50 == 49:
                assert get_root(preview.port) == 200, f"GET / failed after {cycle + 1} cycles\n" + preview.describe()
        assert get_root(preview.port) == 200
        # Heartbeats (every 2 s) find the closed streams: a new one is accepted again within seconds.
        deadline = time.monotonic() + 15
        while True:
            connection, received = open_stream(preview.port)
            connection.close()
            if received.startswith(b"HTTP/1.1 200"):
                break
            assert time.monotonic() < deadline, "closed streams were never released\n" + preview.describe()
            time.sleep(0.5)
        print(f"\n{refused} of 400 streams refused with 503 while closed ones waited for a heartbeat")
        assert preview.process.poll() is None


def test_streams_beyond_the_cap_get_503_and_pages_still_answer(broadsheet_bin, fixture_root):
    with running_preview(broadsheet_bin, fixture_root) as preview:
        streams = []
        try:
            for _ in range(MAX_STREAMS):
                connection, received = open_stream(preview.port)
                streams.append(connection)
                assert received.startswith(b"HTTP/1.1 200"), received[:200]
            connection, received = open_stream(preview.port)
            connection.close()
            response = parse_response(received)
            assert response.status == 503
            assert response.header("retry-after") == "5"
            assert b"Too many live-reload connections" in response.body
            assert get_root(preview.port) == 200
        finally:
            for connection in streams:
                connection.close()
        deadline = time.monotonic() + 15
        while True:
            connection, received = open_stream(preview.port)
            connection.close()
            if received.startswith(b"HTTP/1.1 200"):
                break
            assert time.monotonic() < deadline, "closed streams were never released"
            time.sleep(0.5)


def test_open_streams_get_heartbeats(broadsheet_bin, fixture_root):
    with running_preview(broadsheet_bin, fixture_root) as preview:
        connection, received = open_stream(preview.port)
        try:
            deadline = time.monotonic() + 10
            while b": heartbeat" not in received and time.monotonic() < deadline:
                received += connection.recv(4096)
            assert b": heartbeat\n\n" in received, received
        finally:
            connection.close()


def test_idle_keep_alive_connections_are_closed(broadsheet_bin, fixture_root):
    with running_preview(broadsheet_bin, fixture_root) as preview:
        connection = socket.create_connection(("127.0.0.1", preview.port), timeout=45)
        try:
            connection.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")  # keep-alive, then silence
            started = time.monotonic()
            received = b""
            while True:
                chunk = connection.recv(65536)
                if not chunk:
                    break
                received += chunk
            waited = time.monotonic() - started
        finally:
            connection.close()
        assert received.startswith(b"HTTP/1.1 200")
        assert 20 < waited < 45, f"the idle connection was closed after {waited:.1f} s, not about 30 s"


# MARK: - Host headers (DNS rebinding)


@pytest.mark.parametrize(
    "host", ["127.0.0.1", "127.0.0.1:{port}", "localhost", "LOCALHOST:{port}", "localhost.", "[::1]:{port}", "[::1]"]
)
def test_loopback_host_headers_are_answered(preview_for_hosts, host):
    port = preview_for_hosts.port
    reply = send_raw(port, f"GET / HTTP/1.1\r\nHost: {host.format(port=port)}\r\nConnection: close\r\n\r\n".encode())
    assert parse_response(reply).status == 200


@pytest.mark.parametrize(
    "host",
    [
        "evil.example",
        "evil.example:{port}",
        "127.0.0.1.evil.example",
        "localhost.evil.example:{port}",
        "127.0.0.2:{port}",
        "192.168.1.20:{port}",
        "0.0.0.0",
        "",
        "localhost:{port}:80",
        "[::1",
    ],
)
@pytest.mark.parametrize("path", ["/", "/__broadsheet/events", "/__broadsheet/live.js", "/feed.xml"])
def test_other_host_headers_get_421(preview_for_hosts, host, path):
    port = preview_for_hosts.port
    reply = send_raw(port, f"GET {path} HTTP/1.1\r\nHost: {host.format(port=port)}\r\nConnection: close\r\n\r\n".encode())
    response = parse_response(reply)
    assert response.status == 421, f"Host: {host!r} answered {response.status}"
    assert b"answers only to localhost" in response.body


@pytest.fixture(scope="module")
def preview_for_hosts(broadsheet_bin, tmp_path_factory, repo_root):
    root = write_fixture_site(tmp_path_factory.mktemp("serve-hosts") / "site", repo_root)
    with running_preview(broadsheet_bin, root) as preview:
        yield preview


def test_host_opened_on_purpose_accepts_addresses_but_not_names(broadsheet_bin, fixture_root):
    with running_preview(broadsheet_bin, fixture_root, "--host", "0.0.0.0") as preview:
        port = preview.port
        for host, status in [
            (f"192.168.1.20:{port}", 200),
            (f"10.0.0.5", 200),
            (f"[fe80::1]:{port}", 200),
            (f"localhost:{port}", 200),
            (f"evil.example:{port}", 421),
        ]:
            reply = send_raw(port, f"GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())
            assert parse_response(reply).status == status, host


# MARK: - Warnings


def test_warnings_reach_the_terminal_and_the_browser_without_blocking(broadsheet_bin, fixture_root):
    article = fixture_root / "Content/articles/a.md"
    original = article.read_text(encoding="utf-8")
    # An update dated before the article: a warning (an unknown front-matter key is an error).
    article.write_text(original.replace("---\n", "---\nupdated: 2000-01-01\n", 1), encoding="utf-8")
    with running_preview(broadsheet_bin, fixture_root) as preview:
        assert "warning: 'updated' (2000-01-01) is before 'date'" in preview.stderr.text, preview.describe()
        with event_stream(preview.url) as stream:
            warning = stream.wait_for("warnings")
            assert warning.data["warningCount"] == 1
            assert warning.data["files"] == ["Content/articles/a.md"]
            assert "warning: 'updated' (2000-01-01) is before 'date'" in warning.data["report"]
            assert request(preview.url, "/").status == 200, "a warning must not block the page"
            # Fixing the file removes the warning: the panel goes.
            article.write_text(original, encoding="utf-8")
            cleared = stream.wait_for("warnings", timeout=EVENT_TIMEOUT)
            assert cleared.data["warningCount"] == 0
            # A new warning in another file, found by a full rebuild.
            extra = fixture_root / "Content/articles/extra.md"
            extra.write_text("---\ntitle: Extra\ndate: 2024-01-02\nupdated: 2024-01-01\n---\n\nText.\n", encoding="utf-8")
            again = stream.wait_for("warnings", timeout=EVENT_TIMEOUT)
            assert again.data["files"] == ["Content/articles/extra.md"]
            # The terminal prints it too (just after the browser hears of it).
            assert preview.stderr.wait_for(
                r"^Content/articles/extra\.md:4:10: warning: 'updated' \(2024-01-01\) is before 'date'", EVENT_TIMEOUT
            ), preview.describe()
