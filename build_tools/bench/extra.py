"""Measurements of the offline narration engine; the feedback service's are in bench/feedback.py."""
from __future__ import annotations

import time
from pathlib import Path

from ..config import load_config
from ..model import load_course
from ..narration.engines.espeak import EspeakEngine
from ..narration.mp3 import read_stream
from ..narration.settings import load_audio_settings
from ..narration.text import spoken_text
from .results import Results


def measure_narration(root: Path, results: Results) -> None:
    """Seconds of speech per second of synthesis (espeak-ng + MP3 encoding), all five languages."""
    course = load_course(root)
    engine = EspeakEngine(load_audio_settings(load_config(root)).with_engine("espeak"))
    audio = spent = size = 0.0
    for code, language in course.languages.items():
        for section in language.lessons[0].sections[:3]:
            text = spoken_text(section.body)
            started = time.perf_counter()
            mp3 = engine.synthesise(text, code)
            spent += time.perf_counter() - started
            audio += read_stream(mp3).seconds
            size += len(mp3)
    results.add("narration", "offline engine speed (espeak-ng + MP3)", audio / spent, "x real time", ">= 100",
                note=f"{audio:.0f} s of speech, 15 sections")
    results.add("narration", "size per minute of speech", size / 1024 / (audio / 60), "KB/min")


from .feedback import measure_feedback  # noqa: E402 - the feedback figures (i17-feedback's)


def measure_extras(root: Path, results: Results) -> None:
    measure_narration(root, results)
    measure_feedback(root, results)
