"""A built output folder, read back: its HTML pages parsed and its URLs mapped to files."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cached_property
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

# Attributes whose values are URLs (srcset holds a list of them).
URL_ATTRIBUTES = {"href", "src", "poster", "action", "cite"}
# <meta> properties whose content is a URL that must exist when it points into the site.
URL_META = {"og:url", "og:image", "og:image:url", "twitter:image"}


@dataclass
class Reference:
    """One URL found in a page, with where it was found."""

    url: str
    tag: str
    attribute: str
    line: int


@dataclass
class Page:
    """What the tests need to know about one HTML file."""

    path: str  # relative to the output folder, with forward slashes
    lang: str | None = None
    titles: list[str] = field(default_factory=list)  # the document's <title>s, not SVG titles
    meta: dict[str, list[str]] = field(default_factory=dict)  # name or property -> contents
    links: list[dict[str, str]] = field(default_factory=list)  # attributes of each <link>
    ids: set[str] = field(default_factory=set)
    references: list[Reference] = field(default_factory=list)
    json_ld: list[str] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)  # text of each <h1>

    def meta_content(self, key: str) -> str | None:
        values = self.meta.get(key)
        return values[0] if values else None

    def link_hrefs(self, rel: str) -> list[str]:
        return [
            link.get("href", "")
            for link in self.links
            if rel in link.get("rel", "").lower().split()
        ]


class PageParser(HTMLParser):
    """Collects a Page's facts with the standard library's tolerant HTML parser."""

    def __init__(self, page: Page):
        super().__init__(convert_charrefs=True)
        self.page = page
        self.text_target: list[str] | None = None
        self.text_tag: str | None = None
        self.buffer: list[str] = []
        self.foreign_depth = 0  # inside <svg> or <math>, whose <title> is not the document's

    def handle_starttag(self, tag, attrs):
        attributes = {name: (value or "") for name, value in attrs}
        line = self.getpos()[0]
        if tag == "html" and "lang" in attributes:
            self.page.lang = attributes["lang"]
        if "id" in attributes:
            self.page.ids.add(attributes["id"])
        if tag == "a" and "name" in attributes:
            self.page.ids.add(attributes["name"])
        if tag == "meta":
            key = attributes.get("name") or attributes.get("property")
            if key:
                content = attributes.get("content", "")
                self.page.meta.setdefault(key.lower(), []).append(content)
                if key.lower() in URL_META:
                    self.page.references.append(Reference(content, tag, key, line))
        if tag == "link":
            self.page.links.append(attributes)
        for name, value in attributes.items():
            if name in URL_ATTRIBUTES:
                self.page.references.append(Reference(value, tag, name, line))
            elif name in ("srcset", "imagesrcset"):
                for candidate in value.split(","):
                    parts = candidate.split()
                    if parts:
                        self.page.references.append(Reference(parts[0], tag, name, line))
        if tag in ("svg", "math"):
            self.foreign_depth += 1
        if tag == "title" and self.foreign_depth == 0:
            self.start_text(self.page.titles, tag)
        elif tag == "h1":
            self.start_text(self.page.headings, tag)
        elif tag == "script" and attributes.get("type", "").lower() == "application/ld+json":
            self.start_text(self.page.json_ld, tag)

    def start_text(self, target: list[str], tag: str):
        self.text_target, self.text_tag, self.buffer = target, tag, []

    def handle_data(self, data):
        if self.text_target is not None:
            self.buffer.append(data)

    def handle_endtag(self, tag):
        if tag in ("svg", "math"):
            self.foreign_depth = max(0, self.foreign_depth - 1)
        if self.text_target is not None and tag == self.text_tag:
            text = "".join(self.buffer)
            if tag != "script":
                text = " ".join(text.split())
            self.text_target.append(text)
            self.text_target = None
            self.text_tag = None


class BuiltSite:
    """An output folder and the base URL it was built for."""

    def __init__(self, root: Path, base_url: str):
        self.root = root
        self.base_url = base_url if base_url.endswith("/") else base_url + "/"
        self.base_path = urlsplit(self.base_url).path  # "/" or "/sub/"

    @cached_property
    def files(self) -> list[str]:
        return sorted(
            path.relative_to(self.root).as_posix()
            for path in self.root.rglob("*")
            if path.is_file()
        )

    @cached_property
    def html_files(self) -> list[str]:
        return [path for path in self.files if path.endswith(".html")]

    @cached_property
    def pages(self) -> dict[str, Page]:
        return {path: self.parse(path) for path in self.html_files}

    def parse(self, path: str) -> Page:
        page = Page(path)
        parser = PageParser(page)
        parser.feed((self.root / path).read_text(encoding="utf-8"))
        parser.close()
        return page

    def article_pages(self) -> list[Page]:
        return [
            page
            for path, page in self.pages.items()
            if path.startswith("articles/") and path.count("/") == 2 and path.endswith("/index.html")
        ]

    def first_article(self) -> str:
        """The first article the home page links to (its newest), else the first article by path."""
        articles = {page.path for page in self.article_pages()}
        for reference in self.pages["index.html"].references:
            if reference.tag == "a" and self.is_internal(reference.url):
                target = self.resolve(reference.url, "index.html")[0]
                if target in articles:
                    return target
        assert articles, "the site has no article pages"
        return sorted(articles)[0]

    def read_json(self, path: str):
        return json.loads((self.root / path).read_text(encoding="utf-8"))

    # MARK: - URLs

    def url_path(self, file: str) -> str:
        """The URL path a file is served at: `about/index.html` -> `/about/`."""
        if file == "index.html":
            return self.base_path
        if file.endswith("/index.html"):
            return self.base_path + file[: -len("index.html")]
        return self.base_path + file

    def absolute_url(self, file: str) -> str:
        return urljoin(self.base_url, self.url_path(file))

    def is_internal(self, url: str) -> bool:
        """Whether a URL points into this site (relative, root-relative or under the base URL)."""
        parts = urlsplit(url)
        if parts.scheme or url.startswith("//"):
            absolute = url if parts.scheme else "https:" + url
            return absolute.startswith(self.base_url) or absolute + "/" == self.base_url
        return True

    def resolve(self, url: str, from_file: str) -> tuple[str | None, str, str | None]:
        """Maps an internal URL, as written in `from_file`, to (file, fragment, problem).

        `file` is the output file it resolves to (None when there is none), `problem` says why.
        """
        absolute = urljoin(self.absolute_url(from_file), url)
        parts = urlsplit(absolute)
        fragment = unquote(parts.fragment)
        path = unquote(parts.path)
        if not (absolute + "/").startswith(self.base_url):
            return None, fragment, f"points outside the base URL {self.base_url}"
        relative = path[len(self.base_path):] if path.startswith(self.base_path) else None
        if relative is None:
            return None, fragment, f"path does not start with the base path {self.base_path}"
        candidates = [relative + "index.html"] if relative.endswith("/") or relative == "" else [
            relative,
            relative + "/index.html",
        ]
        for candidate in candidates:
            if (self.root / candidate).is_file():
                return candidate, fragment, None
        return None, fragment, f"no file {candidates[0]} in the output"
