"""Newsletters end to end: the built email in its three forms, the archive pages, and sending
to a real SMTP server on loopback (aiosmtpd) exactly once per reader, across interruptions,
with STARTTLS and AUTH, retries, and a sendmail-compatible command."""

from __future__ import annotations

import email
import email.header
import email.policy
import email.utils
import os
import re
import shutil
import signal
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

import feedparser
import pytest

from broadsheet_cli import BASE_URL, describe, run_broadsheet
from built_site import BuiltSite
from smtp_server import Recorder, SMTPServer, self_signed_certificate

EDITION = "wechat-pay-reaches-taobao"
SUBJECT = "WeChat Pay (微信支付) reaches Taobao (淘宝)"
FOLDER = f"newsletters/{EDITION}"

READERS = [
    ("ada@example.com", "Ada Lovelace"),
    ("bob@example.org", "Bob, Jr."),
    ("chen@example.com", "陈明"),
    ("dee@example.org", ""),
    ("eve@example.com", "Eve"),
    ("fay@example.org", "Fay"),
]


# MARK: - The built email


def parse_eml(site: BuiltSite) -> email.message.EmailMessage:
    return email.message_from_bytes((site.root / FOLDER / f"{EDITION}.eml").read_bytes(), policy=email.policy.default)


def test_eml_is_a_multipart_alternative_message_with_both_parts(site: BuiltSite):
    raw = (site.root / FOLDER / f"{EDITION}.eml").read_bytes()
    assert b"\n" not in raw.replace(b"\r\n", b""), "every line of the .eml must end in CRLF"
    lines = raw.split(b"\r\n")
    assert max(len(line) for line in lines) <= 998, "a line exceeds RFC 5322's 998 characters"
    assert all(line.isascii() for line in lines), "the .eml must be 7-bit: headers encoded, bodies quoted-printable"

    message = parse_eml(site)
    assert message["Subject"] == SUBJECT
    assert b"\r\nSubject: =?UTF-8?B?" in raw, "the Chinese subject is RFC 2047-encoded"
    assert message["From"].addresses[0].addr_spec == "newsletter@example.org"
    assert message["From"].addresses[0].display_name == "The Alibaba–Tencent Opening"
    assert message["Reply-To"] == "desk@example.org"
    assert message["To"] == "undisclosed-recipients:;"
    assert email.utils.parsedate_to_datetime(message["Date"]).isoformat() == "2026-12-03T00:00:00+00:00"
    assert re.fullmatch(r"<[^<>@\s]+@[^<>@\s]+>", message["Message-ID"])
    assert message["MIME-Version"] == "1.0"
    unsubscribe = [target.strip(" <>") for target in message["List-Unsubscribe"].split(",")]
    assert unsubscribe[0].startswith("https://") and unsubscribe[1].startswith("mailto:")
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    assert message.get_content_type() == "multipart/alternative"
    parts = list(message.iter_parts())
    assert [part.get_content_type() for part in parts] == ["text/plain", "text/html"]
    for part in parts:
        assert part.get_content_charset() == "utf-8"
        assert part["Content-Transfer-Encoding"] in ("quoted-printable", "base64")
    text, html = (part.get_content() for part in parts)
    assert text.replace("\r\n", "\n") == (site.root / FOLDER / "email.txt").read_text(encoding="utf-8")
    assert html.replace("\r\n", "\n") == (site.root / FOLDER / "email.html").read_text(encoding="utf-8")
    assert SUBJECT in text and "微信支付" in html


