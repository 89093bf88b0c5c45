"""`make bench` figures for the LMS packages (build_tools/bench/later.py calls bench_figures):
each package's size, and the time to make it from the built site without the pack cache."""
from __future__ import annotations

import tempfile
import time
from pathlib import Path

from ..model import load_course
from ..packs import _zip_pack
from ..trainer_packs.names import dist_pack
from ..trainer_packs.readme import pack_readme
from .package import README_KEYS, package_members
from .settings import PACKAGE_KINDS, load_lms_settings


def bench_figures(root: Path, results) -> None:
    """``root`` is the benchmark's built copy of the course (site/ and dist/ exist)."""
    course = load_course(root)
    settings = load_lms_settings(course.config)
    lang = "el" if "el" in course.languages else course.config.source_language
    for kind in PACKAGE_KINDS:
        sizes = [dist_pack(root / "dist", kind, code).stat().st_size for code in course.languages
                 if dist_pack(root / "dist", kind, code).is_file()]
        if sizes:
            results.add("lms", f"{kind} package, largest of {len(sizes)} languages", max(sizes) / 1e6, "MB")
        with tempfile.TemporaryDirectory() as tmp:
            started = time.perf_counter()
            members = package_members(root / "site", course, lang, kind, Path(tmp) / "scratch", settings)
            _zip_pack(Path(tmp) / "package.zip", members, pack_readme(course, course.languages[lang], README_KEYS[kind]))
            results.add("lms", f"{kind} package ({lang}): made without the cache", time.perf_counter() - started, "s")
