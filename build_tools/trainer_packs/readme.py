"""The README.txt of a pack, in the pack's language."""
from __future__ import annotations

import textwrap

from ..model import Course, Language
from ..module_title import module_title


def pack_readme(course: Course, language: Language, description_key: str) -> str:
    title = module_title(course, language.code)
    heading = f"{title} ({language.name})"
    paragraphs = [textwrap.fill(language.t(key).strip(), width=78, break_on_hyphens=False)
                  for key in (description_key, "downloads.readme_manifest")]
    return "\n\n".join([heading + "\n" + "=" * len(heading), *paragraphs]) + "\n"
