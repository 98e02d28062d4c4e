"""`broadsheet serve` as a real process, and ways to talk to it: raw HTTP over a socket, plain
requests, and its Server-Sent Events stream read on a thread.

Shared by test_serve_http.py, test_serve_events.py and test_serve_browser.py.
"""

from __future__ import annotations

import http.client
import json
import os
import queue
import re
import resource
import shutil
import signal
import socket
import subprocess
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

SERVING = re.compile(r"Serving the site at (http://\S+/)")
STOPPED = "Stopped."
# Generous bounds: machines running the suite are noisy, and these are not benchmarks.
START_TIMEOUT = 120
STOP_TIMEOUT = 10
EVENT_TIMEOUT = 10


def copy_repo_site(repo_root: Path, destination: Path) -> Path:
    """Copies the repo's Content/ and Templates/ into `destination`, so edits never touch the repo."""
    for folder in ("Content", "Templates"):
        shutil.copytree(repo_root / folder, destination / folder)
    return destination


class LineLog:
    """The lines a pipe has written so far, read on a thread, waitable by pattern."""

    def __init__(self, stream):
        self.lines: list[str] = []
        self.condition = threading.Condition()
        self.closed = False
        self.thread = threading.Thread(target=self._read, args=(stream,), daemon=True)
        self.thread.start()

    def _read(self, stream):
        for line in stream:
            with self.condition:
                self.lines.append(line.rstrip("\n"))
                self.condition.notify_all()
        with self.condition:
            self.closed = True
            self.condition.notify_all()

    @property
    def text(self) -> str:
        with self.condition:
            return "\n".join(self.lines)

    def wait_for(self, pattern: str | re.Pattern, timeout: float, start: int = 0) -> re.Match | None:
        """The first match of `pattern` in a line at index `start` or later; None on timeout or end of output."""
        regex = re.compile(pattern) if isinstance(pattern, str) else pattern
        deadline = time.monotonic() + timeout
        with self.condition:
            while True:
                for line in self.lines[start:]:
                    match = regex.search(line)
                    if match:
                        return match
                remaining = deadline - time.monotonic()
                if remaining <= 0 or self.closed:
                    return None
                self.condition.wait(remaining)

    def count(self) -> int:
        with self.condition:
            return len(self.lines)


class PreviewProcess:
    """One `broadsheet serve --port 0` process and what it has printed."""

    def __init__(self, binary: Path, root: Path, *options: str, open_files: int | None = None):
        """`open_files` lowers the process's file-descriptor limit (`ulimit -n`) before it starts."""
        self.arguments = [str(binary), "serve", "--root", str(root), *options]
        if "--port" not in options:
            self.arguments += ["--port", "0"]
        self.root = root
        self.process = subprocess.Popen(
            self.arguments,
            env=dict(os.environ, NO_COLOR="1"),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            bufsize=1,
            preexec_fn=(lambda: resource.setrlimit(resource.RLIMIT_NOFILE, (open_files, open_files))) if open_files else None,
        )
        self.stdout = LineLog(self.process.stdout)
        self.stderr = LineLog(self.process.stderr)
        self.url: str | None = None

    @property
    def port(self) -> int:
        return urlsplit(self.url).port

    def wait_until_serving(self, timeout: float = START_TIMEOUT) -> str:
        """Waits for the `Serving the site at URL` line; returns the URL."""
        match = self.stdout.wait_for(SERVING, timeout)
        assert match, f"the preview never said it was serving within {timeout} s\n" + self.describe()
        self.url = match.group(1)
        return self.url

    def wait_for_exit(self, timeout: float) -> int | None:
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            return None

    def interrupt(self, sig: int = signal.SIGINT, timeout: float = STOP_TIMEOUT) -> int | None:
        """Sends `sig` (Ctrl-C by default) and waits for the exit code; None when it did not stop in time."""
        if self.process.poll() is None:
            self.process.send_signal(sig)
        code = self.wait_for_exit(timeout)
        if code is not None:
            self.stdout.thread.join(2)
            self.stderr.thread.join(2)
        return code

    def kill(self):
        """Last resort for a process that ignored the signal: kills it by its own pid."""
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)

    def assert_stops_cleanly(self, sig: int = signal.SIGINT):
        """Ctrl-C (or `sig`) stops the server within STOP_TIMEOUT, exit code 0, after printing `Stopped.`."""
        code = self.interrupt(sig)
        if code is None:
            self.kill()
            raise AssertionError(f"the preview did not stop within {STOP_TIMEOUT} s of signal {sig}\n" + self.describe())
        assert code == 0, f"the preview exited {code} after signal {sig}\n" + self.describe()
        assert STOPPED in self.stdout.lines, f"the preview did not print {STOPPED!r}\n" + self.describe()

    def describe(self) -> str:
        return (
            f"$ {' '.join(self.arguments)}\nexit code {self.process.poll()}\n"
            f"--- stdout ---\n{self.stdout.text}\n--- stderr ---\n{self.stderr.text}"
        )


