"""Crawl a built site for every "Download" action, every entry of a downloads list and every link
to a PDF, MP3 or zip, and say which of them lead nowhere."""
from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

FILE_SUFFIXES = (".pdf", ".zip", ".mp3")


@dataclass(frozen=True)
class Link:
    page: Path
    href: str
    kind: str            # "download-action", "downloads-list" or "file"


class _Links(HTMLParser):
    def __init__(self, page: Path):
        super().__init__()
        self.page = page
        self.links: list[Link] = []
        self.ids: set[str] = set()
        self._list_depth = 0          # inside <ul class="course-downloads ...">

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "ul" and ("course-downloads" in classes or self._list_depth):
            self._list_depth += 1
        href = a.get("href")
        if tag != "a" or not href or href.startswith(("http:", "https:", "mailto:")):
            return
        if "course-action--download" in classes:
            self.links.append(Link(self.page, href, "download-action"))
        elif self._list_depth:
            self.links.append(Link(self.page, href, "downloads-list"))
        elif urlsplit(href).path.lower().endswith(FILE_SUFFIXES):
            self.links.append(Link(self.page, href, "file"))

    def handle_endtag(self, tag):
        if tag == "ul" and self._list_depth:
            self._list_depth -= 1


def page_links(page: Path) -> tuple[list[Link], set[str]]:
    parser = _Links(page)
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.links, parser.ids


def crawl(site: Path) -> tuple[list[Link], list[str]]:
    """(every link found, a description of each that leads to no file or no anchor)."""
    pages = sorted(site.rglob("*.html"))
    found: dict[Path, tuple[list[Link], set[str]]] = {page: page_links(page) for page in pages}
    links = [link for page_found in found.values() for link in page_found[0]]
    broken = []
    for link in links:
        parts = urlsplit(link.href)
        target = (link.page.parent / unquote(parts.path)).resolve() if parts.path else link.page
        where = f"{link.page.relative_to(site)}: {link.kind} {link.href}"
        if not target.is_file():
            broken.append(f"{where} (no such file)")
        elif parts.fragment and target.suffix == ".html":
            ids = found[target][1] if target in found else page_links(target)[1]
            if parts.fragment not in ids:
                broken.append(f"{where} (no #{parts.fragment} there)")
    return links, broken


def name_clashes(site: Path, links: list[Link]) -> list[str]:
    """File names that two different downloaded files share (a trainer collecting several
    languages into one folder would lose one of them)."""
    owners: dict[str, set[Path]] = {}
    for link in links:
        path = urlsplit(link.href).path
        if path.lower().endswith(FILE_SUFFIXES):
            target = (link.page.parent / unquote(path)).resolve()
            owners.setdefault(target.name, set()).add(target)
    return sorted(f"{name}: {sorted(str(p.relative_to(site.resolve())) for p in paths)}"
                  for name, paths in owners.items() if len(paths) > 1)
