"""The PDF step of `course build`: render (or reuse) every PDF and put it where the pages link it."""
from __future__ import annotations

import shutil


def render_pdfs_step(ctx) -> None:
    """ASSET step: PDFs into ``<lang docs>/pdf/`` before pages are written, so the action bar links them."""
    from .make_pdfs import make_pdfs
    from .settings import pdf_settings

    report = make_pdfs(ctx.course, pdf_settings(ctx.course.config))
    for result in report.results:
        target = ctx.lang_docs(result.document.lang) / result.document.published
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(result.file, target)
    ctx.count("pdf_rendered", len(report.rendered))
    ctx.count("pdf_cached", len(report.cached))
