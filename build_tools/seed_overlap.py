"""Runs of words a course page shares with the source documents it was written from.

The seed documents (``../shared/seeds/*.txt`` next to the project, or the folder named by
``COURSE_SEEDS_DIR``) are reference material: the course takes their facts, never their
sentences. :func:`shared_runs` finds every run of ``length`` or more words that a page's
rendered text (what a learner reads: front matter text, title, intro and sections, without
Markdown or HTML) has in common with a seed, after lower-casing and dropping punctuation.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from .model import Page
from .narration.text import plain, spoken_blocks

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
RUN_LENGTH = 8
SEED_DIR_ENV = "COURSE_SEEDS_DIR"


@dataclass(frozen=True)
class SharedRun:
    seed: str        # seed file name
    words: str       # the shared run, normalised


def normalised_words(text: str) -> list[str]:
    """Lower-case words without punctuation: 'Omni-channel, "all"!' -> ['omni', 'channel', 'all']."""
    return [w.replace("’", "'") for w in WORD.findall(text.casefold())]


def page_text(page: Page) -> str:
    """Everything a learner reads on the page, as plain text, one block a line."""
    parts: list[str] = []
    meta = page.meta
    for field in ("title", "summary", "description"):
        if meta.get(field):
            parts.append(str(meta[field]))
    for field in ("outcomes", "keywords", "bibliography"):
        value = meta.get(field)
        if isinstance(value, list):
            parts.extend(str(item) for item in value)
    parts.extend(spoken_blocks(page.intro))
    for section in page.sections:
        parts.append(plain("\n".join(spoken_blocks(section.title))))
        parts.extend(spoken_blocks(section.body))
    return "\n".join(plain(p) for p in parts)


def ngrams(words: list[str], length: int) -> set[tuple[str, ...]]:
    return {tuple(words[i:i + length]) for i in range(len(words) - length + 1)}


def shared_runs(text: str, seeds: dict[str, str], length: int = RUN_LENGTH) -> list[SharedRun]:
    """Every maximal run of ``length``+ words of ``text`` that also occurs in one of ``seeds``."""
    words = normalised_words(text)
    found: list[SharedRun] = []
    for name, seed_text in sorted(seeds.items()):
        seed_grams = ngrams(normalised_words(seed_text), length)
        i = 0
        while i <= len(words) - length:
            if tuple(words[i:i + length]) in seed_grams:
                end = i + length
                while end < len(words) and tuple(words[end - length + 1:end + 1]) in seed_grams:
                    end += 1
                found.append(SharedRun(name, " ".join(words[i:end])))
                i = end
            else:
                i += 1
    return found


def seed_dir(root: Path) -> Path | None:
    """The seed folder: $COURSE_SEEDS_DIR, else ``shared/seeds`` beside the project or its parent."""
    if os.environ.get(SEED_DIR_ENV):
        return Path(os.environ[SEED_DIR_ENV])
    for parent in (root.resolve().parent, root.resolve().parent.parent):
        candidate = parent / "shared" / "seeds"
        if candidate.is_dir():
            return candidate
    return None


def load_seeds(folder: Path) -> dict[str, str]:
    return {path.name: path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.txt"))}
