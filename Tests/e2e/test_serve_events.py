"""`broadsheet serve`'s live-reload event stream, read raw while files of the fixture site change
on disk: reloads for edited, added and deleted articles, stylesheet swaps, problems while a file
is broken and `resolved` once it is fixed, and editor scratch files that must not trigger anything.

Times are checked against a generous bound (EVENT_TIMEOUT); they are printed (`pytest -s`) but not
benchmarks.
"""

from __future__ import annotations

import re
import subprocess
import threading
import time
from pathlib import Path

import pytest

from fixture_site import break_front_matter, replace_front_matter_field, write_fixture_site
from preview_server import EVENT_TIMEOUT, event_stream, request, running_preview, wait_for_status

DIAGNOSTIC = r"Content/articles/{name}\.md:(\d+):(\d+): error: \S"
GENERATION = re.compile(r'<script src="/__broadsheet/live\.js" data-generation="(\d+)" defer>')
NEW_ARTICLE = """\
---
title: A brand-new fixture article
date: 2024-05-04
summary: Written while the preview runs.
---

Fresh off the press.
"""


@pytest.fixture
def fixture_root(tmp_path: Path, repo_root: Path) -> Path:
    return write_fixture_site(tmp_path / "site", repo_root)


@pytest.fixture
def preview(broadsheet_bin: Path, fixture_root: Path):
    """The fixture site served on a free port; teardown checks Ctrl-C stops it cleanly."""
    with running_preview(broadsheet_bin, fixture_root) as preview:
        yield preview


@pytest.fixture
def events(preview):
    """The preview's event stream, its `hello` already read."""
    with event_stream(preview.url) as stream:
        yield stream


def append_sentence(article: Path, sentence: str):
    with article.open("a", encoding="utf-8") as file:
        file.write(f"\n{sentence}\n")


def timed(event, started: float, what: str) -> float:
    seconds = event.arrived - started
    print(f"\n{what}: {seconds * 1000:.0f} ms")
    assert seconds < EVENT_TIMEOUT
    return seconds


def generation_of(page: str) -> int:
    match = GENERATION.search(page)
    assert match, "the page has no live script with a generation"
    return int(match.group(1))


def without_generation(page: str) -> str:
    """The page without its live script's generation, which counts every change, stylesheets included."""
    return GENERATION.sub("<script>", page)


def test_hello_carries_the_generation_pages_are_built_from(preview, events):
    assert events.seen[0].data["generation"] == generation_of(request(preview.url, "/articles/a/").text)


def test_editing_an_article_reloads_its_page(preview, fixture_root, events):
    before = request(preview.url, "/articles/a/")
    started = time.monotonic()
    append_sentence(fixture_root / "Content/articles/a.md", "A sentence added while serving.")

    reload = events.wait_for("reload")
    timed(reload, started, "article edit -> reload")
    assert "/articles/a/" in reload.data.get("paths", []), f"the reload does not list the article: {reload.data}"
    assert "/articles/b/" not in reload.data["paths"], f"an unrelated article was re-rendered: {reload.data}"

    after = request(preview.url, "/articles/a/")
    assert "A sentence added while serving." in after.text
    assert generation_of(after.text) == reload.data["generation"]
    assert after.header("ETag") != before.header("ETag")
    assert request(preview.url, "/articles/a/", headers={"If-None-Match": before.header("ETag")}).status == 200
    assert preview.stdout.wait_for(
        r"^Updated \d+ files? after editing Content/articles/a\.md \(incremental\) in [\d.]+ m?s\.$", 5
    ), preview.describe()


def test_retitled_article_updates_the_lists_and_feeds(preview, fixture_root, events):
    replace_front_matter_field(fixture_root / "Content/articles/a.md", "title", "title: A retitled fixture article")
    reload = events.wait_for("reload")
    assert {"/", "/articles/a/"} <= set(reload.data["paths"]), reload.data
    for path in ("/", "/articles/a/", "/feed.xml", "/feed.json", "/tags/testing/"):
        page = request(preview.url, path)
        assert page.status == 200, f"{path}: {page.status}"
        assert "A retitled fixture article" in page.text, f"{path} still shows the old title"
        assert "Fixture article A" not in page.text, f"{path} still shows the old title"


def test_body_edit_reaches_the_feeds(preview, fixture_root, events):
    append_sentence(fixture_root / "Content/articles/b.md", "A sentence for the feed readers.")
    events.wait_for("reload")
    for path in ("/feed.xml", "/feed.json"):
        assert "A sentence for the feed readers." in request(preview.url, path).text, f"{path} has the old body"


