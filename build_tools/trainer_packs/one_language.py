"""Pages of an offline pack, which holds one language: no links to the languages it leaves out.

The site's pages link every language twice: the language menu in the header and the
``hreflang`` links in the head. overrides/main.html and overrides/partials/alternate.html mark
both; in a pack of one language the menu goes (there is nothing to switch to) and so do the
``hreflang`` links to other languages.
"""
from __future__ import annotations

import re

_MENU = re.compile(r"<!-- course-languages -->.*?<!-- /course-languages -->\n?", re.S)
_ALTERNATES = re.compile(r"<!-- course-alternates -->.*?<!-- /course-alternates -->", re.S)
_ALTERNATE = re.compile(r'\s*<link rel="alternate course-language" [^>]*hreflang="(?P<lang>[^"]*)"[^>]*>')


def one_language_html(html: str, code: str) -> str:
    """``html`` without the language menu and without hreflang links to languages other than ``code``."""
    def keep_own(block: re.Match) -> str:
        return _ALTERNATE.sub(lambda link: link.group(0) if link.group("lang") == code else "", block.group(0))

    return _ALTERNATES.sub(keep_own, _MENU.sub("", html))
