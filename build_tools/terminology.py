"""Counting glossary terms in text, so translations keep omnichannel and multichannel apart."""
from __future__ import annotations

import re
from functools import lru_cache

# The two concepts the module is about: every language must keep them apart.
KEY_TERMS = ("omnichannel", "multichannel")


def forms_of(entry: dict) -> list[str]:
    forms = entry.get("forms") or [entry.get("term", "")]
    return [str(f).lower() for f in forms if str(f).strip()]


@lru_cache(maxsize=64)
def _pattern(forms_by_term: tuple[tuple[str, tuple[str, ...]], ...]) -> re.Pattern:
    alternatives = sorted(((form, term) for term, forms in forms_by_term for form in forms),
                          key=lambda pair: -len(pair[0]))
    groups = "|".join(f"(?P<t{i}>{re.escape(form)})" for i, (form, _) in enumerate(alternatives))
    return re.compile(rf"(?<!\w)(?:{groups})", re.IGNORECASE)


LINK_TARGET = re.compile(r"\]\([^)]*\)")
ATTRIBUTES = re.compile(r"<[^>]*>|\{[#.][^}]*\}")


def readable_text(markdown: str) -> str:
    """What a reader reads: no link targets, tags or attribute lists (file names and ids are English)."""
    return ATTRIBUTES.sub(" ", LINK_TARGET.sub("]", markdown))


def count_terms(text: str, glossary: dict, terms: tuple[str, ...] = KEY_TERMS) -> dict[str, int]:
    """How often each term's forms start a word in ``text``; the longest form wins an overlap."""
    text = readable_text(text)
    forms_by_term = tuple((t, tuple(forms_of(glossary.get(t) or {}))) for t in terms)
    alternatives = sorted(((form, term) for term, forms in forms_by_term for form in forms),
                          key=lambda pair: -len(pair[0]))
    counts = {t: 0 for t in terms}
    if not alternatives:
        return counts
    for match in _pattern(forms_by_term).finditer(text):
        index = int(match.lastgroup[1:])
        counts[alternatives[index][1]] += 1
    return counts
