"""Measurements of the narration engine and the feedback service (added as those features land)."""
from __future__ import annotations

from pathlib import Path

from .results import Results


def measure_extras(root: Path, results: Results) -> None:
    results.add("narration", "offline engine speed", None, "x real time", ">= 100", note="not measured yet")
    results.add("feedback", "requests per second", None, "req/s", ">= 1000", note="not measured yet")
