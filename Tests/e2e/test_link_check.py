"""The link check of every build, on the real binary: broken internal links fail the build
with their source position, a did-you-mean and nothing written."""

from __future__ import annotations

from pathlib import Path

from broadsheet_cli import describe, run_broadsheet
from fixture_site import write_fixture_site

BROKEN = """\
---
title: Broken links
date: 2024-05-03
---

## Further reading

See [the archive](/archiv/), [article A](a.md), [the tags](../../tag/) and [reading](#further-readin).

![A photo](/assets/photo.jpg)
"""


def test_broken_internal_links_fail_the_build_at_their_lines(broadsheet_bin, repo_root, tmp_path: Path):
    root = write_fixture_site(tmp_path / "site", repo_root)
    (root / "Content/articles/broken.md").write_text(BROKEN, encoding="utf-8")
    output = tmp_path / "out"
    process = run_broadsheet(broadsheet_bin, "build", "--root", str(root), "--output", str(output), cwd=tmp_path)
    assert process.returncode == 1, describe(process)
    report = process.stderr + process.stdout
    for expected in [
        "Content/articles/broken.md:8:19: error: broken link '/archiv/': the site has no page or file at /archiv/",
        "hint: did you mean '/archive/'?",
        "Content/articles/broken.md:8:42: error: link to the Markdown file 'a.md' instead of the page it becomes",
        "hint: write [text](article:a) instead: Content/articles/a.md is published at /articles/a/",
        "Content/articles/broken.md:8:60: error: broken link '../../tag/': the site has no page or file at /tag/",
        "Content/articles/broken.md:8:86: error: broken link '#further-readin': the page /articles/broken/ has no element with the id 'further-readin'",
        "hint: did you mean 'further-reading'?",
        "Content/articles/broken.md:10:12: error: broken link '/assets/photo.jpg'",
    ]:
        assert expected in report, f"missing {expected!r}\n" + describe(process)
    assert not output.exists(), "a build with broken links wrote its output"

    check = run_broadsheet(broadsheet_bin, "check", "--root", str(root), cwd=tmp_path)
    assert check.returncode == 1, describe(check)
    assert "broken link '/archiv/'" in check.stderr + check.stdout, describe(check)


def test_good_internal_links_build(broadsheet_bin, repo_root, tmp_path: Path):
    root = write_fixture_site(tmp_path / "site", repo_root)
    fixed = (
        BROKEN.replace("/archiv/", "/archive/").replace("(a.md)", "(article:a)").replace("../../tag/", "../../tags/")
        .replace("#further-readin)", "#further-reading)").replace("![A photo](/assets/photo.jpg)", "")
    )
    (root / "Content/articles/broken.md").write_text(fixed, encoding="utf-8")
    process = run_broadsheet(broadsheet_bin, "build", "--root", str(root), "--output", str(tmp_path / "out"), cwd=tmp_path)
    assert process.returncode == 0, describe(process)


# MARK: - Media

# A 3 × 2 GIF (the smallest complete image format to write by hand).
GIF = bytes.fromhex("474946383961" "0300" "0200" "800000" "000000" "ffffff" "2c00000000030002000002028451003b")

PICTURES = """\
---
title: Pictures
date: 2024-05-04
---

![A three by two dot](media/dot.gif)
"""


def test_media_is_published_hashed_and_sized_and_served(broadsheet_bin, repo_root, tmp_path: Path):
    import re
    import urllib.request

    from preview_server import running_preview

    root = write_fixture_site(tmp_path / "site", repo_root)
    (root / "Content/media").mkdir(parents=True)
    (root / "Content/media/dot.gif").write_bytes(GIF)
    (root / "Content/articles/pictures.md").write_text(PICTURES, encoding="utf-8")
    output = tmp_path / "out"
    process = run_broadsheet(broadsheet_bin, "build", "--root", str(root), "--output", str(output), cwd=tmp_path)
    assert process.returncode == 0, describe(process)
    page = (output / "articles/pictures/index.html").read_text(encoding="utf-8")
    match = re.search(r'<img src="/(media/dot\.[0-9a-f]{8}\.gif)" alt="A three by two dot" width="3" height="2" />', page)
    assert match, page
    assert (output / match.group(1)).read_bytes() == GIF
    with running_preview(broadsheet_bin, root) as preview:
        with urllib.request.urlopen(preview.url.rstrip("/") + "/" + match.group(1), timeout=10) as response:
            assert response.status == 200
            assert response.read() == GIF
