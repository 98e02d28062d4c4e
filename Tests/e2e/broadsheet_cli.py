"""Running the broadsheet binary from the tests."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

# The sites are built for this base URL, so absolute links into the site can be checked.
BASE_URL = "https://broadsheet.example/"


def run_broadsheet(binary: Path, *arguments: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Runs the binary with plain (uncoloured) output and returns the finished process."""
    environment = dict(os.environ, NO_COLOR="1")
    return subprocess.run(
        [str(binary), *arguments],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )


def describe(process: subprocess.CompletedProcess) -> str:
    return (
        f"$ {' '.join(process.args)}\nexit code {process.returncode}\n"
        f"--- stdout ---\n{process.stdout}\n--- stderr ---\n{process.stderr}"
    )
