"""Every internal link and asset reference in every page resolves to a file, and every #fragment to an id."""

from __future__ import annotations

from urllib.parse import urlsplit

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


def test_internal_links_and_assets_resolve(site: BuiltSite):
    problems = broken_references(site)
    shown = "\n".join(problems[:80])
    more = f"\n... and {len(problems) - 80} more" if len(problems) > 80 else ""
    assert not problems, f"{len(problems)} broken internal references:\n{shown}{more}"


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
