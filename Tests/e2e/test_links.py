"""Every internal link and asset reference in every page resolves to a file, and every #fragment to an id."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from broadsheet_cli import BASE_URL, describe, run_broadsheet
from built_site import BuiltSite

# URL schemes that never point at a file of the site.
NON_FILE_SCHEMES = {"mailto", "tel", "data", "javascript", "sms"}
# Fragments browsers handle without an element of that id.
BUILT_IN_FRAGMENTS = {"", "top"}


def broken_references(site: BuiltSite) -> list[str]:
    problems = []
    for path, page in site.pages.items():
        for reference in page.references:
            url = reference.url.strip()
            where = f"{path}:{reference.line}: <{reference.tag} {reference.attribute}=\"{reference.url}\">"
            if not url:
                if reference.attribute != "action":
                    problems.append(f"{where}: empty URL")
                continue
            if urlsplit(url).scheme in NON_FILE_SCHEMES or not site.is_internal(url):
                continue
            target, fragment, problem = site.resolve(url, path)
            if target is None:
                problems.append(f"{where}: {problem}")
            elif fragment not in BUILT_IN_FRAGMENTS and target.endswith(".html"):
                if fragment not in site.pages[target].ids:
                    problems.append(f"{where}: {target} has no element with id \"{fragment}\"")
    return problems


def assert_no_broken_references(site: BuiltSite):
    problems = broken_references(site)
    shown = "\n".join(problems[:80])
    more = f"\n... and {len(problems) - 80} more" if len(problems) > 80 else ""
    assert not problems, f"{len(problems)} broken internal references:\n{shown}{more}"


def test_internal_links_and_assets_resolve(site: BuiltSite):
    assert_no_broken_references(site)


@pytest.fixture(scope="module")
def site_under_a_base_path(broadsheet_bin, repo_root, tmp_path_factory) -> BuiltSite:
    """The repo's site built to be published below a path, as on a GitHub Pages project site."""
    base_url = BASE_URL + "report/"
    output = tmp_path_factory.mktemp("repo-site-under-a-path") / "public"
    process = run_broadsheet(
        broadsheet_bin, "build", "--root", str(repo_root), "--output", str(output), "--base-url", base_url
    )
    assert process.returncode == 0, describe(process)
    return BuiltSite(output, base_url)


def test_internal_links_resolve_when_the_base_url_has_a_path(site_under_a_base_path: BuiltSite):
    """Root-relative URLs must start with the base path (/report/...), or they leave the site."""
    assert_no_broken_references(site_under_a_base_path)


def test_404_page_links_work_from_any_url(site: BuiltSite):
    """404.html is served at whatever URL was missing, so its internal URLs must not be relative."""
    page = site.pages.get("404.html")
    assert page is not None, "the build wrote no 404.html"
    relative = [
        f"404.html:{reference.line}: <{reference.tag} {reference.attribute}=\"{reference.url}\">"
        for reference in page.references
        if reference.url
        and not urlsplit(reference.url).scheme
        and not reference.url.startswith(("/", "#"))
    ]
    assert not relative, "relative URLs in 404.html break below the top level:\n" + "\n".join(relative)
