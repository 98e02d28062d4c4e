"""Fixtures for the end-to-end suite: the broadsheet binary and the repo's own site, built once."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from broadsheet_cli import BASE_URL, describe, run_broadsheet
from built_site import BuiltSite

REPO_ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture(scope="session")
def broadsheet_bin() -> Path:
    binary = Path(os.environ.get("BROADSHEET_BIN", REPO_ROOT / ".build/debug/broadsheet"))
    if not binary.is_file():
        pytest.fail(
            f"broadsheet binary not found at {binary}: run Scripts/test, "
            "or `swift build` and set BROADSHEET_BIN"
        )
    return binary


@pytest.fixture(scope="session")
def site(broadsheet_bin: Path, tmp_path_factory) -> BuiltSite:
    """The repo's own site, built once into a fresh folder for the whole session."""
    output = tmp_path_factory.mktemp("repo-site") / "public"
    process = run_broadsheet(
        broadsheet_bin, "build", "--root", str(REPO_ROOT), "--output", str(output), "--base-url", BASE_URL
    )
    if process.returncode != 0:
        pytest.fail("building the repo's site failed\n" + describe(process))
    if not (output / "index.html").is_file():
        pytest.fail(f"the build exited 0 but wrote no {output}/index.html\n" + describe(process))
    return BuiltSite(output, BASE_URL)
