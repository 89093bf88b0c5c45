"""Lesson Markdown to HTML for print, with the site's Markdown extensions.

Two things differ from the site: every link is made to work inside a PDF (a target in the
same PDF becomes an internal link with a ``title`` that describes the target, which becomes
the link's description in the PDF; one outside it becomes plain text), and every
click-to-expand block (``<details>``) is printed open.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
import xml.etree.ElementTree as etree
from typing import Callable

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

# The same extensions as ``markdown_extensions`` in mkdocs.yml, minus `toc` (headings get
# their ids from the print document, not from slugs). tests/test_pdf_print_html.py keeps
# the two lists in step.
MARKDOWN_EXTENSIONS = ("attr_list", "md_in_html", "tables", "def_list", "admonition")


@dataclass(frozen=True)
class LinkTarget:
    href: str
    description: str = ""    # the target in words ("" : the link's own text says it)


# href -> where the link leads in the PDF, or None when the target is not reachable from it.
LinkResolver = Callable[[str], "LinkTarget | None"]
# img src -> the src to print (a data URI), or None to keep it.
ImageResolver = Callable[[str], "str | None"]

EXTERNAL = re.compile(r"^(https?:|mailto:|tel:)", re.IGNORECASE)
# Raw HTML blocks never reach the tree, so <details> is opened in the output text.
CLOSED_DETAILS = re.compile(r"<details\b(?![^>]*\sopen\b)")


class _PrintTreeprocessor(Treeprocessor):
    def __init__(self, md: markdown.Markdown, links: "_Links"):
        super().__init__(md)
        self.links = links

    def run(self, root: etree.Element) -> None:
        for image in root.iter("img"):     # local lesson images (build_tools/images.py)
            found = self.links.image(image.get("src", "")) if self.links.image else None
            if found:
                image.set("src", found)
        for link in root.iter("a"):
            if link.get("href") is None:
                continue
            target = self.links.resolve(link.get("href", ""))
            if target is None:
                link.tag = "span"
                link.attrib.pop("href")
                link.set("class", (link.get("class", "") + " unlinked").strip())
            else:
                link.set("href", target.href)
                if target.description and not link.get("title"):
                    link.set("title", target.description)


class _Links(Extension):
    """Holds the resolver of the text being converted, so that one Markdown instance serves every text."""

    def __init__(self):
        super().__init__()
        self.resolve: LinkResolver = keep_external_only
        self.image: ImageResolver | None = None

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        # After md_in_html and attr_list have built the tree (priority below theirs).
        md.treeprocessors.register(_PrintTreeprocessor(md, self), "course_print", 1)


@lru_cache(maxsize=1)
def _converter() -> tuple[markdown.Markdown, _Links]:
    links = _Links()
    return markdown.Markdown(extensions=[*MARKDOWN_EXTENSIONS, links], output_format="html"), links


def markdown_to_html(text: str, resolve: LinkResolver, image: ImageResolver | None = None) -> str:
    md, links = _converter()
    links.resolve = resolve
    links.image = image
    return CLOSED_DETAILS.sub("<details open", md.reset().convert(text))


def keep_external_only(href: str) -> LinkTarget | None:
    """A resolver for text that is not a page (glossary definitions, quiz): web links only."""
    return LinkTarget(href) if EXTERNAL.match(href) else None
