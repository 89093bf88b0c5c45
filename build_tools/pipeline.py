"""`course build`: check, derived assets, generated pages, site, packs — atomically.

Everything is built into a temporary folder beside ``site/`` and ``dist/`` and swapped in
only when every step succeeded, so a failed build leaves the previous output untouched.
"""
from __future__ import annotations

import os
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .checks import run_checks
from .lms.package import make_lms_packages
from .errors import CourseError, Problem
from .model import Course, load_course
from .narration.steps import audio_pack_step, narration_step
from .progress import log, progress_log
from .pdf.step import collect_pdfs_step, start_pdfs_step
from .site.pages import write_generated_docs
from .trainer_packs.offline_site import make_offline_site_packs
from .trainer_packs.pdf_pack import make_pdf_packs
from .trainer_packs.publish import publish_packs

PIPELINE_ENV = "COURSE_PIPELINE"


@dataclass
class BuildContext:
    course: Course
    work_dir: Path          # private to this build: generated docs, new site and dist
    stats: dict[str, int] = field(default_factory=dict)
    lms_request: tuple[str, tuple[str, ...]] | None = None   # `course export KIND --lang L`: also make this one
    timings: dict[str, float] = field(default_factory=dict)
    # What one step works out and a later step needs again (e.g. the narration plans for the
    # audio packs), so that a no-op build does not work it out twice.
    products: dict[str, object] = field(default_factory=dict)
    # What a step left running (PDF renders) and how to stop it if the build fails before it is collected.
    closers: list[Callable[[], None]] = field(default_factory=list)

    @property
    def docs_dir(self) -> Path:
        return self.work_dir / "docs"

    @property
    def site_dir(self) -> Path:
        return self.work_dir / "site"

    @property
    def dist_dir(self) -> Path:
        return self.work_dir / "dist"

    def lang_docs(self, code: str) -> Path:
        return self.docs_dir / code

    def count(self, name: str, n: int = 1) -> None:
        self.stats[name] = self.stats.get(name, 0) + n

    def on_close(self, closer: Callable[[], None]) -> None:
        self.closers.append(closer)

    def close(self) -> None:
        while self.closers:
            self.closers.pop()()


Step = Callable[[BuildContext], None]


def generate_pages(ctx: BuildContext) -> None:
    changed = write_generated_docs(ctx.course, ctx.docs_dir)
    ctx.count("pages_written", changed)


def run_site_generator(ctx: BuildContext) -> None:
    from .site.generator import build_site, publish_language_sitemaps
    from .site.search_index import split_search_index

    config = ctx.course.config
    build_site(config, ctx.docs_dir, ctx.site_dir)
    publish_language_sitemaps(ctx.site_dir, [c for c in config.language_codes if c != config.source_language])
    split_search_index(ctx.site_dir, config.language_codes, config.source_language)


# Steps that derive files into the generated docs folder before the pages are written
# (narration, PDFs, quiz data), then the site, then what is made from the site (packs).
# The PDFs render in worker processes from the first step until "pdf-collect" (pdf/step.py),
# so that WeasyPrint uses the second core while narration, pages and MkDocs use the first.
ASSET_STEPS: list[tuple[str, Step]] = [("pdf", start_pdfs_step), ("audio", narration_step)]
SITE_STEPS: list[tuple[str, Step]] = [("pages", generate_pages), ("site", run_site_generator)]
COLLECT_STEPS: list[tuple[str, Step]] = [("pdf-collect", collect_pdfs_step)]
PACK_STEPS: list[tuple[str, Step]] = [("audio-pack", audio_pack_step), ("pdf-packs", make_pdf_packs), ("offline-site-packs", make_offline_site_packs),
                                     ("lms-packages", make_lms_packages)]
# Last, once every pack exists: copy the packs into the site and put their sizes on the
# downloads pages (build_tools/trainer_packs/publish.py says why this comes after the site).
PUBLISH_STEPS: list[tuple[str, Step]] = [("publish-packs", publish_packs)]


def ensure_valid(course: Course) -> list[Problem]:
    problems = run_checks(course)
    errors = [p for p in problems if p.is_error]
    for warning in (p for p in problems if not p.is_error):
        log.warning(warning.format())
    if errors:
        raise CourseError(errors)
    return problems


def _swap_in(new: Path, target: Path) -> None:
    old = target.with_name(f".{target.name}.old")
    if old.exists():
        shutil.rmtree(old)
    if target.exists():
        target.rename(old)
    new.rename(target)
    if old.exists():
        shutil.rmtree(old)


def run_steps(ctx: BuildContext, steps: list[tuple[str, Step]]) -> None:
    for name, step in steps:
        started = time.perf_counter()
        step(ctx)
        ctx.timings[name] = time.perf_counter() - started
        progress_log.debug(f"[{name}] {ctx.timings[name]:.2f}s")


def build(root: Path | str = ".", steps: list[tuple[str, Step]] | None = None,
          site_dir: Path | None = None, dist_dir: Path | None = None,
          lms_request: tuple[str, tuple[str, ...]] | None = None) -> BuildContext:
    """Build site/ and dist/ for every language. Raises CourseError and leaves old output on failure.

    ``site_dir``/``dist_dir`` override where the output goes (tests build the real course elsewhere).
    """
    course = load_course(root)
    ensure_valid(course)
    config = course.config
    site_target = Path(site_dir) if site_dir else config.site_dir
    dist_target = Path(dist_dir) if dist_dir else config.dist_dir
    site_target.parent.mkdir(parents=True, exist_ok=True)
    dist_target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".build-", dir=site_target.parent))
    ctx = BuildContext(course, work, lms_request=lms_request)
    ctx.dist_dir.mkdir(parents=True)
    ctx.docs_dir.mkdir(parents=True)
    os.environ[PIPELINE_ENV] = "1"
    try:
        run_steps(ctx, steps if steps is not None else ASSET_STEPS + SITE_STEPS + COLLECT_STEPS + PACK_STEPS + PUBLISH_STEPS)
        ctx.close()
        _swap_in(ctx.site_dir, site_target)
        _swap_in(ctx.dist_dir, dist_target)
    finally:
        ctx.close()
        os.environ.pop(PIPELINE_ENV, None)
        shutil.rmtree(work, ignore_errors=True)
    progress_log.info(f"built {site_target} and {dist_target} for {', '.join(config.language_codes)}")
    return ctx


def refresh_generated_docs(root: Path | str) -> None:
    """For plain `mkdocs build`/`mkdocs serve`: regenerate pages unless `course build` is already doing it."""
    if os.environ.get(PIPELINE_ENV):
        return
    from .preview import inputs_fingerprint, is_preview, write_error_pages

    fingerprint = inputs_fingerprint(Path(root)) if is_preview() else None
    if fingerprint is not None and fingerprint == _refreshed.get(str(root)):
        return          # the i18n plugin calls this once per language: check and print once per change
    course = load_course(root)
    try:
        ensure_valid(course)
    except CourseError as exc:
        if not is_preview():
            raise
        _refreshed[str(root)] = fingerprint
        for problem in exc.problems:        # course preview: say it here and on every page
            log.error(problem.format())
        write_error_pages(course.config.docs_dir, course.config.language_codes, exc.problems)
        return
    write_generated_docs(course, course.config.docs_dir)
    _refreshed[str(root)] = fingerprint


_refreshed: dict[str, str] = {}