@contextmanager
def running_preview(binary: Path, root: Path, *options: str, check_stop: bool = True, open_files: int | None = None):
    """Starts the preview, waits until it serves, yields it; on the way out checks Ctrl-C stops it cleanly."""
    preview = PreviewProcess(binary, root, *options, open_files=open_files)
    try:
        preview.wait_until_serving()
        yield preview
    except BaseException:
        preview.kill()
        raise
    if check_stop:
        preview.assert_stops_cleanly()
    else:
        preview.kill()


# MARK: - HTTP


@dataclass
class RawResponse:
    """A response read off a socket, unparsed beyond the status line and headers."""

    status: int
    reason: str
    headers: dict[str, str]  # lower-case names
    body: bytes
    raw: bytes

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())


def parse_response(raw: bytes) -> RawResponse:
    head, _, body = raw.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status_line = lines[0].split(" ", 2)
    assert len(status_line) >= 2 and status_line[0].startswith("HTTP/"), f"not an HTTP response: {raw[:200]!r}"
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return RawResponse(int(status_line[1]), status_line[2] if len(status_line) > 2 else "", headers, body, raw)


def send_raw(port: int, data: bytes, timeout: float = 10) -> bytes:
    """Sends `data` as it is to 127.0.0.1:port and reads until the server closes the connection."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as connection:
        connection.sendall(data)
        chunks = []
        try:
            while True:
                chunk = connection.recv(65536)
                if not chunk:
                    break
                chunks.append(chunk)
        except (socket.timeout, ConnectionResetError):
            pass
        return b"".join(chunks)


def raw_get(port: int, target: bytes) -> RawResponse:
    """A GET for `target` exactly as given (no normalisation), with `Connection: close`."""
    request = b"GET " + target + b" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    return parse_response(send_raw(port, request))


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    def header(self, name: str) -> str | None:
        return self.headers.get(name)

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


def request(url: str, path: str, method: str = "GET", headers: dict[str, str] | None = None, body: bytes | None = None) -> Response:
    """One request with http.client (which does not follow redirects)."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return Response(response.status, response.headers, response.read())
    finally:
        connection.close()


def wait_for_status(url: str, path: str, status: int, timeout: float = EVENT_TIMEOUT) -> Response:
    """Polls `path` until it answers `status`; returns that response (or fails with the last one)."""
    deadline = time.monotonic() + timeout
    while True:
        response = request(url, path)
        if response.status == status or time.monotonic() > deadline:
            assert response.status == status, f"{path} still answers {response.status} after {timeout} s, not {status}"
            return response
        time.sleep(0.1)


# MARK: - Server-Sent Events


@dataclass
class Event:
    """One Server-Sent Event, with the data parsed as JSON and when it arrived."""

    name: str
    data: dict
    arrived: float = field(default_factory=time.monotonic)


class EventStream:
    """Reads /__broadsheet/events on a thread; events queue up for `next` and `wait_for`."""

    def __init__(self, url: str):
        parts = urlsplit(url)
        self.connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=None)
        self.connection.request("GET", "/__broadsheet/events", headers={"Accept": "text/event-stream"})
        self.response = self.connection.getresponse()
        self.events: queue.Queue[Event | None] = queue.Queue()
        self.seen: list[Event] = []
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()

    def _read(self):
        name, data = "message", []
        try:
            while True:
                line = self.response.readline()
                if not line:
                    break
                line = line.decode("utf-8").rstrip("\r\n")
                if line == "":
                    if data:
                        self.events.put(Event(name, json.loads("\n".join(data))))
                    name, data = "message", []
                elif line.startswith("event:"):
                    name = line[len("event:"):].strip()
                elif line.startswith("data:"):
                    data.append(line[len("data:"):].strip())
        except Exception:  # the connection was closed under the reader: the stream has ended
            pass
        finally:
            self.events.put(None)

    def next(self, timeout: float = EVENT_TIMEOUT) -> Event | None:
        """The next event; None when none came within `timeout` or the stream ended."""
        try:
            event = self.events.get(timeout=timeout)
        except queue.Empty:
            return None
        if event is None:
            self.events.put(None)  # stay ended for later calls
            return None
        self.seen.append(event)
        return event

    def wait_for(self, name: str, timeout: float = EVENT_TIMEOUT, where=lambda event: True) -> Event:
        """Skips events until one called `name` matching `where`; fails after `timeout` seconds."""
        deadline = time.monotonic() + timeout
        skipped = []
        while True:
            event = self.next(max(0.0, deadline - time.monotonic()))
            if event is None:
                raise AssertionError(
                    f"no {name!r} event within {timeout} s; got instead: {[(e.name, e.data) for e in skipped]}"
                )
            if event.name == name and where(event):
                return event
            skipped.append(event)

    def drain(self, quiet: float) -> list[Event]:
        """Every event that arrives until none has come for `quiet` seconds."""
        drained = []
        while (event := self.next(quiet)) is not None:
            drained.append(event)
        return drained

    def close(self):
        try:
            self.connection.sock.shutdown(socket.SHUT_RDWR)
        except (OSError, AttributeError):
            pass
        self.thread.join(5)
        self.connection.close()


@contextmanager
def event_stream(url: str):
    """An open event stream whose `hello` has arrived."""
    stream = EventStream(url)
    try:
        stream.wait_for("hello")
        yield stream
    finally:
        stream.close()
