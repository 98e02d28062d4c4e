"""`broadsheet check` validates a site without writing anything."""

from __future__ import annotations

from pathlib import Path

from broadsheet_cli import describe, run_broadsheet
from fixture_site import break_front_matter, snapshot_changes, tree_snapshot, write_fixture_site


def test_check_passes_on_a_valid_site_and_writes_nothing(broadsheet_bin, repo_root, tmp_path: Path):
    root = write_fixture_site(tmp_path / "site", repo_root)
    before = tree_snapshot(tmp_path)
    process = run_broadsheet(broadsheet_bin, "check", "--root", str(root), cwd=tmp_path)
    assert process.returncode == 0, describe(process)
    after = tree_snapshot(tmp_path)
    assert after == before, "check wrote files: " + snapshot_changes(before, after)


def test_check_fails_on_a_broken_site_and_writes_nothing(broadsheet_bin, repo_root, tmp_path: Path):
    root = write_fixture_site(tmp_path / "site", repo_root)
    break_front_matter(root / "Content/articles/a.md")
    before = tree_snapshot(tmp_path)
    process = run_broadsheet(broadsheet_bin, "check", "--root", str(root), cwd=tmp_path)
    assert process.returncode != 0, "check passed a broken front matter\n" + describe(process)
    assert "Content/articles/a.md:" in process.stderr and ": error: " in process.stderr, describe(process)
    after = tree_snapshot(tmp_path)
    assert after == before, "check wrote files: " + snapshot_changes(before, after)


def test_check_passes_on_the_repo_site(broadsheet_bin, repo_root, tmp_path: Path):
    process = run_broadsheet(broadsheet_bin, "check", "--root", str(repo_root), cwd=tmp_path)
    assert process.returncode == 0, describe(process)
    assert not list(tmp_path.iterdir()), "check wrote files into the working folder"
