"""English pages stay easy to read: Flesch reading ease of at least 60, no sentence over 30 words.

Flesch reading ease = 206.835 − 1.015 × (words / sentences) − 84.6 × (syllables / words),
counted on what a learner reads (title, summary, intro and sections, without markup; the home
page's description and outcomes and the glossary page's definitions too). A word's syllables are the larger of two counts: its
vowel groups (less a silent final e) and the en_US hyphenation points (pyphen, installed with
WeasyPrint) plus one; hyphenation alone misses short end syllables ("cus-tomer").
Headings are not sentences; every paragraph, list item and table row ends one.

A page of fewer than 50 words gets no figure (the formula needs some text), only the
sentence-length check. Only the source language is measured: the formula's weights are for English. `course check -v`
prints the figure of every page.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..errors import Problem
from ..model import Course, Page
from ..narration.text import plain, spoken_blocks
from ..progress import log

MIN_READING_EASE = 60.0
MAX_SENTENCE_WORDS = 30
MIN_WORDS_MEASURED = 50     # below this the formula says little: only long sentences are checked
WORD = re.compile(r"[A-Za-z0-9]+(?:['’.-][A-Za-z0-9]+)*")
SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])")
VOWEL_GROUP = re.compile(r"[aeiouy]+")
ABBREVIATIONS = re.compile(r"\b(?:e\.g|i\.e|etc|vs|Mr|Mrs|Dr|St|No)\.$")


@dataclass(frozen=True)
class Readability:
    words: int
    sentences: int
    syllables: int
    longest: str            # the longest sentence

    @property
    def reading_ease(self) -> float:
        if not self.words or not self.sentences:
            return 100.0
        return 206.835 - 1.015 * self.words / self.sentences - 84.6 * self.syllables / self.words

    @property
    def longest_words(self) -> int:
        return len(WORD.findall(self.longest))


@lru_cache(maxsize=1)
def _dictionary():
    import pyphen

    return pyphen.Pyphen(lang="en_US")


def syllables(word: str) -> int:
    """Syllables of one word; a number or an acronym counts one a character."""
    if word.isdigit():
        return len(word)
    if word.isupper() and 1 < len(word) <= 4:
        return len(word)        # CRM, RFID: read letter by letter (BOPIS, BORIS are read as words)
    word = word.lower()
    groups = len(VOWEL_GROUP.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee")) and groups > 1:
        groups -= 1
    elif word.endswith(("es", "ed")) and not word.endswith(("ses", "zes", "ces", "ges", "ted", "ded")) and groups > 1:
        groups -= 1
    return max(groups, _dictionary().inserted(word).count("-") + 1, 1)


def sentences_of(block: str) -> list[str]:
    """Split a paragraph into sentences at . ! ? followed by a capital, not after e.g. or i.e."""
    out, start = [], 0
    for match in SENTENCE_END.finditer(block):
        piece = block[start:match.start()].strip()
        if ABBREVIATIONS.search(piece):
            continue
        out.append(piece)
        start = match.end()
    tail = block[start:].strip()
    if tail:
        out.append(tail)
    return [s for s in out if WORD.search(s)]


def prose_blocks(page: Page, glossary: dict | None = None) -> list[str]:
    """Paragraphs, list items and table rows of a page (plus its summary, description and outcomes;
    on the glossary page, the definitions it shows)."""
    meta = page.meta
    blocks = [str(meta[f]) for f in ("summary", "description") if meta.get(f)]
    if isinstance(meta.get("outcomes"), list):
        blocks.extend(str(o) for o in meta["outcomes"])
    blocks.extend(spoken_blocks(page.intro))
    for section in page.sections:
        blocks.extend(spoken_blocks(section.body))
    if page.kind == "glossary" and glossary:
        blocks.extend(str(entry.get("definition", "")) for entry in glossary.values() if isinstance(entry, dict))
    return [plain(b) for b in blocks]


def measure(blocks: list[str]) -> Readability:
    sentences = [s for block in blocks for s in sentences_of(block)]
    words = [w for s in sentences for w in WORD.findall(s)]
    longest = max(sentences, key=lambda s: len(WORD.findall(s)), default="")
    return Readability(len(words), len(sentences), sum(syllables(w) for w in words), longest)


def _line_of(page: Page, sentence: str) -> int:
    """The line of the section holding a sentence (its first few words), else the page's first line."""
    probe = " ".join(WORD.findall(sentence)[:4])
    for section in page.sections:
        if probe and probe in " ".join(WORD.findall(plain(" ".join(spoken_blocks(section.body))))):
            return section.line
    return page.intro_line if probe and probe in " ".join(WORD.findall(page.intro)) else 1


def page_problems(page: Page, glossary: dict | None = None) -> list[Problem]:
    blocks = prose_blocks(page, glossary)
    result = measure(blocks)
    measured = result.words >= MIN_WORDS_MEASURED
    figure = f"{result.reading_ease:.1f}" if measured else "not measured (too short)"
    log.debug(f"{page.path}: Flesch reading ease {figure} ({result.words} words, "
              f"{result.sentences} sentences, longest {result.longest_words} words)")
    problems = []
    if measured and result.reading_ease < MIN_READING_EASE:
        problems.append(Problem(page.path, 1,
                                f"Flesch reading ease {result.reading_ease:.1f} is below {MIN_READING_EASE:.0f} "
                                f"({result.words / max(result.sentences, 1):.1f} words a sentence, "
                                f"{result.syllables / max(result.words, 1):.2f} syllables a word)",
                                "use shorter sentences and plainer words"))
    for block in blocks:
        for sentence in sentences_of(block):
            count = len(WORD.findall(sentence))
            if count > MAX_SENTENCE_WORDS:
                problems.append(Problem(page.path, _line_of(page, sentence),
                                        f"sentence of {count} words (more than {MAX_SENTENCE_WORDS}): "
                                        f"'{' '.join(sentence.split()[:8])} …'",
                                        "split it into two sentences"))
    return problems


def check_readability(course: Course) -> list[Problem]:
    """Errors: an English page below the reading ease, or with a sentence that is too long."""
    glossary = course.source.glossary
    return [p for page in course.source.ordered_pages for p in page_problems(page, glossary)]
