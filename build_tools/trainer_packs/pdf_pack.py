"""The PDF pack of each language: the whole-module PDF first, then every lesson's PDF."""
from __future__ import annotations

from .. import artefact_paths
from ..packs import PackMember, write_pack
from .names import dist_pack
from .readme import pack_readme


def make_pdf_packs(ctx) -> None:
    """PACK step: ``dist/<lang>/omnichannel-<lang>-pdf.zip`` from the PDFs the pdf step placed."""
    for code, language in ctx.course.languages.items():
        pdf_dir = ctx.lang_docs(code) / "pdf"
        module = ctx.lang_docs(code) / artefact_paths.module_pdf(code)
        files = sorted(pdf_dir.glob("*.pdf"), key=lambda p: (p != module, p.name))
        if not files:
            continue
        members = [PackMember(path.name, path) for path in files]
        write_pack(dist_pack(ctx.dist_dir, "pdf", code), members, pack_readme(ctx.course, language, "downloads.readme_pdf"),
                   cache_dir=ctx.course.config.cache_dir / "packs")
        ctx.count("packs")
