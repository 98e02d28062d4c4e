"""A small site written into a temporary folder from Python, and ways to break it."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

SITE_YAML = """\
title: Fixture Gazette
description: A two-article site that the end-to-end tests build.
baseURL: https://fixture.example/
language: en
author: Test Desk
publisher: Fixture Gazette
edition: false  # the print edition is tested on the repository's report (test_print_edition.py)
"""

ARTICLE_A = """\
---
title: Fixture article A
date: 2024-05-01
summary: The first fixture article.
tags: [testing]
---

The first article's body.
"""

ARTICLE_B = """\
---
title: Fixture article B
date: 2024-05-02
summary: The second fixture article.
tags: [testing, fixtures]
---

The second article's body.
"""

DRAFT = """\
---
title: Fixture draft
date: 2024-05-03
summary: A draft that only --drafts builds.
draft: true
---

Not ready yet.
"""

# A front matter line that is not valid YAML: an unclosed quoted string.
BROKEN_TITLE = 'title: "Fixture article with an unclosed quote\n'


def write_fixture_site(root: Path, repo_root: Path) -> Path:
    """Writes Content/ with two articles and a draft, copies the repo's Templates/; returns `root`."""
    files = {
        "Content/site.yaml": SITE_YAML,
        "Content/articles/a.md": ARTICLE_A,
        "Content/articles/b.md": ARTICLE_B,
        "Content/articles/draft.md": DRAFT,
    }
    for path, text in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")
    templates = repo_root / "Templates"
    assert templates.is_dir(), f"the repo has no {templates} to copy into the fixture site"
    shutil.copytree(templates, root / "Templates")
    return root


def replace_front_matter_field(article: Path, key: str, line: str) -> int:
    """Replaces the `key:` line of the article's front matter with `line`; returns its number (1-based)."""
    lines = article.read_text(encoding="utf-8").splitlines(keepends=True)
    index = next(index for index, text in enumerate(lines) if text.startswith(f"{key}:"))
    lines[index] = line.rstrip("\n") + "\n"
    article.write_text("".join(lines), encoding="utf-8")
    return index + 1


def break_front_matter(article: Path) -> int:
    """Replaces the article's title line with invalid YAML; returns that line's number (1-based)."""
    return replace_front_matter_field(article, "title", BROKEN_TITLE)


def front_matter_line_count(article: Path) -> int:
    """The number of lines up to and including the closing `---` of the front matter."""
    lines = article.read_text(encoding="utf-8").splitlines()
    return lines.index("---", 1) + 1


def tree_snapshot(folder: Path) -> dict[str, str]:
    """Every file and folder under `folder`: files map to their SHA-256, folders to '<dir>'."""
    snapshot = {}
    for path in sorted(folder.rglob("*")):
        key = path.relative_to(folder).as_posix()
        if path.is_dir():
            snapshot[key] = "<dir>"
        else:
            snapshot[key] = hashlib.sha256(path.read_bytes()).hexdigest()
    return snapshot


def snapshot_changes(before: dict[str, str], after: dict[str, str]) -> str:
    """The paths added, removed and changed between two tree snapshots, for assertion messages."""
    added = sorted(after.keys() - before.keys())
    removed = sorted(before.keys() - after.keys())
    changed = sorted(path for path in before.keys() & after.keys() if before[path] != after[path])
    parts = [f"{label}: {paths[:20]}" for label, paths in (("added", added), ("removed", removed), ("changed", changed)) if paths]
    return "; ".join(parts) or "no changes"