class EmailHTML(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.styles: list[str] = []
        self.in_style = False
        self.hidden_text: list[str] = []
        self.hidden_depth = 0

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        self.tags.append((tag, attributes))
        self.in_style = tag == "style"
        if tag == "div" and "display:none" in attributes.get("style", ""):
            self.hidden_depth = 1

    def handle_endtag(self, tag):
        self.in_style = False
        if tag == "div":
            self.hidden_depth = 0

    def handle_data(self, data):
        if self.in_style:
            self.styles.append(data)
        if self.hidden_depth:
            self.hidden_text.append(data)


def test_email_html_is_built_for_email_clients(site: BuiltSite):
    source = (site.root / FOLDER / "email.html").read_text(encoding="utf-8")
    page = EmailHTML()
    page.feed(source)
    tags = [tag for tag, _ in page.tags]
    assert "script" not in tags, "no JavaScript in email"
    assert not [a for tag, a in page.tags if tag == "link"], "no external stylesheets"
    assert "@import" not in source and "@font-face" not in source and "fonts.googleapis" not in source
    assert "table" in tags and 'role="presentation"' in source, "a table-based layout"
    assert "max-width:600px" in source
    # Every visible element that Broadsheet styles carries its CSS inline.
    for tag, attributes in page.tags:
        if tag in ("p", "h1", "h2", "td", "a", "li", "ol", "table"):
            assert attributes.get("style"), f"<{tag}> has no inline style: {attributes}"
    # The one <style> block only holds progressive extras inside media queries.
    assert len(page.styles) == 1
    rules = re.sub(r"/\*.*?\*/", "", page.styles[0], flags=re.S).strip()
    assert rules.startswith("@media") and "prefers-color-scheme: dark" in rules and "max-width: 620px" in rules
    # Absolute URLs only; images (if any) have alt text.
    for tag, attributes in page.tags:
        for name in ("href", "src"):
            if name in attributes:
                assert re.match(r"(https?:|mailto:)", attributes[name]), f"<{tag} {name}={attributes[name]!r}> is not absolute"
        if tag == "img":
            assert attributes.get("alt"), "an image without alt text"
    # Hidden preheader, view-in-browser and unsubscribe links.
    assert "How the payment wall between Alibaba and Tencent came down" in "".join(page.hidden_text)
    links = {attributes.get("href"): attributes for tag, attributes in page.tags if tag == "a"}
    archive = BASE_URL + FOLDER + "/"
    assert archive in links, "no 'View in your browser' link to the archive page"
    assert "View in your browser" in source
    assert any(href and "unsubscribe" in href for href in links), "no unsubscribe link"
    assert (site.root / FOLDER / "index.html").is_file()


def test_text_part_is_readable_with_numbered_links(site: BuiltSite):
    text = (site.root / FOLDER / "email.txt").read_text(encoding="utf-8")
    assert "<" not in text.split("\nLinks\n")[0].replace("<https", ""), "HTML tags leaked into the text part"
    body, links = text.split("\nLinks\n")
    references = dict(re.findall(r"^\[(\d+)\] (\S+)$", links, flags=re.M))
    used = set(re.findall(r"\[(\d+)\]", body))
    assert used and used <= set(references), f"references without a link: {used - set(references)}"
    assert references["1"].startswith("https://")
    assert f"View this edition in your browser: {BASE_URL}{FOLDER}/" in body
    assert "Unsubscribe with one click:" in body
    assert "(source 1)" in body, "citations are shown as (source n)"
    long_lines = [line for line in body.splitlines() if len(line) > 78 and "://" not in line]
    assert not long_lines, f"lines not wrapped: {long_lines[:3]}"


def test_archive_pages_index_and_feed(site: BuiltSite):
    index = site.pages["newsletters/index.html"]
    targets = {site.resolve(reference.url, "newsletters/index.html")[0] for reference in index.references}
    assert f"{FOLDER}/index.html" in targets
    page = site.pages[f"{FOLDER}/index.html"]
    assert page.headings == [SUBJECT]
    linked = {site.resolve(reference.url, f"{FOLDER}/index.html")[0] for reference in page.references}
    assert {f"{FOLDER}/email.html", f"{FOLDER}/email.txt", f"{FOLDER}/{EDITION}.eml"} <= linked
    feed = feedparser.parse((site.root / "newsletters/feed.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert [entry.title for entry in feed.entries] == [SUBJECT]
    assert feed.entries[0].link == BASE_URL + FOLDER + "/"


def test_newsletter_build_command(broadsheet_bin, repo_root, tmp_path):
    output = tmp_path / "site"
    process = run_broadsheet(broadsheet_bin, "newsletter", "build", EDITION, "--root", str(repo_root), "--output", str(output))
    assert process.returncode == 0, describe(process)
    for name in ("index.html", "email.html", "email.txt", f"{EDITION}.eml"):
        assert (output / FOLDER / name).is_file()
        assert name in process.stdout
    missing = run_broadsheet(broadsheet_bin, "newsletter", "build", "wechat-pay", "--root", str(repo_root), "--output", str(output))
    assert missing.returncode == 1
    assert "there is no edition called 'wechat-pay'" in missing.stderr
    assert EDITION in missing.stderr


# MARK: - Sending


@pytest.fixture
def site_copy(repo_root, tmp_path) -> Path:
    """The repo's Content/ and Templates/ in a temporary root, so journals stay out of the repo."""
    root = tmp_path / "root"
    shutil.copytree(repo_root / "Content", root / "Content")
    shutil.copytree(repo_root / "Templates", root / "Templates")
    return root


def write_readers(folder: Path, readers=READERS, extra: str = "") -> Path:
    lines = ["email,name"] + [f'{address},"{name}"' for address, name in readers]
    path = folder / "readers.csv"
    path.write_text("\n".join(lines) + "\n" + extra, encoding="utf-8")
    return path


def send_arguments(root: Path, readers: Path, server: SMTPServer, *extra: str) -> list[str]:
    return [
        "newsletter", "send", EDITION, "--root", str(root), "--subscribers", str(readers), "--smtp-host", "127.0.0.1",
        "--smtp-port", str(server.port), "--smtp-security", "none", "--smtp-username", "", "--rate", "50",
        "--retry-delay", "0.05", *extra,
    ]


def journal_states(root: Path) -> dict[str, str]:
    import json

    states = {}
    path = root / ".broadsheet/sends" / f"{EDITION}.jsonl"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            entry = json.loads(line)
            states[entry["email"]] = entry["state"]
    return states


def assert_each_reader_got_one_copy(server: SMTPServer, readers=READERS):
    counts = {address: server.recorder.count_for(address) for address, _ in readers}
    assert all(count == 1 for count in counts.values()), f"copies per reader: {counts}"
    assert len(server.recorder.messages) == len(readers)


def test_dry_run_validates_and_sends_nothing(broadsheet_bin, site_copy, tmp_path):
    readers = write_readers(tmp_path, extra="not-an-address,Nobody\nada@example.com,Ada again\n")
    with SMTPServer() as server:
        process = run_broadsheet(broadsheet_bin, *send_arguments(site_copy, readers, server))
    assert process.returncode == 0, describe(process)
    assert server.recorder.messages == []
    assert not (site_copy / ".broadsheet").exists(), "a dry run must not write a journal"
    assert "Dry run: nothing was sent" in process.stdout
    assert "would send to Ada Lovelace <ada@example.com>" in process.stdout
    assert "would send to 陈明 <chen@example.com>" in process.stdout
    assert "readers.csv:8:1: warning: invalid address 'not-an-address': it has no @" in process.stderr
    assert "readers.csv:9:1: warning: 'ada@example.com' is already on line 2" in process.stderr


def test_send_delivers_one_personalised_message_to_each_reader(broadsheet_bin, site_copy, tmp_path):
    readers = write_readers(tmp_path)
    with SMTPServer() as server:
        process = run_broadsheet(broadsheet_bin, *send_arguments(site_copy, readers, server, "--confirm"))
        assert process.returncode == 0, describe(process)
        assert_each_reader_got_one_copy(server)
        for (address, name), received in zip(READERS, server.recorder.messages):
            message = received.message
            assert received.recipients == [address]
            assert message["To"].addresses[0].addr_spec == address
            if name:
                assert message["To"].addresses[0].display_name == name
            assert message["Subject"] == SUBJECT
            text = message.get_body(("plain",)).get_content()
            html = message.get_body(("html",)).get_content()
            assert f"Hello {name or 'there'}," in text and "Hello" in html
            unsubscribe = message["List-Unsubscribe"]
            assert "email=" + address.replace("@", "%40") in unsubscribe
            assert "email=" + address.replace("@", "%40") in html
        assert len({received.message["Message-ID"] for received in server.recorder.messages}) == len(READERS)
        assert "Sent 6 messages" in process.stdout

        again = run_broadsheet(broadsheet_bin, *send_arguments(site_copy, readers, server, "--confirm"))
        assert again.returncode == 0, describe(again)
        assert "Sent 0 messages; 6 already had this edition" in again.stdout
        assert_each_reader_got_one_copy(server)


def start_sender(binary: Path, arguments: list[str]) -> subprocess.Popen:
    return subprocess.Popen(
        [str(binary), *arguments], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env=dict(os.environ, NO_COLOR="1"),
    )


def test_killed_after_the_commit_is_not_sent_twice(broadsheet_bin, site_copy, tmp_path):
    """SIGKILL while the server holds message 3 (all data received, 250 not yet sent): the journal
    says `sending`, the rerun skips and reports that reader, and everyone has exactly one copy."""
    readers = write_readers(tmp_path)
    with SMTPServer(Recorder(stall_data_at=3)) as server:
        sender = start_sender(broadsheet_bin, send_arguments(site_copy, readers, server, "--confirm"))
        try:
            assert server.recorder.stalled.wait(60), "the server never saw message 3"
            sender.send_signal(signal.SIGKILL)
            sender.wait(30)
        finally:
            if sender.poll() is None:
                sender.kill()
        server.recorder.release.set()
        states = journal_states(site_copy)
        third = READERS[2][0]
        assert states[third] == "sending", states
        assert [states[address] for address, _ in READERS[:2]] == ["sent", "sent"]

        rerun = run_broadsheet(broadsheet_bin, *send_arguments(site_copy, readers, server, "--confirm"))
        assert rerun.returncode == 1, describe(rerun)  # the uncertain reader is reported
        assert "Sent 3 messages; 2 already had this edition" in rerun.stdout
        assert "1 uncertain" in rerun.stdout and third in rerun.stdout
        assert_each_reader_got_one_copy(server)


def test_killed_before_the_commit_is_sent_on_the_rerun(broadsheet_bin, site_copy, tmp_path):
    """SIGKILL while the server stalls at the start of message 3 (MAIL FROM): nothing was committed,
    so the rerun sends it and the remaining ones; everyone has exactly one copy."""
    readers = write_readers(tmp_path)
    with SMTPServer(Recorder(stall_mail_at=3)) as server:
        sender = start_sender(broadsheet_bin, send_arguments(site_copy, readers, server, "--confirm"))
        try:
            assert server.recorder.stalled.wait(60), "the server never saw transaction 3"
            sender.send_signal(signal.SIGKILL)
            sender.wait(30)
        finally:
            if sender.poll() is None:
                sender.kill()
        server.recorder.release.set()
        assert len(server.recorder.messages) == 2
        rerun = run_broadsheet(broadsheet_bin, *send_arguments(site_copy, readers, server, "--confirm"))
        assert rerun.returncode == 0, describe(rerun)
        assert "Sent 4 messages; 2 already had this edition" in rerun.stdout
        assert_each_reader_got_one_copy(server)


def test_temporary_failures_are_retried_and_permanent_ones_reported(broadsheet_bin, site_copy, tmp_path):
    readers = write_readers(tmp_path, READERS[:3])
    recorder = Recorder(temporary_failures={"bob@example.org": 2, "chen@example.com": 10})
    with SMTPServer(recorder) as server:
        process = run_broadsheet(broadsheet_bin, *send_arguments(site_copy, readers, server, "--confirm", "--retries", "3"))
        assert process.returncode == 1, describe(process)
        assert server.recorder.count_for("ada@example.com") == 1
        assert server.recorder.count_for("bob@example.org") == 1  # after two 451s
        assert server.recorder.count_for("chen@example.com") == 0
        assert "Deferred after retries" in process.stdout and "chen@example.com: RCPT TO: 451" in process.stdout
        assert journal_states(site_copy)["chen@example.com"] == "deferred"
        # The server recovers: the rerun sends only the deferred reader.
        server.recorder.temporary_failures.clear()
        rerun = run_broadsheet(broadsheet_bin, *send_arguments(site_copy, readers, server, "--confirm"))
        assert rerun.returncode == 0, describe(rerun)
        assert_each_reader_got_one_copy(server, READERS[:3])


def test_starttls_and_auth_with_a_self_signed_certificate(broadsheet_bin, site_copy, tmp_path):
    cert, key = self_signed_certificate(tmp_path)
    readers = write_readers(tmp_path, READERS[:2])
    with SMTPServer(tls=(cert, key), login=("newsletter", "s3cret")) as server:
        arguments = send_arguments(site_copy, readers, server, "--confirm")
        arguments[arguments.index("--smtp-security") + 1] = "starttls"
        arguments[arguments.index("--smtp-username") + 1] = "newsletter"
        arguments += ["--smtp-ca-file", str(cert), "--smtp-password-env", "TEST_SMTP_PASSWORD"]

        # Without the CA file the self-signed certificate is refused before anything is sent.
        untrusted = subprocess.run(
            [str(broadsheet_bin), *arguments[:-4], "--smtp-password-env", "TEST_SMTP_PASSWORD"],
            capture_output=True, text=True, env=dict(os.environ, TEST_SMTP_PASSWORD="s3cret"), timeout=120,
        )
        assert untrusted.returncode == 1
        assert "TLS handshake with 127.0.0.1 failed" in untrusted.stderr
        # A wrong password stops the send.
        wrong = subprocess.run(
            [str(broadsheet_bin), *arguments], capture_output=True, text=True,
            env=dict(os.environ, TEST_SMTP_PASSWORD="wrong"), timeout=120,
        )
        assert wrong.returncode == 1
        assert "login as newsletter failed: 535" in wrong.stderr
        assert server.recorder.messages == []

        right = subprocess.run(
            [str(broadsheet_bin), *arguments], capture_output=True, text=True,
            env=dict(os.environ, TEST_SMTP_PASSWORD="s3cret"), timeout=120,
        )
        assert right.returncode == 0, f"{right.stdout}\n{right.stderr}"
        assert_each_reader_got_one_copy(server, READERS[:2])
        assert all(received.tls and received.login == "newsletter" for received in server.recorder.messages)


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
def test_implicit_tls(broadsheet_bin, site_copy, tmp_path):
    """TLS from the first byte (--smtp-security tls), certificate verified, then AUTH."""
    cert, key = self_signed_certificate(tmp_path)
    readers = write_readers(tmp_path, READERS[:2])
    with SMTPServer(tls=(cert, key), login=("newsletter", "s3cret"), implicit_tls=True) as server:
        arguments = send_arguments(site_copy, readers, server, "--confirm", "--smtp-ca-file", str(cert))
        arguments[arguments.index("--smtp-security") + 1] = "tls"
        arguments[arguments.index("--smtp-username") + 1] = "newsletter"
        process = subprocess.run(
            [str(broadsheet_bin), *arguments], capture_output=True, text=True,
            env=dict(os.environ, BROADSHEET_SMTP_PASSWORD="s3cret"), timeout=120,
        )
        assert process.returncode == 0, f"{process.stdout}\n{process.stderr}"
        assert_each_reader_got_one_copy(server, READERS[:2])
        assert all(received.tls and received.login == "newsletter" for received in server.recorder.messages)


def test_password_never_comes_from_a_file(broadsheet_bin, site_copy, tmp_path):
    site_yaml = site_copy / "Content/site.yaml"
    site_yaml.write_text(site_yaml.read_text(encoding="utf-8").replace(
        "    username: newsletter@example.org\n", "    username: newsletter@example.org\n    password: hunter2\n"), encoding="utf-8")
    process = run_broadsheet(broadsheet_bin, "check", "--root", str(site_copy))
    assert process.returncode == 1
    assert "error: the SMTP password must not be stored in site.yaml" in process.stderr


def test_sendmail_compatible_command(broadsheet_bin, site_copy, tmp_path):
    spool = tmp_path / "spool"
    spool.mkdir()
    fake = tmp_path / "fake-sendmail"
    fake.write_text(
        f"#!{sys.executable}\nimport sys, pathlib\n"
        f"recipient = sys.argv[-1]\n(pathlib.Path({str(spool)!r}) / recipient).write_bytes(sys.stdin.buffer.read())\n",
        encoding="utf-8",
    )
    fake.chmod(0o755)
    readers = write_readers(tmp_path, READERS[:3])
    process = run_broadsheet(
        broadsheet_bin, "newsletter", "send", EDITION, "--root", str(site_copy), "--subscribers", str(readers),
        "--sendmail", f"{fake} -i", "--rate", "50", "--confirm",
    )
    assert process.returncode == 0, describe(process)
    delivered = sorted(path.name for path in spool.iterdir())
    assert delivered == sorted(address for address, _ in READERS[:3])
    message = email.message_from_bytes((spool / "ada@example.com").read_bytes(), policy=email.policy.default)
    assert message["Subject"] == SUBJECT
    assert message.get_body(("plain",)).get_content().count("Hello Ada Lovelace,") == 1


def write_fake_sendmail(folder: Path, log: Path) -> Path:
    """A sendmail stand-in in a folder whose name has a space (arguments are a list, never split),
    appending each recipient to `log`, so a second copy to anyone would show."""
    fake = folder / "bin dir" / "fake sendmail"
    fake.parent.mkdir()
    fake.write_text(
        f"#!{sys.executable}\nimport sys, pathlib\n"
        "sys.stdout.write('x' * 300000); sys.stderr.write('y' * 300000)  # chatty: must not hang the send\n"
        "body = sys.stdin.buffer.read()\n"
        f"with open({str(log)!r}, 'a') as log: log.write(sys.argv[-1] + '\\n')\n",
        encoding="utf-8",
    )
    fake.chmod(0o755)
    return fake


def test_missing_sendmail_journals_nothing_and_the_next_run_delivers_once(broadsheet_bin, site_copy, tmp_path):
    """Issue 14 defect 1: a sendmail command that does not exist is a clear error, nobody is marked
    uncertain, and a rerun with a working command delivers to every reader exactly once."""
    readers = write_readers(tmp_path, READERS[:4])
    base = ["newsletter", "send", EDITION, "--root", str(site_copy), "--subscribers", str(readers), "--rate", "50"]
    missing = run_broadsheet(broadsheet_bin, *base, "--sendmail", "/no/such/file -i", "--confirm")
    assert missing.returncode == 1, describe(missing)
    assert "/no/such/file" in missing.stderr and "no such file" in missing.stderr
    journal = site_copy / ".broadsheet/sends" / f"{EDITION}.jsonl"
    assert not journal.exists() or "sending" not in journal.read_text(encoding="utf-8")

    log = tmp_path / "delivered.log"
    fake = write_fake_sendmail(tmp_path, log)
    quoted = "'" + str(fake) + "' -i"
    rerun = run_broadsheet(broadsheet_bin, *base, "--sendmail", quoted, "--confirm")
    assert rerun.returncode == 0, describe(rerun)
    assert "Sent 4 messages" in rerun.stdout and "0 uncertain" in rerun.stdout
    assert sorted(log.read_text(encoding="utf-8").split()) == sorted(address for address, _ in READERS[:4])
    again = run_broadsheet(broadsheet_bin, *base, "--sendmail", quoted, "--confirm")
    assert again.returncode == 0, describe(again)
    assert len(log.read_text(encoding="utf-8").split()) == 4


def test_dry_run_shows_the_plan_without_the_smtp_password(broadsheet_bin, site_copy, tmp_path):
    """Issue 19: the password is needed only to send."""
    readers = write_readers(tmp_path, READERS[:2])
    base = ["newsletter", "send", EDITION, "--root", str(site_copy), "--subscribers", str(readers),
            "--smtp-password-env", "BROADSHEET_TEST_UNSET_PASSWORD"]
    dry = run_broadsheet(broadsheet_bin, *base)
    assert dry.returncode == 0, describe(dry)
    assert "would send to Ada Lovelace <ada@example.com>" in dry.stdout
    assert "note: the SMTP password is not set: export BROADSHEET_TEST_UNSET_PASSWORD" in dry.stderr
    confirmed = run_broadsheet(broadsheet_bin, *base, "--confirm")
    assert confirmed.returncode == 1
    assert "error: the SMTP password is not set" in confirmed.stderr
    journal = site_copy / ".broadsheet/sends" / f"{EDITION}.jsonl"
    assert not journal.exists() or journal.read_text(encoding="utf-8") == ""


def test_control_characters_in_a_subscriber_list_stop_the_send_at_their_line(broadsheet_bin, site_copy, tmp_path):
    """Issue 13: an escape sequence in a subscriber list is refused at its line and column (the list
    is read like every other source file), never printed raw, and nothing is sent."""
    for line, column in (("eve@example.com,\"Eve \x1b]0;pwned\x07\"\n", 22), ("fay\x1b[2J@example.org,Fay\n", 4)):
        readers = tmp_path / "readers.csv"
        readers.write_bytes(("email,name\nada@example.com,Ada\n" + line).encode("utf-8"))
        with SMTPServer() as server:
            process = run_broadsheet(broadsheet_bin, *send_arguments(site_copy, readers, server, "--confirm"))
            assert process.returncode == 1, describe(process)
            assert "\x1b" not in process.stdout + process.stderr, describe(process)
            assert f"readers.csv:3:{column}: error: the file contains the control character" in process.stderr, describe(process)
            assert server.recorder.messages == []


def test_hostile_subscriber_lists_are_folded_and_read_as_csv(broadsheet_bin, site_copy, tmp_path):
    """Issue 13: a 5,000-character name folds into valid header lines; a quoted line break is one
    record, never a second reader."""
    long_name = "Lovelace " * 555 + "Ada"
    wide = "陈" * 1700
    text = (
        "email,name\n"
        f'ada@example.com,"{long_name}"\n'
        f'chen@example.com,"{wide}"\n'
        '"bob@example.org\r\nbcc@evil.example",Bob\n'
        'dee@example.org,"Dee, ""the"" reader\nof lines"\n'
    )
    readers = tmp_path / "readers.csv"
    readers.write_bytes(text.encode("utf-8"))
    with SMTPServer() as server:
        process = run_broadsheet(broadsheet_bin, *send_arguments(site_copy, readers, server, "--confirm"))
        assert "\x1b" not in process.stdout + process.stderr, describe(process)
        assert "bcc@evil.example" not in [r for m in server.recorder.messages for r in m.recipients]
        assert sorted(r for m in server.recorder.messages for r in m.recipients) == ["ada@example.com", "chen@example.com"]
        for received in server.recorder.messages:
            head = received.raw.split(b"\r\n\r\n")[0]
            assert_header_lines_fit(head)
        ada = next(m for m in server.recorder.messages if m.recipients == ["ada@example.com"]).message
        assert ada["To"].addresses[0].display_name == long_name
        # Python's address parser keeps a space between encoded words in a display name, which
        # RFC 2047 (6.2) says to drop; decode_header follows the RFC.
        chen = next(m for m in server.recorder.messages if m.recipients == ["chen@example.com"]).raw
        to = email.message_from_bytes(chen, policy=email.policy.compat32)["To"]
        assert to.endswith(" <chen@example.com>")
        name = to[: -len(" <chen@example.com>")].replace("\r\n", "").replace("\n", "")
        assert str(email.header.make_header(email.header.decode_header(name))) == wide
    assert "readers.csv:4:1: warning: invalid address 'bob@example.org\\u{A}bcc@evil.example'" in process.stderr
    assert "readers.csv:6:1: warning: the name of 'dee@example.org' cannot go into an email header" in process.stderr


@pytest.mark.parametrize("subject", ["Spaced  out  subject ", " leading and trailing ", "x" * 2000, "微信 " * 400])
def test_subject_spacing_and_length_survive(broadsheet_bin, site_copy, tmp_path, subject):
    """Issue 13: a subject's own spacing is kept, and a 2,000-character subject folds."""
    edition = site_copy / "Content/newsletters" / f"{EDITION}.md"
    text = edition.read_text(encoding="utf-8")
    edition.write_text(re.sub(r"(?m)^subject: .*$", "subject: " + json_string(subject), text, count=1), encoding="utf-8")
    output = tmp_path / "out"
    process = run_broadsheet(broadsheet_bin, "newsletter", "build", EDITION, "--root", str(site_copy), "--output", str(output))
    assert process.returncode == 0, describe(process)
    raw = (output / FOLDER / f"{EDITION}.eml").read_bytes()
    assert_header_lines_fit(raw.split(b"\r\n\r\n")[0])
    assert email.message_from_bytes(raw, policy=email.policy.default)["Subject"] == subject


def assert_header_lines_fit(head: bytes):
    """Every header line within 998 bytes; the folded text headers (Subject, To) within 78."""
    lines = head.split(b"\r\n")
    assert all(len(line) <= 998 for line in lines)
    current = b""
    for line in lines:
        if not line.startswith((b" ", b"\t")):
            current = line.split(b":")[0]
        if current in (b"Subject", b"To", b"From"):
            assert len(line) <= 78, line[:100]


def json_string(text: str) -> str:
    import json

    return json.dumps(text, ensure_ascii=False)


@pytest.mark.parametrize(
    "key, value",
    [
        ("unsubscribeMailto", '"unsubscribe@example.org\\r\\nBcc: victim@example.com"'),
        ("unsubscribeMailto", '"unsubscribe@example.org>, <https://evil.example/"'),
        ("unsubscribeURL", "http://lists.example.org/opening/unsubscribe?email={email}"),
        ("unsubscribeURL", '"https://lists.example.org/u?email={email}\\nBcc: victim@example.com"'),
        ("replyTo", '"desk@example.org\\r\\nBcc: victim@example.com"'),
    ],
)
def test_header_injection_in_site_yaml_is_refused(broadsheet_bin, site_copy, key, value):
    site_yaml = site_copy / "Content/site.yaml"
    text = site_yaml.read_text(encoding="utf-8")
    site_yaml.write_text(re.sub(rf"(?m)^  {key}: .*$", f"  {key}: {value}", text, count=1), encoding="utf-8")
    process = run_broadsheet(broadsheet_bin, "check", "--root", str(site_copy))
    assert process.returncode == 1, describe(process)
    line = next(i for i, l in enumerate(site_yaml.read_text(encoding="utf-8").splitlines(), 1) if l.startswith(f"  {key}:"))
    assert f"Content/site.yaml:{line}:" in process.stderr


# MARK: - The email in a browser


@pytest.mark.parametrize("width", [600, 375])
def test_email_renders_at_email_widths(site: BuiltSite, width: int):
    """The HTML email in headless Chromium at 600px (desktop clients) and 375px (phones):
    nothing overflows sideways, the card fills the width it has, and the text is not tiny.
    Screenshots go to $SCREENSHOT_DIR (default: a temporary folder) as email-WIDTH.png."""
    from browser import Viewport, chromium, missing_browser, png_size, save_screenshot, set_viewport

    problem = missing_browser()
    if problem:
        pytest.fail(problem)
    folder = Path(os.environ.get("SCREENSHOT_DIR") or site.root.parent / "screenshots")
    viewport = Viewport(f"email-{width}", width, 900, mobile=width < 600)
    with chromium() as driver:
        set_viewport(driver, viewport)
        driver.get((site.root / FOLDER / "email.html").as_uri())
        scroll_width = driver.execute_script("return document.documentElement.scrollWidth")
        assert scroll_width <= width, f"the email is {scroll_width}px wide in a {width}px window"
        card = driver.execute_script(
            "const t = document.querySelector('table table'); const r = t.getBoundingClientRect(); return [r.width, r.left];")
        assert card[0] <= 600 and card[0] >= width - 32, f"content table {card} at {width}px"
        font = driver.execute_script(
            "return parseFloat(getComputedStyle(document.querySelector('td.bs-card p:not(.bs-muted)')).fontSize)")
        assert font >= 14
        path = folder / f"email-{width}.png"
        save_screenshot(driver, path, viewport, full_page=True)
    assert png_size(path)[0] == width
