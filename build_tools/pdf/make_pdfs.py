"""Render the PDFs a course needs, in parallel, re-rendering only those whose source changed.

Each PDF's key is a digest of its print HTML (which holds exactly the text, order and labels
that shape it) and of the renderer (stylesheet, font files, WeasyPrint version and options).
Rendered files live in ``build/cache/pdf/<lang>/pdf/...`` with a manifest of artefact -> key.
"""
from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..cache import Manifest, digest
from ..errors import CourseError
from ..model import Course
from ..progress import Progress, log
from .glyphs import TextSource, check_glyphs, visible_text
from .print_html import PrintDocument, documents_for
from .render import render_pdf, renderer_key
from .settings import PdfSettings

# Workers fork from a server that has already imported WeasyPrint: quick to start, and safe
# in a process with threads (test browsers, servers), unlike a plain fork.
_WORKERS = multiprocessing.get_context("forkserver")
_WORKERS.set_forkserver_preload(["build_tools.pdf.render"])


@dataclass
class PdfResult:
    document: PrintDocument
    file: Path               # the rendered PDF in the cache


@dataclass
class PdfReport:
    results: list[PdfResult] = field(default_factory=list)
    rendered: list[str] = field(default_factory=list)     # artefacts rendered this time
    cached: list[str] = field(default_factory=list)       # artefacts taken from the cache

    def for_language(self, code: str) -> list[PdfResult]:
        return [r for r in self.results if r.document.lang == code]


def pdf_cache_dir(course: Course) -> Path:
    return course.config.cache_dir / "pdf"


def document_key(document: PrintDocument) -> str:
    return digest(document.html, renderer_key())


def check_document_glyphs(document: PrintDocument) -> None:
    """First the texts from the inputs (named by file and line), then whatever the template added."""
    check_glyphs(document.sources, document.artefact)
    check_glyphs([TextSource(f"build_tools/pdf/templates (print HTML of {document.artefact})", 0,
                             visible_text(document.html))], document.artefact)


class PendingPdfs:
    """PDFs being rendered in worker processes while the caller does other work.

    :meth:`wait` collects them (recording each in the cache manifest) and returns the report;
    :meth:`abandon` stops what has not started, keeps what has finished, and saves the manifest:
    for a build that failed elsewhere meanwhile."""

    def __init__(self, todo: list[tuple[PrintDocument, str, Path]], jobs: int, manifest: Manifest,
                 progress: Progress, report: PdfReport):
        self.manifest, self.progress, self.report = manifest, progress, report
        self.todo = todo
        self._closed = False
        self._pool: ProcessPoolExecutor | None = None
        self._futures: list[tuple[PrintDocument, str, Future]] = []
        workers = min(len(todo), jobs or os.cpu_count() or 1)
        if workers > 1:
            self._pool = ProcessPoolExecutor(workers, mp_context=_WORKERS)
            self._futures = [(document, key, self._pool.submit(render_pdf, document.html, str(target)))
                             for document, key, target in todo]

    def _finished(self, document: PrintDocument, key: str, warnings: list[str]) -> None:
        for warning in warnings:
            log.warning(f"{document.artefact}: WeasyPrint: {warning}")
        self.manifest.record(document.artefact, key)
        self.report.rendered.append(document.artefact)
        self.progress.advance("rendered")

    def wait(self) -> PdfReport:
        try:
            if self._pool is None:
                for document, key, target in self.todo:
                    self._finished(document, key, _result(document, lambda: render_pdf(document.html, str(target))))
            else:
                for document, key, future in self._futures:
                    self._finished(document, key, _result(document, future.result))
        finally:
            self.abandon()
        return self.report

    def abandon(self) -> None:
        if self._closed:
            return
        self._closed = True
        if self._pool is not None:
            for _, _, future in self._futures:
                future.cancel()
            self._pool.shutdown(wait=True)
            for document, key, future in self._futures:
                if future.done() and not future.cancelled() and future.exception() is None \
                        and document.artefact not in self.report.rendered:
                    self.manifest.record(document.artefact, key)    # rendered whole: the next build keeps it
            self._pool = None
        self.manifest.save()
        self.progress.close()


def _result(document: PrintDocument, get: Callable[[], list[str]]) -> list[str]:
    try:
        return get()
    except Exception as exc:  # WeasyPrint raises many types; the build reports one clear error
        raise CourseError.at(document.artefact, 0, f"rendering the PDF failed: {type(exc).__name__}: {exc}",
                             "check the print template and stylesheet in build_tools/pdf/; "
                             "'course pdf -v --lang LANG' renders one language") from exc


def make_pdfs(course: Course, settings: PdfSettings, languages: list[str] | None = None) -> PdfReport:
    """Every PDF of ``languages`` (default: all), rendered into the cache where not fresh."""
    return start_pdfs(course, settings, languages).wait()


def start_pdfs(course: Course, settings: PdfSettings, languages: list[str] | None = None) -> PendingPdfs:
    """As :func:`make_pdfs`, but returns as soon as the renders have started (the report's
    ``results`` and ``cached`` are complete already; ``rendered`` once waited for)."""
    codes = languages or list(course.languages)
    documents = [d for code in codes for d in documents_for(course, course.languages[code], settings)]
    cache = pdf_cache_dir(course)
    manifest = Manifest.in_folder(cache)
    report = PdfReport()
    todo = []
    progress = Progress("pdf", len(documents), ("rendered", "cached"))
    for document in documents:
        key, target = document_key(document), cache / document.artefact
        report.results.append(PdfResult(document, target))
        if manifest.is_fresh(document.artefact, key, target):
            report.cached.append(document.artefact)
            progress.advance("cached")
        else:
            todo.append((document, key, target))
    try:
        for document, _, _ in todo:       # a cached PDF had the same HTML and fonts when it was checked
            check_document_glyphs(document)
    except BaseException:
        progress.close()
        raise
    return PendingPdfs(todo, settings.jobs, manifest, progress, report)
