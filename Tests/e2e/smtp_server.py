"""A real SMTP server on loopback for the newsletter tests: aiosmtpd, started in this process.

It keeps every message it accepts, and can be told to stall at a given message (to kill the
sender at a known point), to answer some recipients with temporary failures, and to require
STARTTLS and AUTH with a self-signed certificate made at test time.
"""

from __future__ import annotations

import asyncio
import email
import email.policy
import socket
import ssl
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


@dataclass
class Received:
    """One accepted message: envelope recipients, the parsed message, and how the session looked."""

    recipients: list[str]
    message: email.message.EmailMessage
    raw: bytes
    tls: bool
    login: str | None


@dataclass
class Recorder:
    """The handler: stores messages; optional stalls and temporary failures."""

    messages: list[Received] = field(default_factory=list)
    # Stall (after storing the message, before answering 250) at this 1-based message number.
    stall_data_at: int | None = None
    # Stall when the Nth transaction starts (MAIL FROM), before anything is committed.
    stall_mail_at: int | None = None
    # Recipients that get "451" this many more times.
    temporary_failures: dict[str, int] = field(default_factory=dict)
    stalled: threading.Event = field(default_factory=threading.Event)
    release: threading.Event = field(default_factory=threading.Event)
    transactions: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def _stall(self):
        self.stalled.set()
        while not self.release.is_set():
            await asyncio.sleep(0.02)

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        with self.lock:
            self.transactions += 1
            number = self.transactions
        if self.stall_mail_at == number:
            await self._stall()
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        with self.lock:
            left = self.temporary_failures.get(address.lower(), 0)
            if left:
                self.temporary_failures[address.lower()] = left - 1
                return "451 4.3.0 Try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        raw = envelope.original_content or envelope.content
        auth = session.auth_data
        login = auth.login.decode() if isinstance(auth, LoginPassword) else None
        with self.lock:
            self.messages.append(
                Received(
                    recipients=list(envelope.rcpt_tos),
                    message=email.message_from_bytes(raw, policy=email.policy.default),
                    raw=raw,
                    tls=session.ssl is not None
                    or server._tls_protocol is not None
                    or server.transport.get_extra_info("ssl_object") is not None,
                    login=login,
                )
            )
            number = len(self.messages)
        if self.stall_data_at == number:
            await self._stall()
        return "250 2.0.0 Accepted"

    def count_for(self, address: str) -> int:
        with self.lock:
            return sum(address in message.recipients for message in self.messages)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class LoginCheck:
    """Accepts one user name and password."""

    def __init__(self, user: str, password: str):
        self.user, self.password = user.encode(), password.encode()

    def __call__(self, server, session, envelope, mechanism, auth_data):
        if isinstance(auth_data, LoginPassword) and auth_data.login == self.user and auth_data.password == self.password:
            return AuthResult(success=True, auth_data=auth_data)
        return AuthResult(success=False, handled=False)


def self_signed_certificate(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 and localhost, valid for a day, made with the openssl command."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
            "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost", "-keyout", str(key), "-out", str(cert),
        ],
        check=True,
        capture_output=True,
    )
    return cert, key


class SMTPServer:
    """Starts and stops an aiosmtpd Controller with a Recorder."""

    def __init__(
        self,
        recorder: Recorder | None = None,
        tls: tuple[Path, Path] | None = None,
        login: tuple[str, str] | None = None,
        implicit_tls: bool = False,
    ):
        self.recorder = recorder or Recorder()
        self.port = free_port()
        options = {}
        if tls:
            context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            context.load_cert_chain(str(tls[0]), str(tls[1]))
            if implicit_tls:
                options.update(ssl_context=context)  # TLS from the first byte (port 465 style)
            else:
                options.update(tls_context=context, require_starttls=True)
        if login:
            # aiosmtpd 1.4 only counts STARTTLS as TLS for auth_require_tls; with implicit TLS the
            # whole session is encrypted (session.ssl is set), so the check is left to the test.
            options.update(authenticator=LoginCheck(*login), auth_required=True, auth_require_tls=not implicit_tls)
        self.controller = Controller(self.recorder, hostname="127.0.0.1", port=self.port, **options)

    def __enter__(self) -> SMTPServer:
        self.controller.start()
        return self

    def __exit__(self, *exc):
        self.recorder.release.set()
        self.controller.stop()

    def wait_for(self, predicate, timeout: float = 60) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if predicate():
                return True
            time.sleep(0.02)
        return False
