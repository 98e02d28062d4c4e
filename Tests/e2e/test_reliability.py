"""Nothing lost, nothing escapes, deterministic: `broadsheet build` interrupted by signals at
random moments, run concurrently, and run twice, on a generated site of about a thousand pages.

A build that is interrupted must leave the previous output byte for byte (every file hashed
before and after); one that finished before the signal arrived must have written the complete
new site. The random moments come from a seed printed in each test's name, so a failure can
be replayed with BROADSHEET_SIGNAL_SEED.
"""

from __future__ import annotations

import fcntl
import os
import random
import signal
import subprocess
import time
from pathlib import Path

import pytest

from broadsheet_cli import BASE_URL, describe, run_broadsheet
from fixture_site import snapshot_changes, tree_snapshot, write_fixture_site

ARTICLE_COUNT = 800
SEED = int(os.environ.get("BROADSHEET_SIGNAL_SEED", "20261125"))
LOCK_MESSAGE = "error: another Broadsheet build is writing to this output folder right now"


def write_article(root: Path, index: int, revision: int) -> None:
    paragraphs = "\n\n".join(
        f"Paragraph {n} of article {index}, revision {revision}: " + "words that make the page longer " * 12
        for n in range(1 + index % 7)
    )
    text = (
        f"---\ntitle: Generated article {index}\ndate: 2024-{1 + index % 12:02d}-{1 + index % 28:02d}\n"
        f"tags: [tag-{index % 40}, generated]\nsummary: Revision {revision} of article {index}.\n---\n\n"
        f"## Section {index}\n\n{paragraphs}\n"
    )
    (root / f"Content/articles/g{index:05d}.md").write_text(text, encoding="utf-8")


def build_command(binary: Path, root: Path, output: Path) -> list[str]:
    return [str(binary), "build", "--root", str(root), "--output", str(output), "--base-url", BASE_URL]


def build(binary: Path, root: Path, output: Path, **environment: str):
    return run_broadsheet_with_env(build_command(binary, root, output), environment)


def run_broadsheet_with_env(command: list[str], environment: dict[str, str]) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_COLOR="1", **environment)
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def big_site(tmp_path_factory, repo_root: Path, broadsheet_bin: Path):
    """A generated site of ARTICLE_COUNT articles (revision 0), and its output snapshots for
    revision 0 and revision 1 (every article changed), each built once into a scratch folder."""
    root = write_fixture_site(tmp_path_factory.mktemp("big") / "site", repo_root)
    for index in range(ARTICLE_COUNT):
        write_article(root, index, 0)
    scratch = tmp_path_factory.mktemp("scratch")
    first = build(broadsheet_bin, root, scratch / "rev0")
    assert first.returncode == 0, describe(first)
    # The duration of a rebuild over an existing output (what the interrupted builds are).
    started = time.monotonic()
    again = build(broadsheet_bin, root, scratch / "rev0")
    duration = time.monotonic() - started
    assert again.returncode == 0, describe(again)
    for index in range(ARTICLE_COUNT):
        write_article(root, index, 1)
    second = build(broadsheet_bin, root, scratch / "rev1")
    assert second.returncode == 0, describe(second)
    for index in range(ARTICLE_COUNT):
        write_article(root, index, 0)
    return {
        "root": root,
        "rev0": tree_snapshot(scratch / "rev0"),
        "rev1": tree_snapshot(scratch / "rev1"),
        "duration": duration,
    }


def set_revision(root: Path, revision: int) -> None:
    for index in range(ARTICLE_COUNT):
        write_article(root, index, revision)


CASES = [(sig, attempt) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGKILL) for attempt in range(4)]