def test_publishing_a_draft_serves_it(preview, fixture_root, events):
    draft = fixture_root / "Content/articles/draft.md"
    assert request(preview.url, "/articles/draft/").status == 404, "a draft is served without --drafts"
    draft.write_text(draft.read_text(encoding="utf-8").replace("draft: true\n", ""), encoding="utf-8")
    events.wait_for("reload")
    assert request(preview.url, "/articles/draft/").status == 200
    assert "Fixture draft" in request(preview.url, "/").text


def test_requests_during_rebuilds_get_whole_pages(preview, fixture_root, events):
    """While the article is saved again and again, every response is a complete old or new page."""
    article = fixture_root / "Content/articles/a.md"
    failures: list[str] = []
    stop = threading.Event()

    def hammer():
        while not stop.is_set():
            response = request(preview.url, "/articles/a/")
            if response.status != 200 or not response.text.rstrip().endswith("</html>"):
                failures.append(f"{response.status}: ...{response.text[-80:]!r}")

    threads = [threading.Thread(target=hammer) for _ in range(4)]
    for thread in threads:
        thread.start()
    try:
        for number in range(8):
            append_sentence(article, f"Save number {number}.")
            events.wait_for("reload")
    finally:
        stop.set()
        for thread in threads:
            thread.join(10)
    assert not failures, f"{len(failures)} bad responses during rebuilds, e.g. {failures[:3]}"
    assert "Save number 7." in request(preview.url, "/articles/a/").text


def test_every_open_page_hears_the_reload(preview, fixture_root, events):
    with event_stream(preview.url) as second:
        append_sentence(fixture_root / "Content/articles/b.md", "Both listeners hear this.")
        for stream in (events, second):
            assert "/articles/b/" in stream.wait_for("reload").data["paths"]


def test_sed_in_place_edit_reloads_once(preview, fixture_root, events):
    """`sed -i` writes a temporary file beside the article and renames it over the article."""
    subprocess.run(["sed", "-i", "s/first article's body/first article's edited body/", "Content/articles/a.md"], cwd=fixture_root, check=True)
    reload = events.wait_for("reload")
    assert "/articles/a/" in reload.data["paths"], reload.data
    assert "edited body" in request(preview.url, "/articles/a/").text
    extra = events.drain(quiet=1.5)
    assert not extra, f"one save gave more than one event: {[(event.name, event.data) for event in extra]}"


@pytest.mark.parametrize("name", ["sedAbC123", ".a.md.swp", "a.md~", "4913", "#a.md#", ".#a.md"])
def test_scratch_file_created_and_deleted_triggers_nothing(preview, fixture_root, events, name):
    scratch = fixture_root / "Content/articles" / name
    scratch.write_text("scratch\n", encoding="utf-8")
    scratch.unlink()
    lines_before = preview.stdout.count()
    quiet = events.drain(quiet=1.5)
    assert not quiet, f"{name} came and went, and the preview sent {[(event.name, event.data) for event in quiet]}"
    assert "Updated" not in "\n".join(preview.stdout.lines[lines_before:]), preview.describe()

    append_sentence(fixture_root / "Content/articles/b.md", "A real edit afterwards.")
    first = events.next()
    assert first is not None and first.name == "reload", f"expected a reload, got {first}"
    assert "/articles/b/" in first.data["paths"]


def test_broken_front_matter_shows_problems_until_fixed(preview, fixture_root, events):
    article = fixture_root / "Content/articles/a.md"
    good = article.read_text(encoding="utf-8")
    last_good_page = request(preview.url, "/articles/a/").text
    started = time.monotonic()
    line = break_front_matter(article)

    problems = events.wait_for("problems")
    timed(problems, started, "broken front matter -> problems")
    match = re.search(DIAGNOSTIC.format(name="a"), problems.data["report"])
    assert match, f"the report does not name Content/articles/a.md:LINE:COLUMN\n{problems.data['report']}"
    assert int(match.group(1)) == line, f"the report points at line {match.group(1)}, the broken line is {line}"
    assert problems.data["errorCount"] >= 1
    assert problems.data["files"] == ["Content/articles/a.md"], problems.data
    assert preview.stderr.wait_for(DIAGNOSTIC.format(name="a"), 5), "the terminal does not show the error\n" + preview.describe()

    # The last good build keeps being served, and a page opened now gets the problem at once.
    kept = request(preview.url, "/articles/a/")
    assert kept.status == 200
    assert kept.text == last_good_page
    with event_stream(preview.url) as late:
        assert late.next(timeout=5).name == "problems", "a page opened during the error got no overlay"

    started = time.monotonic()
    article.write_text(good + "\nFixed and extended.\n", encoding="utf-8")
    resolved = events.wait_for("resolved")
    timed(resolved, started, "fix -> resolved")
    reload = events.next()
    assert reload is not None and reload.name == "reload", f"expected a reload after resolved, got {reload}"
    assert "/articles/a/" in reload.data["paths"]
    assert "Fixed and extended." in request(preview.url, "/articles/a/").text


