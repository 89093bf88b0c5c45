"""The PDF steps of `course build`: start rendering early, collect the PDFs once the site exists.

WeasyPrint takes seconds per PDF and needs nothing the other steps make, so the renders run in
worker processes (one per core) while narration, pages and the site generator run. The pages
only need to know which PDFs there will be: a PDF still being rendered is an empty placeholder
in the generated docs meanwhile (the downloads page gives it a size slot, like the packs'), and
``collect_pdfs_step``, after the site step, puts each PDF in the docs and in the site and writes
its size on the downloads page, before any pack is made from them.
"""
from __future__ import annotations

import shutil

from ..artefact_paths import site_lang_dir

PENDING = "pdf_pending"


def start_pdfs_step(ctx) -> None:
    """ASSET step, first: cached PDFs into ``<lang docs>/pdf/``, the rest started in the background."""
    from .make_pdfs import start_pdfs
    from .settings import pdf_settings

    pending = start_pdfs(ctx.course, pdf_settings(ctx.course.config))
    ctx.on_close(pending.abandon)
    rendering = {document.artefact for document, _, _ in pending.todo}
    for result in pending.report.results:
        target = ctx.lang_docs(result.document.lang) / result.document.published
        target.parent.mkdir(parents=True, exist_ok=True)
        if result.document.artefact in rendering:
            target.write_bytes(b"")          # a placeholder: links and the action bar see the PDF coming
        else:
            shutil.copyfile(result.file, target)
    ctx.products[PENDING] = pending
    ctx.count("pdf_cached", len(pending.report.cached))


def collect_pdfs_step(ctx) -> None:
    """After the site step: wait for the renders, then place each PDF and its size."""
    from ..site.downloads import fill_pdf_sizes

    pending = ctx.products.pop(PENDING, None)
    if pending is None:
        return
    report = pending.wait()
    config = ctx.course.config
    rendered = set(report.rendered)
    for result in report.results:
        if result.document.artefact not in rendered:
            continue
        for root in (ctx.lang_docs(result.document.lang),
                     site_lang_dir(ctx.site_dir, result.document.lang, config.source_language)):
            target = root / result.document.published
            if target.parent.is_dir():
                shutil.copyfile(result.file, target)
    for code, language in ctx.course.languages.items():
        fill_pdf_sizes(language, ctx.lang_docs(code), site_lang_dir(ctx.site_dir, code, config.source_language))
    ctx.count("pdf_rendered", len(report.rendered))

