"""The glossary page, rendered from ``translations/glossary/<lang>.yml``."""
from __future__ import annotations

from ..model import Language, Page
from .html import attr, text


def sorted_entries(language: Language) -> list[tuple[str, dict]]:
    entries = [(k, v) for k, v in language.glossary.items() if isinstance(v, dict)]
    return sorted(entries, key=lambda kv: str(kv[1].get("term", kv[0])).casefold())


def render_glossary(language: Language, page: Page) -> str:
    items = []
    for entry_id, entry in sorted_entries(language):
        items.append(f'<div class="course-glossary__entry" id="{attr(entry_id)}">'
                     f'<dt>{text(entry.get("term", entry_id))}</dt>'
                     f'<dd>{text(entry.get("definition", ""))}</dd></div>')
    return "\n\n".join([page.intro.strip(), f'<dl class="course-glossary">{"".join(items)}</dl>'])
