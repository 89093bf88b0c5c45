"""Plain text of inline Markdown: the one function every piece of metadata goes through.

Titles, descriptions and summaries in lessons may carry inline Markdown (``**bold**``,
``[a link](url)``, `` `code` ``) and the few inline HTML tags lessons may use
(``<span lang="en">email</span>``). Metadata (``<meta name="description">``, ``<title>``,
PDF metadata, pack READMEs) needs the words alone. This returns them as plain, *unescaped*
text: each output escapes it for its own format (HTML attribute, XML, JSON), never before.
"""
from __future__ import annotations

import re
from html import unescape

_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.S)
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\](?:\([^)]*\)|\[[^\]]*\])")
_CODE = re.compile(r"`+([^`]*)`+")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS = re.compile(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])")
_ATTR_LIST = re.compile(r"\s*\{[:#.][^}]*\}")
_SPACE = re.compile(r"\s+")


def plain_text(inline_markdown: object) -> str:
    """Return the words of ``inline_markdown`` with markup, entities and extra spaces removed."""
    text = "" if inline_markdown is None else str(inline_markdown)
    text = _COMMENT.sub(" ", text)
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _CODE.sub(r"\1", text)
    text = _TAG.sub("", text)
    text = _ATTR_LIST.sub("", text)
    text = _STRONG.sub(r"\2", text)
    text = _EMPHASIS.sub(r"\2", text)
    text = unescape(text)
    return _SPACE.sub(" ", text).strip()
