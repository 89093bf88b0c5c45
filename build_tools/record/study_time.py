"""Estimated study time, worked out at build time for each lesson.

time = the longer of reading (words / the language's reading speed, settings.py) and listening
(the lesson's narration track, when there is one), rounded up to whole minutes. A learner reads
or listens, or both at once, so the longer of the two is the time to plan for. The module's time
on the home page is the sum of its lessons. If the home page's front matter still gives a
hand-written ``duration``, ``course check`` warns when it is off by more than half.
"""
from __future__ import annotations

import math
import re
from pathlib import Path

from ..model import Language, Page
from ..narration.mp3 import read_stream

WORD = re.compile(r"\w+(?:['’-]\w+)*")
NOT_READ = re.compile(r"\{[#.][^}]*\}|<[^>]+>|\]\([^)]*\)|https?://\S+")


def word_count(markdown: str) -> int:
    """Words a reader reads: attribute lists, HTML tags and link targets are left out."""
    return len(WORD.findall(NOT_READ.sub(" ", markdown)))


def lesson_words(page: Page) -> int:
    return word_count("\n".join([page.title, page.intro] + [f"{s.title}\n{s.body}" for s in page.sections]))


def narration_seconds(track: Path) -> float:
    """Length of an MP3 track; 0 when there is none (yet) or it cannot be read.

    Read from its length tag (TLEN), which the narration writes and checks against the frames
    (encode.check_track): walking a lesson's frames took a quarter of a second per track, five
    seconds of every build. A track without the tag is measured frame by frame."""
    from ..narration.encode import read_tags

    length = read_tags(track).get("length", "") if track.is_file() else ""
    if length.isdigit():
        return int(length) / 1000
    try:
        return read_stream(track.read_bytes()).seconds
    except (OSError, ValueError, Exception):  # a broken track is the narration check's business
        return 0.0


def estimated_minutes(words: int, speed: int, narration: float = 0.0) -> int:
    return max(1, math.ceil(max(words / speed, narration / 60) - 1e-9))


def lesson_minutes(language: Language, page: Page, speed: int, lang_dir: Path | None) -> int:
    from ..artefact_paths import lesson_audio

    narration = narration_seconds(lang_dir / lesson_audio(page)) if lang_dir is not None else 0.0
    return estimated_minutes(lesson_words(page), speed, narration)


def module_minutes(language: Language, speed: int, lang_dir: Path | None) -> dict[str, int]:
    """Minutes per lesson id, in lesson order."""
    return {p.id: lesson_minutes(language, p, speed, lang_dir) for p in language.lessons}


HOURS = re.compile(r"(\d+(?:[.,]\d+)?)\s*(\w*)")
MINUTE_WORDS = ("min", "λεπ", "perc", "мин")


def written_minutes(duration: object) -> float | None:
    """'4 hours' -> 240, '90 min' -> 90, '1,5 óra' -> 90; None without a number and its unit."""
    found = HOURS.search(str(duration or ""))
    if not found:
        return None
    number = float(found.group(1).replace(",", "."))
    unit = found.group(2).casefold()
    if not unit:
        return None                   # "1": hours or minutes? Say nothing rather than guess
    return number if unit.startswith(MINUTE_WORDS) else number * 60


def format_minutes(minutes: int, t) -> str:
    """'45 min' or '2 h 15 min' with the language's units (record.minutes / record.hours_minutes)."""
    if minutes < 60:
        return t("record.minutes").replace("{m}", str(minutes))
    return t("record.hours_minutes").replace("{h}", str(minutes // 60)).replace("{m}", str(minutes % 60))
