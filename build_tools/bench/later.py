"""Figures the benchmark reports once the feature they measure has landed (issue 18).

Each entry names the module the feature will live in. Until it exists the table shows the
figure as n/a with the reason, never a made-up number. When the feature lands, its module
defines ``bench_figures(root: Path, results: Results) -> None`` (build the packages or run
the command on the benchmark's copy of the course, then ``results.add(...)``) and the row
fills itself in; nothing here needs to change.
"""
from __future__ import annotations

import importlib
import importlib.util
from pathlib import Path

from .results import Results

LATER = [
    ("lms", "each LMS package: size and build time", "build_tools.lms", "'LMS packages…'"),
    ("quiz", "course quiz stats over 10,000 attempts", "build_tools.stats", "'Results for trainers…'"),
]


def _module(name: str):
    try:
        return importlib.import_module(name) if importlib.util.find_spec(name) else None
    except ModuleNotFoundError:
        return None


def measure_later(root: Path, results: Results) -> None:
    for group, figure, module_name, issue in LATER:
        module = _module(module_name)
        measure = getattr(module, "bench_figures", None) if module else None
        if measure is None:
            results.add(group, figure, None, note=f"not measured yet: {module_name}.bench_figures "
                                                  f"does not exist (issue {issue})")
        else:
            measure(root, results)
