"""Starting a site as a new user would (issue 19): `broadsheet init` in an empty folder, build,
serve, override one template of the built-in theme, `new article`, `--format json` on a broken
site, and the command line's habits (version, quiet, verbose, help that fits 80 columns)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from broadsheet_cli import describe, run_broadsheet
from preview_server import request, running_preview


def run_ok(binary: Path, *arguments: str, cwd: Path | None = None):
    process = run_broadsheet(binary, *arguments, cwd=cwd)
    assert process.returncode == 0, describe(process)
    return process


@pytest.fixture
def new_site(broadsheet_bin: Path, tmp_path: Path) -> Path:
    """`broadsheet init site` in an empty folder; the site, unbuilt."""
    process = run_ok(broadsheet_bin, "init", "site", cwd=tmp_path)
    assert "Created a new site in site" in process.stdout
    return tmp_path / "site"


def test_init_build_override_and_new_article(broadsheet_bin: Path, new_site: Path, tmp_path: Path):
    # The binary carries its theme: a copy elsewhere, far from the repository, builds the site.
    binary = tmp_path / "bin" / "broadsheet"
    binary.parent.mkdir()
    shutil.copy2(broadsheet_bin, binary)
    assert not (new_site / "Templates").exists()
    build = run_ok(binary, "build", cwd=new_site)
    assert build.stderr == "", "a new site must build without a warning\n" + describe(build)
    output = new_site / "Output"
    home = (output / "index.html").read_text(encoding="utf-8")
    assert "Welcome to your new site" in home
    assert (output / "articles/welcome/index.html").is_file()
    assert (output / "about/index.html").is_file()
    assert (output / "assets/style.css").is_file()
    for section in ("timeline", "entities", "compare", "sources"):
        assert not (output / section).exists(), f"/{section}/ built for a site without facts"
    check = run_ok(binary, "check", cwd=new_site)
    assert check.stderr == "" and "No errors" in check.stdout, describe(check)

    # One template overridden: only that file changes, the rest is still the theme's.
    theme = tmp_path / "theme"
    run_ok(binary, "init", str(theme), "--with-templates")
    article = (theme / "Templates/article.mustache").read_text(encoding="utf-8")
    assert "<article" in article
    (new_site / "Templates").mkdir()
    (new_site / "Templates/article.mustache").write_text(
        article.replace("<article", "<article data-house-style", 1), encoding="utf-8")
    run_ok(binary, "build", cwd=new_site)
    assert "data-house-style" in (output / "articles/welcome/index.html").read_text(encoding="utf-8")
    assert "data-house-style" not in (output / "about/index.html").read_text(encoding="utf-8")

    # A broken override is reported at the site's own file, line and column.
    (new_site / "Templates/article.mustache").write_text(article.replace("{{title}}", "{{titel}}", 1), encoding="utf-8")
    broken = run_broadsheet(binary, "build", cwd=new_site)
    assert broken.returncode == 1, describe(broken)
    assert "Templates/article.mustache:" in broken.stderr and "unknown key 'titel'" in broken.stderr, describe(broken)
    (new_site / "Templates/article.mustache").unlink()

    # `new article` in the site writes a draft without an empty summary, which then builds.
    created = run_ok(binary, "new", "article", "Second story", cwd=new_site)
    assert "Content/articles/second-story.md" in created.stdout
    text = (new_site / "Content/articles/second-story.md").read_text(encoding="utf-8")
    assert 'summary: ""' not in text and "draft: true" in text
    drafts = run_ok(binary, "build", "--drafts", cwd=new_site)
    assert drafts.stderr == "", describe(drafts)
    assert (output / "articles/second-story/index.html").is_file()


def wait_for_body(url: str, path: str, accept, timeout: float = 30) -> bytes:
    deadline = time.monotonic() + timeout
    while True:
        body = request(url, path).body
        if accept(body) or time.monotonic() > deadline:
            return body
        time.sleep(0.2)


def test_serve_accepts_a_new_site_and_follows_overrides(broadsheet_bin: Path, new_site: Path):
    with running_preview(broadsheet_bin, new_site) as preview:
        assert request(preview.url, "/").status == 200
        assert request(preview.url, "/articles/welcome/").status == 200
        theme_style = request(preview.url, "/assets/style.css").body
        assert len(theme_style) > 1000
        # A stylesheet of the site's own, in a Templates/ folder that did not exist, replaces the theme's;
        # removing it brings the theme's back.
        (new_site / "Templates/assets").mkdir(parents=True)
        (new_site / "Templates/assets/style.css").write_text("body { color: teal; }\n", encoding="utf-8")
        mine = b"body { color: teal; }\n"
        assert wait_for_body(preview.url, "/assets/style.css", lambda body: body == mine) == mine, preview.describe()
        (new_site / "Templates/assets/style.css").unlink()
        back = wait_for_body(preview.url, "/assets/style.css", lambda body: body == theme_style)
        assert back == theme_style, preview.describe()
        assert preview.stderr.text == "", preview.describe()


def test_init_refuses_a_folder_that_is_not_empty(broadsheet_bin: Path, tmp_path: Path):
    folder = tmp_path / "taken"
    folder.mkdir()
    (folder / "notes.txt").write_text("keep me\n", encoding="utf-8")
    process = run_broadsheet(broadsheet_bin, "init", "taken", cwd=tmp_path)
    assert process.returncode == 1, describe(process)
    assert "taken: error: the folder is not empty (it holds notes.txt)" in process.stderr, describe(process)
    assert "never overwrites" in process.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["notes.txt"]
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "keep me\n"


def test_new_article_outside_a_site(broadsheet_bin: Path, tmp_path: Path):
    process = run_broadsheet(broadsheet_bin, "new", "article", "Lost", cwd=tmp_path)
    assert process.returncode == 1, describe(process)
    assert "error: not a Broadsheet site: there is no Content/site.yaml in the current folder" in process.stderr
    assert "--root" in process.stderr and "broadsheet init" in process.stderr
    assert list(tmp_path.iterdir()) == [], "new wrote something outside a site"


def test_format_json_on_a_broken_site(broadsheet_bin: Path, new_site: Path):
    article = new_site / "Content/articles/welcome.md"
    article.write_text(article.read_text(encoding="utf-8").replace("(page:about)", "(page:abuot)"), encoding="utf-8")
    for command in ("build", "check"):
        process = run_broadsheet(broadsheet_bin, command, "--format", "json", cwd=new_site)
        assert process.returncode == 1, describe(process)
        lines = [json.loads(line) for line in process.stdout.splitlines()]
        assert lines and all(set(line) >= {"type"} for line in lines), describe(process)
        diagnostics, summary = lines[:-1], lines[-1]
        assert summary["type"] == "summary" and summary["status"] == "failed" and summary["errors"] == 1
        [error] = diagnostics
        assert set(error) == {"type", "file", "line", "column", "severity", "message", "hint"}
        assert error["file"] == "Content/articles/welcome.md" and error["severity"] == "error"
        assert isinstance(error["line"], int) and isinstance(error["column"], int)
        assert "abuot" in error["message"]
    fixed = article.read_text(encoding="utf-8").replace("(page:abuot)", "(page:about)")
    article.write_text(fixed, encoding="utf-8")
    ok = run_ok(broadsheet_bin, "check", "--format", "json", cwd=new_site)
    [summary] = [json.loads(line) for line in ok.stdout.splitlines()]
    assert summary["type"] == "summary" and summary["status"] == "ok", describe(ok)
    assert summary["errors"] == 0 and summary["warnings"] == 0 and summary["pages"] > 0


def test_version_quiet_and_verbose(broadsheet_bin: Path, new_site: Path):
    version = run_ok(broadsheet_bin, "version").stdout
    assert version.strip() and version == run_ok(broadsheet_bin, "--version").stdout
    quiet = run_ok(broadsheet_bin, "build", "--quiet", cwd=new_site)
    assert quiet.stdout == "" and quiet.stderr == "", describe(quiet)
    verbose = run_ok(broadsheet_bin, "build", "--verbose", cwd=new_site)
    for stage in ("load", "resolve", "render", "write"):
        assert f"  {stage} " in verbose.stdout, describe(verbose)
    assert "  theme    the built-in theme\n" in verbose.stdout, describe(verbose)
    both = run_broadsheet(broadsheet_bin, "check", "--quiet", "--verbose", cwd=new_site)
    assert both.returncode != 0 and "cannot be used together" in both.stderr


@pytest.mark.parametrize(
    "command",
    [[], ["init"], ["build"], ["check"], ["serve"], ["new"], ["newsletter"], ["newsletter", "build"],
     ["newsletter", "send"], ["version"]],
)
def test_help_wraps_cleanly_when_not_a_terminal(broadsheet_bin: Path, command: list[str]):
    """Piped help is wrapped at 80 columns by the parser: no line is wider, and no prose line
    breaks early (a line followed by one whose first word would still have fitted: the
    parser fills a line up to 79 characters)."""
    environment = {key: value for key, value in os.environ.items() if key not in ("COLUMNS", "LINES")}
    process = subprocess.run([str(broadsheet_bin), *command, "--help"], capture_output=True, text=True, env=environment,
                             timeout=60)
    assert process.returncode == 0, process.stderr
    lines = process.stdout.splitlines()
    wide = [line for line in lines if len(line) > 80]
    assert not wide, "help lines wider than 80 columns:\n" + "\n".join(wide)
    ragged = [
        f"{line}\n{following}" for line, following in zip(lines, lines[1:])
        if line.strip() and following.strip() and not following.startswith(" ")
        and not line.endswith(":") and len(line) + 1 + len(following.split()[0]) < 80
    ]
    assert not ragged, "prose broken before the line was full:\n" + "\n\n".join(ragged)


def test_completion_script(broadsheet_bin: Path):
    script = run_ok(broadsheet_bin, "--generate-completion-script", "bash").stdout
    assert "init" in script and "--with-templates" in script
