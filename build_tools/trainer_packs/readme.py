"""The README.txt of a pack, in the pack's language."""
from __future__ import annotations

import textwrap

from ..model import Course, Language
from ..plain_text import plain_text


def pack_readme(course: Course, language: Language, description_key: str) -> str:
    home = language.home
    title = plain_text(home.meta.get("title", "")) if home else course.config.site_name
    heading = f"{title} ({language.name})"
    paragraphs = [textwrap.fill(language.t(key).strip(), width=78, break_on_hyphens=False)
                  for key in (description_key, "downloads.readme_manifest")]
    return "\n\n".join([heading + "\n" + "=" * len(heading), *paragraphs]) + "\n"