def test_restoring_the_exact_last_good_text_resolves(preview, fixture_root, events):
    """Undoing a breaking edit gives back the last good build: the overlay must still go."""
    article = fixture_root / "Content/articles/a.md"
    good = article.read_bytes()
    break_front_matter(article)
    events.wait_for("problems")
    article.write_bytes(good)
    events.wait_for("resolved")
    with event_stream(preview.url) as late:
        assert late.drain(quiet=1.0) == [], "a page opened after the fix still gets problems"


def test_every_broken_file_is_reported(preview, fixture_root, events):
    """Two broken articles: the overlay lists both (as `broadsheet build` does), and fixing one leaves the other."""
    a, b = fixture_root / "Content/articles/a.md", fixture_root / "Content/articles/b.md"
    good_a = a.read_text(encoding="utf-8")
    break_front_matter(a)
    events.wait_for("problems")
    break_front_matter(b)
    problems = events.wait_for("problems")
    assert problems.data["files"] == ["Content/articles/a.md", "Content/articles/b.md"], (
        f"with a.md and b.md broken the report names only {problems.data['files']}\n{problems.data['report']}"
    )
    assert problems.data["errorCount"] == 2
    a.write_text(good_a, encoding="utf-8")
    remaining = events.wait_for("problems")
    assert remaining.data["files"] == ["Content/articles/b.md"], remaining.data


def test_problems_persist_while_another_file_is_saved(preview, fixture_root, events):
    break_front_matter(fixture_root / "Content/articles/a.md")
    events.wait_for("problems")
    append_sentence(fixture_root / "Content/articles/b.md", "Saved while a.md is broken.")
    again = events.next()
    assert again is not None and again.name == "problems", f"saving b.md hid a.md's error: {again}"
    assert re.search(DIAGNOSTIC.format(name="a"), again.data["report"])


BREAKAGES = {
    "template": (
        "Templates/base.mustache",
        lambda text: text.replace("</body>", "{{#unclosed}}</body>"),
        lambda text: text.replace("</body>", "<!-- fixed --></body>"),
        r"Templates/base\.mustache:\d+:\d+: error: \S",
    ),
    "site.yaml": (
        "Content/site.yaml",
        lambda text: text + 'language: "en\n',
        lambda text: text.replace("Fixture Gazette", "Fixed Gazette"),
        r"Content/site\.yaml:\d+:\d+: error: \S",
    ),
}


@pytest.mark.parametrize("kind", BREAKAGES)
def test_broken_template_or_config_reports_and_recovers(preview, fixture_root, events, kind):
    source, breakage, fix, location = BREAKAGES[kind]
    path = fixture_root / source
    good = path.read_text(encoding="utf-8")
    path.write_text(breakage(good), encoding="utf-8")
    problems = events.wait_for("problems")
    assert re.search(location, problems.data["report"]), problems.data["report"]
    assert request(preview.url, "/articles/a/").status == 200, "the last good site is no longer served"
    path.write_text(fix(good), encoding="utf-8")
    events.wait_for("resolved")
    reload = events.wait_for("reload")
    assert reload.data.get("all") is True or "/articles/a/" in reload.data["paths"], reload.data


def test_changing_the_slug_moves_the_page(preview, fixture_root, events):
    article = fixture_root / "Content/articles/b.md"
    article.write_text(article.read_text(encoding="utf-8").replace("---\n\n", "slug: moved-b\n---\n\n", 1), encoding="utf-8")
    events.wait_for("reload")
    assert request(preview.url, "/articles/moved-b/").status == 200
    assert request(preview.url, "/articles/b/").status == 404
    assert "/articles/moved-b/" in request(preview.url, "/").text


def test_deleting_a_broken_file_resolves(preview, fixture_root, events):
    article = fixture_root / "Content/articles/a.md"
    break_front_matter(article)
    events.wait_for("problems")
    article.unlink()
    events.wait_for("resolved")
    assert request(preview.url, "/articles/a/").status == 404


def test_stylesheet_edit_swaps_stylesheets_without_reload(preview, fixture_root, events):
    page_before = request(preview.url, "/articles/a/")
    started = time.monotonic()
    with (fixture_root / "Templates/assets/style.css").open("a", encoding="utf-8") as file:
        file.write("\nbody { outline: 3px solid rgb(1, 2, 3); }\n")

    swap = events.wait_for("stylesheets")
    timed(swap, started, "stylesheet edit -> stylesheets")
    assert swap.data["paths"] == ["/assets/style.css"], swap.data
    assert "rgb(1, 2, 3)" in request(preview.url, "/assets/style.css").text
    others = events.drain(quiet=1.5)
    assert not [event for event in others if event.name == "reload"], f"a stylesheet edit reloaded pages: {others}"
    page_after = request(preview.url, "/articles/a/").text
    assert without_generation(page_after) == without_generation(page_before.text), "a stylesheet edit changed the HTML"