@pytest.mark.parametrize(
    "sig,attempt", CASES, ids=[f"{sig.name}-{attempt}-seed{SEED}" for sig, attempt in CASES]
)
def test_interrupted_build_keeps_previous_output(broadsheet_bin, big_site, tmp_path, sig, attempt):
    root = big_site["root"]
    parent = tmp_path / "out"
    output = parent / "public"
    set_revision(root, 0)
    # Even attempts interrupt the second build ever (a new staging folder, hard-linked from
    # the output); odd ones the third (the spare updated in place, the path most builds take).
    for _ in range(1 + attempt % 2):
        previous = build(broadsheet_bin, root, output)
        assert previous.returncode == 0, describe(previous)
    assert tree_snapshot(output) == big_site["rev0"]

    set_revision(root, 1)
    # Attempts 0 and 1 at a random moment of the whole build, 2 and 3 near its end, where
    # the output is written.
    rng = random.Random(f"{SEED}-{sig.name}-{attempt}")
    delay = big_site["duration"] * (rng.uniform(0.05, 1.0) if attempt < 2 else rng.uniform(0.75, 1.05))
    process = subprocess.Popen(
        build_command(broadsheet_bin, root, output), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        env=dict(os.environ, NO_COLOR="1"),
    )
    time.sleep(delay)
    process.send_signal(sig)
    stdout, stderr = process.communicate(timeout=300)

    after = tree_snapshot(output)
    print(f"{sig.name} after {delay:.2f} s of a {big_site['duration']:.2f} s build: exit {process.returncode}")
    if process.returncode == 0:
        assert after == big_site["rev1"], "a finished build wrote an incomplete site: " + snapshot_changes(big_site["rev1"], after)
    else:
        assert process.returncode in (-sig, 128 + sig), f"exit {process.returncode}\n{stderr.decode()}"
        # The swap is the commit point: a signal that lands after it (while the process is
        # printing its summary or exiting) finds the complete new site, which is just as whole.
        assert after in (big_site["rev0"], big_site["rev1"]), (
            f"{sig.name} after {delay:.2f} s left neither the previous nor the new output: "
            + snapshot_changes(big_site["rev0"], after)
        )

    # The next build cleans up whatever the interrupted one left and writes the new site.
    again = build(broadsheet_bin, root, output)
    assert again.returncode == 0, describe(again)
    assert tree_snapshot(output) == big_site["rev1"]
    assert sorted(path.name for path in parent.iterdir()) == [".public.broadsheet-spare", "public"]


def test_build_while_another_holds_the_lock_is_refused(broadsheet_bin, big_site, tmp_path):
    root = big_site["root"]
    set_revision(root, 0)
    parent = tmp_path / "out"
    output = parent / "public"
    first = build(broadsheet_bin, root, output)
    assert first.returncode == 0, describe(first)
    before = tree_snapshot(output)
    set_revision(root, 1)
    descriptor = os.open(parent, os.O_RDONLY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        refused = build(broadsheet_bin, root, output)
    finally:
        os.close(descriptor)
    assert refused.returncode != 0, describe(refused)
    assert f"{output}: {LOCK_MESSAGE}\n    hint: wait for it to finish, or build into another folder with --output\n" in refused.stderr, describe(refused)
    assert tree_snapshot(output) == before
    set_revision(root, 0)


def test_concurrent_builds_never_interleave(broadsheet_bin, big_site, tmp_path):
    root = big_site["root"]
    set_revision(root, 0)
    output = tmp_path / "out" / "public"
    processes = [
        subprocess.Popen(build_command(broadsheet_bin, root, output), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(4)
    ]
    results = [(process.wait(timeout=300), process.stderr.read()) for process in processes]
    assert any(code == 0 for code, _ in results), results
    for code, stderr in results:
        assert code == 0 or LOCK_MESSAGE in stderr, stderr
    assert tree_snapshot(output) == big_site["rev0"]


def test_builds_are_byte_identical_across_folders_time_zones_and_locales(broadsheet_bin, big_site, tmp_path):
    root = big_site["root"]
    set_revision(root, 0)
    first = build(broadsheet_bin, root, tmp_path / "one", TZ="UTC", LC_ALL="C")
    second = build(broadsheet_bin, root, tmp_path / "two" / "nested", TZ="Asia/Shanghai", LC_ALL="C.UTF-8", LANG="zh_CN.UTF-8")
    assert first.returncode == 0 and second.returncode == 0, describe(first) + describe(second)
    one, two = tree_snapshot(tmp_path / "one"), tree_snapshot(tmp_path / "two" / "nested")
    assert one == two, "two builds of the same site differ: " + snapshot_changes(one, two)
    assert one == big_site["rev0"]


def test_asset_linked_from_outside_the_site_is_refused(broadsheet_bin, tmp_path, repo_root):
    root = write_fixture_site(tmp_path / "site", repo_root)
    secret = tmp_path / "secret.txt"
    secret.write_text("secret\n", encoding="utf-8")
    (root / "Templates/assets/secret.txt").symlink_to(secret)
    output = tmp_path / "out"
    process = run_broadsheet(broadsheet_bin, "build", "--root", str(root), "--output", str(output))
    assert process.returncode != 0, describe(process)
    assert "Templates/assets/secret.txt: error: this asset is a link to a file outside the site folder" in process.stderr
    assert not output.exists()
