"""The print edition of the repository's report, from the session's one build: the PDF read back
with poppler-utils (pages, fonts, text, outline, metadata), the EPUB checked by epubcheck, and
the website's download links. Setup: Scripts/test installs typst, the Noto fonts, poppler-utils
and epubcheck."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from broadsheet_cli import describe, run_broadsheet
from built_site import BuiltSite

NAME = "the-alibaba-tencent-opening"
EPUBCHECK = Path("/usr/share/java/epubcheck.jar")


def tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is not installed: Scripts/test installs poppler-utils (apt-get install poppler-utils)")
    return found


def run(*command: str) -> str:
    process = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert process.returncode == 0, describe(process)
    return process.stdout


def front_matter_titles(path: Path) -> str:
    match = re.search(r'(?m)^title:\s*"?(.*?)"?\s*$', path.read_text(encoding="utf-8"))
    assert match, f"no title in {path}"
    return match.group(1).replace("\\\"", '"')


@pytest.fixture(scope="module")
def pdf(site: BuiltSite) -> Path:
    path = site.root / f"{NAME}.pdf"
    if not path.is_file():
        pytest.fail(
            f"the build wrote no {path.name}: is Typst installed? (python3 -m pip install typst==0.15.0, or Scripts/setup)"
        )
    return path


@pytest.fixture(scope="module")
def pdf_text(pdf: Path) -> str:
    return run(tool("pdftotext"), "-layout", str(pdf), "-")


@pytest.fixture(scope="module")
def chapters(repo_root: Path) -> list[str]:
    """The titles of the chapters and appendices that site.yaml's `edition:` names."""
    config = (repo_root / "Content/site.yaml").read_text(encoding="utf-8")
    chapters = re.search(r"(?m)^  chapters: \[(.*)\]", config)
    appendices = re.search(r"(?m)^  appendices: \[(.*)\]", config)
    assert chapters and appendices, "site.yaml has no edition: chapters/appendices lists"
    titles = []
    for slug in [s.strip() for s in chapters.group(1).split(",")]:
        titles.append(front_matter_titles(repo_root / f"Content/articles/{slug}.md"))
    for slug in [s.strip() for s in appendices.group(1).split(",")]:
        titles.append(front_matter_titles(repo_root / f"Content/pages/{slug}.md"))
    return titles + ["Chronology", "Bibliography"]


def normalise(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").split())


def test_pdf_metadata_and_page_count(pdf: Path):
    info = run(tool("pdfinfo"), str(pdf))
    fields = dict(line.split(":", 1) for line in info.splitlines() if ":" in line)
    pages = int(fields["Pages"].strip())
    assert 40 <= pages <= 150, f"the report typeset to {pages} pages"
    assert fields["Title"].strip() == "The Alibaba–Tencent Opening"
    assert fields["Author"].strip() == "Broadsheet Research Desk"
    assert fields["Subject"].strip().startswith("A sourced report")
    assert fields["Tagged"].strip() == "yes"
    assert "595.276 x 841.89" in fields["Page size"], "A4 is the default"
    assert b"/Lang(en)" in pdf.read_bytes(), "the PDF does not declare its language (site.yaml `language: en`)"


def test_every_font_is_embedded_including_cjk(pdf: Path):
    listing = run(tool("pdffonts"), str(pdf)).splitlines()[2:]
    assert listing, "no fonts listed"
    for line in listing:
        # name type [type] encoding emb sub uni id gen: the "emb" column is the 5th from the end.
        assert line.split()[-5] == "yes", f"font not embedded: {line}"
    assert any("CJK" in line for line in listing), "no CJK font: the Chinese names would not show"


def test_chapter_titles_and_chinese_text_extract(pdf_text: str, chapters: list[str]):
    text = normalise(pdf_text)
    for title in chapters:
        assert normalise(title) in text, f"chapter title not found in the PDF's text: {title}"
    for chinese in ["支付宝", "工信部", "来往"]:
        assert chinese in pdf_text, f"Chinese text {chinese} does not extract from the PDF"
    assert "Contents" in pdf_text and "References" in pdf_text


def test_outline_lists_every_chapter_and_appendix(pdf: Path, chapters: list[str]):
    xml = run(tool("pdftohtml"), "-xml", "-i", "-q", "-stdout", "-f", "1", "-l", "1", str(pdf))
    root = ElementTree.fromstring(xml)
    outline = root.find("outline")
    assert outline is not None, "the PDF has no outline (bookmarks)"
    top = [normalise("".join(item.itertext())) for item in outline.findall("item")]
    assert top == [normalise(title) for title in chapters]


def test_epub_passes_epubcheck(site: BuiltSite):
    epub = site.root / f"{NAME}.epub"
    assert epub.is_file(), f"the build wrote no {epub.name}"
    java = shutil.which("java")
    if java is None or not EPUBCHECK.is_file():
        pytest.fail("epubcheck is not installed: Scripts/test installs epubcheck and a Java runtime")
    process = subprocess.run(
        [java, "-jar", str(EPUBCHECK), str(epub)], capture_output=True, text=True, timeout=300
    )
    report = process.stdout + process.stderr
    assert process.returncode == 0, describe(process)
    assert "0 errors / 0 warnings" in report, report


def test_home_and_about_link_the_files_with_sizes(site: BuiltSite):
    for page in ["index.html", "about/index.html"]:
        html = (site.root / page).read_text(encoding="utf-8")
        for extension, label in [("pdf", "PDF"), ("epub", "EPUB")]:
            pattern = rf'<a href="{re.escape(site.base_path)}{NAME}\.{extension}" download>{label}</a> <span class="muted">\((\d+(\.\d)? MB|\d+ KB)\)</span>'
            assert re.search(pattern, html), f"{page} does not link the {label} with its size"


def test_require_print_without_the_engine_fails_before_writing(broadsheet_bin: Path, repo_root: Path, tmp_path: Path):
    output = tmp_path / "out"
    environment = dict(os.environ, BROADSHEET_PYTHON=str(tmp_path / "no-python3"), NO_COLOR="1")
    process = subprocess.run(
        [str(broadsheet_bin), "build", "--root", str(repo_root), "--output", str(output), "--require-print"],
        capture_output=True, text=True, timeout=300, env=environment,
    )
    assert process.returncode == 1, describe(process)
    assert "error: the PDF edition was not built: python3 was not found" in process.stderr
    assert "pip install typst" in process.stderr
    assert not output.exists(), "a failed build wrote the output folder"
