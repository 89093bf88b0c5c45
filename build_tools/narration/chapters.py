"""Where each section is heard inside its lesson's whole track, so that listening to the whole
lesson counts for each section as listening to its own track does (the learner record's rule:
a section opened and at least 90 % of its narration heard is done).

A lesson track is its opening part (title and introduction), then each section's part, with
``pause`` seconds of silence between parts (synthesis.join_tracks). The section tracks and the
lesson track carry their lengths in their tags, so the opening's length is what remains.
"""
from __future__ import annotations

from pathlib import Path

from ..artefact_paths import lesson_audio, section_audio
from ..model import Page
from ..record.study_time import narration_seconds

TOLERANCE = 0.5     # seconds a joined track may differ from its parts' sum (frame rounding)


def lesson_chapters(page: Page, lang_dir: Path, pause: float) -> list[tuple[str, float, float]] | None:
    """(section id, start, end) in seconds within the lesson track, or None when a track is
    missing or the lengths do not add up (the track is then simply played without chapters)."""
    if not page.sections or not (lang_dir / lesson_audio(page)).is_file():
        return None
    lengths = []
    for section in page.sections:
        track = lang_dir / section_audio(page, section)
        seconds = narration_seconds(track) if track.is_file() else 0.0
        if seconds <= 0:
            return None
        lengths.append(seconds)
    total = narration_seconds(lang_dir / lesson_audio(page))
    opening = total - sum(lengths) - pause * len(lengths)
    if opening < -TOLERANCE:
        return None
    chapters, at = [], max(0.0, opening)
    for section, seconds in zip(page.sections, lengths):
        at += pause
        chapters.append((section.id, round(at, 2), round(min(total, at + seconds), 2)))
        at += seconds
    return chapters
