"""Mend the few pieces of the theme's markup that the Nu HTML Checker or axe reject, on every page.

- ``autocomplete`` on the theme's hidden checkboxes (drawer, search toggle): not allowed on
  ``type=checkbox`` (the Nu checker's error), so it is dropped.
- The search ``role="dialog"`` has no accessible name (axe ``aria-dialog-name``): it gets the
  label of the search box it holds ("Search" in the page's language).

Pure string edits of known theme markup, so each is a no-op when a theme update fixes it.
"""
from __future__ import annotations

import re

_CHECKBOX = re.compile(r'<input\b[^>]*\btype="checkbox"[^>]*>')
_AUTOCOMPLETE = re.compile(r'\s+autocomplete="[^"]*"')
_DIALOG = re.compile(r'<div\b(?=[^>]*\bclass="md-search")(?=[^>]*\brole="dialog")(?![^>]*\baria-label)[^>]*>')
_SEARCH_LABEL = re.compile(r'<input\b[^>]*\bclass="md-search__input"[^>]*\baria-label="([^"]*)"')


def _without_autocomplete(match: re.Match) -> str:
    return _AUTOCOMPLETE.sub("", match.group(0))


def mend_theme_markup(html: str) -> str:
    html = _CHECKBOX.sub(_without_autocomplete, html)
    label = _SEARCH_LABEL.search(html)
    if label:
        html = _DIALOG.sub(lambda m: m.group(0)[:-1] + f' aria-label="{label.group(1)}">', html, count=1)
    return html