def test_script_edit_reloads_every_page(preview, fixture_root, events):
    with (fixture_root / "Templates/assets/broadsheet.js").open("a", encoding="utf-8") as file:
        file.write("\n// edited while serving\n")
    reload = events.wait_for("reload")
    assert reload.data.get("all") is True, reload.data
    assert "edited while serving" in request(preview.url, "/assets/broadsheet.js").text


def test_template_edit_reloads_every_page(preview, fixture_root, events):
    template = fixture_root / "Templates/base.mustache"
    template.write_text(template.read_text(encoding="utf-8").replace("</body>", "<!-- template edit --></body>"), encoding="utf-8")
    reload = events.wait_for("reload")
    assert reload.data.get("all") is True or {"/", "/articles/a/", "/articles/b/"} <= set(reload.data["paths"]), reload.data
    assert "<!-- template edit -->" in request(preview.url, "/articles/b/").text


def test_site_yaml_edit_rebuilds(preview, fixture_root, events):
    config = fixture_root / "Content/site.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("Fixture Gazette", "Renamed Gazette"), encoding="utf-8")
    events.wait_for("reload")
    assert "Renamed Gazette" in request(preview.url, "/").text


def test_new_article_is_served_and_deleting_it_gives_404(preview, fixture_root, events):
    assert request(preview.url, "/articles/fresh/").status == 404
    article = fixture_root / "Content/articles/fresh.md"
    started = time.monotonic()
    article.write_text(NEW_ARTICLE, encoding="utf-8")

    reload = events.wait_for("reload")
    timed(reload, started, "new article -> reload")
    assert reload.data.get("all") or "/articles/fresh/" in reload.data["paths"], reload.data
    page = request(preview.url, "/articles/fresh/")
    assert page.status == 200 and "Fresh off the press." in page.text
    assert "/articles/fresh/" in request(preview.url, "/").text, "the home page does not list the new article"
    assert preview.stdout.wait_for(r"after editing Content/articles/fresh\.md \(full rebuild\)", 5), preview.describe()

    article.unlink()
    events.wait_for("reload")
    assert request(preview.url, "/articles/fresh/").status == 404
    assert "/articles/fresh/" not in request(preview.url, "/").text


def test_renamed_article_moves(preview, fixture_root, events):
    (fixture_root / "Content/articles/b.md").rename(fixture_root / "Content/articles/c.md")
    events.wait_for("reload")
    assert request(preview.url, "/articles/c/").status == 200
    assert request(preview.url, "/articles/b/").status == 404


def test_asset_folder_moved_in_is_served_and_watched(preview, fixture_root, events):
    """A folder moved into Templates/assets whole is served, and edits inside it are picked up."""
    staging = fixture_root / "staging"
    (staging / "img").mkdir(parents=True)
    (staging / "img/logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"><title>one</title></svg>', encoding="utf-8")
    (staging / "img").rename(fixture_root / "Templates/assets/img")
    events.wait_for("reload")
    logo = request(preview.url, "/assets/img/logo.svg")
    assert logo.status == 200 and "<title>one</title>" in logo.text, logo.status
    events.drain(quiet=0.5)
    (fixture_root / "Templates/assets/img/logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"><title>two</title></svg>', encoding="utf-8")
    events.wait_for("reload")
    assert "<title>two</title>" in request(preview.url, "/assets/img/logo.svg").text, "an edit inside the new folder was missed"


def test_broken_first_build_waits_for_a_fix(broadsheet_bin, fixture_root):
    article = fixture_root / "Content/articles/a.md"
    good = article.read_text(encoding="utf-8")
    break_front_matter(article)
    with running_preview(broadsheet_bin, fixture_root) as preview:
        assert re.search(DIAGNOSTIC.format(name="a"), preview.stderr.text), preview.describe()
        waiting = request(preview.url, "/articles/a/")
        assert waiting.status == 503, waiting.status
        assert 'src="/__broadsheet/live.js"' in waiting.text, "the waiting page cannot show the overlay"
        with event_stream(preview.url) as stream:
            assert stream.next().name == "problems", "no problems right after hello"
            article.write_text(good, encoding="utf-8")
            stream.wait_for("resolved")
            assert stream.wait_for("reload").data.get("all") is True
        wait_for_status(preview.url, "/articles/a/", 200)
