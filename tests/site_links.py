"""Local links of built HTML pages: every href/src that points inside the site, resolved as a
browser would from file:// (query and #fragment dropped)."""
from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

LINK_ATTRS = {"href", "src"}


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        for name in LINK_ATTRS & values.keys():
            if values[name] is not None:
                self.links.append((values[name], dict(values, tag=tag)))


def links_of(html: str) -> list[tuple[str, dict]]:
    parser = _Links()
    parser.feed(html)
    return parser.links


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    return not parts.scheme and not parts.netloc and bool(parts.path)


def resolve(page: Path, url: str) -> Path:
    return (page.parent / unquote(urlsplit(url).path)).resolve()


def broken_local_links(root: Path) -> list[str]:
    """``page: url`` for every local link of every page under ``root`` whose target is not a file inside ``root``."""
    root = root.resolve()
    broken = []
    for page in sorted(root.rglob("*.html")):
        for url, _attrs in links_of(page.read_text(encoding="utf-8")):
            if not is_local(url):
                continue
            target = resolve(page, url)
            if not target.is_file() or root not in target.parents:
                broken.append(f"{page.relative_to(root)}: {url}")
    return broken
