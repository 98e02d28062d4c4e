"""The output folder on the real binary: Broadsheet never deletes, moves or replaces a file it
did not write (a home folder, a git checkout with a CNAME and photos), and refuses the folders
no site may be built into (/, the home folder, a folder holding the site)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from broadsheet_cli import BASE_URL, describe
from fixture_site import tree_snapshot, write_fixture_site


@pytest.fixture
def fixture_root(tmp_path: Path, repo_root: Path) -> Path:
    return write_fixture_site(tmp_path / "site", repo_root)


def build(binary: Path, root: Path, output: Path | str, *options: str, home: Path | None = None):
    environment = dict(os.environ, NO_COLOR="1")
    if home is not None:
        environment["HOME"] = str(home)
    return subprocess.run(
        [str(binary), "build", "--root", str(root), "--output", str(output), "--base-url", BASE_URL, *options],
        env=environment, capture_output=True, text=True, timeout=300,
    )


def plant(folder: Path, files: dict[str, str]) -> None:
    for relative, text in files.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


HOME_FOLDER = {"Documents/letter.txt": "Dear…", ".ssh/id_ed25519": "PRIVATE KEY", ".bashrc": "export PATH"}
GIT_CHECKOUT = {".git/HEAD": "ref: refs/heads/gh-pages\n", ".git/config": "[core]\n", "CNAME": "report.example.org\n",
                "photos/team.jpg": "JPEG", ".nojekyll": ""}


@pytest.mark.parametrize("planted", [HOME_FOLDER, GIT_CHECKOUT], ids=["home-like", "git-checkout"])
def test_a_folder_broadsheet_did_not_create_is_refused_twice_over(broadsheet_bin, fixture_root, tmp_path, planted):
    """The red-team case: the first build used to move these into the spare, the second deleted them."""
    output = tmp_path / "target"
    plant(output, planted)
    before = tree_snapshot(output)
    for _ in range(2):
        process = build(broadsheet_bin, fixture_root, output)
        assert process.returncode == 1, describe(process)
        assert "refusing to build into a folder Broadsheet did not create" in process.stderr, describe(process)
        assert "--adopt-output" in process.stderr
        top = {relative.split("/")[0] for relative in planted}
        for name in top:
            assert f"'{name}" in process.stderr, f"{name} is not named\n" + describe(process)
    assert tree_snapshot(output) == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site", "target"], "something was left or moved beside it"


def test_an_adopted_git_checkout_keeps_its_files_across_builds(broadsheet_bin, fixture_root, tmp_path):
    output = tmp_path / "public"
    plant(output, GIT_CHECKOUT)
    first = build(broadsheet_bin, fixture_root, output, "--adopt-output")
    assert first.returncode == 0, describe(first)
    assert "Kept 4 entries of the output that Broadsheet did not write: .git/, .nojekyll, CNAME, photos/" in first.stdout
    assert (output / "index.html").is_file()
    for _ in range(2):
        again = build(broadsheet_bin, fixture_root, output)
        assert again.returncode == 0, describe(again)
    for relative, text in GIT_CHECKOUT.items():
        assert (output / relative).read_text() == text, f"{relative} changed or vanished"
    # A page that is no longer built goes; the checkout stays.
    (fixture_root / "Content/articles/b.md").unlink()
    removed = build(broadsheet_bin, fixture_root, output)
    assert removed.returncode == 0, describe(removed)
    assert not (output / "articles/b").exists(), "a stale page of Broadsheet's was kept"
    for relative, text in GIT_CHECKOUT.items():
        assert (output / relative).read_text() == text


def test_a_file_added_to_the_output_survives_and_a_clash_is_refused(broadsheet_bin, fixture_root, tmp_path):
    output = tmp_path / "public"
    assert build(broadsheet_bin, fixture_root, output).returncode == 0
    plant(output, {"CNAME": "report.example.org\n", "robots.txt.bak": "mine"})
    again = build(broadsheet_bin, fixture_root, output)
    assert again.returncode == 0, describe(again)
    assert (output / "CNAME").read_text() == "report.example.org\n"
    # A hand-made file where the site writes one is refused, and nothing changes.
    (output / "robots.txt").unlink()
    plant(output, {"robots.txt": "User-agent: *\nDisallow: /private/\n"})
    manifest = (output / ".broadsheet-manifest").read_text()
    (output / ".broadsheet-manifest").write_text(manifest.replace("robots.txt\n", ""))
    before = tree_snapshot(output)
    clash = build(broadsheet_bin, fixture_root, output)
    assert clash.returncode == 1, describe(clash)
    assert "the site would replace 'robots.txt'" in clash.stderr, describe(clash)
    assert tree_snapshot(output) == before


@pytest.mark.parametrize("which", ["root", "home", "home-parent", "site", "site-parent"])
def test_folders_no_site_may_be_built_into_are_refused_even_when_adopting(broadsheet_bin, fixture_root, tmp_path, which):
    home = tmp_path / "home" / "editor"
    home.mkdir(parents=True)
    plant(home, HOME_FOLDER)
    output = {"root": Path("/"), "home": home, "home-parent": home.parent, "site": fixture_root,
              "site-parent": fixture_root.parent}[which]
    before = tree_snapshot(home)
    # For the site cases the home folder lies elsewhere, so the site check is the one that answers.
    process = build(broadsheet_bin, fixture_root, output, "--adopt-output",
                    home=home if which.startswith("home") else Path("/nonexistent/home/editor"))
    assert process.returncode == 1, describe(process)
    expected = {"root": "refusing to build into '/'", "home": "refusing to build into your home folder",
                "home-parent": "it holds your home folder", "site": "would replace the site's sources",
                "site-parent": "would replace the site's sources"}[which]
    assert expected in process.stderr, describe(process)
    assert "hint: choose a separate folder" in process.stderr
    assert tree_snapshot(home) == before
    assert not (fixture_root / "index.html").exists() and not (fixture_root.parent / "index.html").exists()
