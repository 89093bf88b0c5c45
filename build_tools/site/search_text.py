"""What the search index holds for one built page: its sections' own text, no interface text.

Material's indexer (the theme's search plugin) gets three things wrong on the course's pages:

- A lesson section is a click-to-expand ``<details>`` whose heading sits inside ``<summary>``.
  The indexer closes a section when the element around its heading ends, so every section
  entry held only the cue "Click to read" and all section text went to the page entry: a
  result opened the page at the top with the matching section closed.
- Interface text was indexed as content: the cue, the landscape hint, the action and
  expand/collapse buttons, the section play buttons.
- Text of adjacent block elements ran together ("Poziom ERK3-5Czas nauki4 godziny"), which
  also made words like "Czas" unfindable.

So the index entries are made again from the built page: the page's article is rewritten for
indexing only (headings lifted out of ``<summary>``, interface marked ``data-search-exclude``,
a space after every block) and handed to Material's own parser, so entries keep exactly the
format its search worker expects. Markup that is interface, not content, should be a
``<button>``, ``<nav>`` or ``<form>``, be ``hidden``, carry ``data-search-exclude`` or one of
``INTERFACE_CLASSES``.
"""
from __future__ import annotations

import re

# Elements that are interface, whatever their class.
INTERFACE_TAGS = ("button", "nav", "form", "template", "select", "textarea", "audio", "video")
# Classes of the course's own interface (build_tools/site/pages.py, sections.py).
INTERFACE_CLASSES = ("course-section__cue", "course-section-tools", "course-section-audio",
                     "course-landscape-hint", "course-actions")
BLOCKS = ("address", "article", "aside", "blockquote", "caption", "dd", "details", "dialog", "div", "dl",
          "dt", "fieldset", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header",
          "li", "main", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
          "thead", "tr", "ul")

_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*)</article>', re.S)
_START_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)(\s[^<>]*)?>")
_CLASS = re.compile(r'\sclass="([^"]*)"')
_BLOCK_END = re.compile(r"(</(?:%s)>|<br\s*/?>)" % "|".join(BLOCKS), re.I)
_BLOCK_START = re.compile(r"(?<=[^\s>])(<(?:%s)[\s>])" % "|".join(BLOCKS), re.I)
_SUMMARY = re.compile(r"</?summary\b[^>]*>", re.I)


def article_html(page_html: str) -> str:
    """The content of Material's ``<article>``: what the page says, without header, menus and footer."""
    match = _ARTICLE.search(page_html)
    return match.group(1) if match else ""


def _is_interface(tag: str, attrs: str) -> bool:
    if tag.lower() in INTERFACE_TAGS:
        return True
    if re.search(r"\shidden(\s|=|$)", re.sub(r'"[^"]*"', '""', attrs)):
        return True
    if tag.lower() == "h1" and ' id="' not in attrs:
        return True          # the title the theme adds above the content: already the entry's title
    classes = _CLASS.search(attrs)
    return bool(classes) and any(name in INTERFACE_CLASSES for name in classes.group(1).split())


def _mark_interface(html: str) -> str:
    def mark(match: re.Match) -> str:
        tag, attrs = match.group(1), match.group(2) or ""
        if "data-search-exclude" in attrs or not _is_interface(tag, attrs):
            return match.group(0)
        return f"<{tag}{attrs} data-search-exclude>"
    return _START_TAG.sub(mark, html)


def indexable_html(article: str) -> str:
    """The article as the indexer should read it (never shown to anyone)."""
    html = _mark_interface(article)
    html = _SUMMARY.sub(" ", html)                 # a section heading now heads its section's text
    html = _BLOCK_END.sub(r"\1 ", html)            # blocks never run into each other
    return _BLOCK_START.sub(r" \1", html)


def page_entries(page_html: str, location: str, page_title: str) -> list[dict]:
    """Search entries for one built page: the page itself, then one per section with an id."""
    from material.plugins.search.plugin import Parser

    parser = Parser()
    parser.feed(indexable_html(article_html(page_html)).strip())
    parser.close()
    entries = []
    for section in parser.data:
        if section.is_excluded():
            continue
        title = "".join(section.title).strip() or page_title
        text = "".join(section.text).strip()
        entries.append({"location": f"{location}#{section.id}" if section.id else location,
                        "title": title, "text": text})
    return entries
