"""WeasyPrint: one print document to one tagged PDF (PDF/UA-1) with our stylesheet and fonts.

The structure tree is ours (structure_tree.py), in WeasyPrint's place while a PDF is written.
Runs in worker processes, so it takes and returns only plain values.
"""
from __future__ import annotations

import logging
import os
from logging.handlers import BufferingHandler
from functools import lru_cache
from pathlib import Path

from importlib.metadata import version

from ..cache import digest
from .glyphs import font_paths
from .hyphenation import standard_hyphenation
from .structure_tree import tagging_for_weasyprint

PRINT_CSS = Path(__file__).resolve().parent / "print.css"
# PDF/UA-1: a tagged PDF (structure tree, reading order) whose catalog names the
# document's language, taken from <html lang>.
RENDER_OPTIONS = {"pdf_variant": "pdf/ua-1"}


@lru_cache(maxsize=1)
def renderer_key() -> str:
    """Everything besides the HTML that shapes a PDF: stylesheet, fonts, WeasyPrint and its options."""
    # The installed version, read without importing WeasyPrint (over a second): a build whose PDFs
    # are all cached never loads it.
    return digest(PRINT_CSS, *font_paths(), version("weasyprint"), RENDER_OPTIONS,
                  Path(__file__).with_name("structure_tree.py"), Path(__file__).with_name("hyphenation.py"))


def render_pdf(html: str, target: str) -> list[str]:
    """Write ``html`` as a PDF to ``target`` (atomically); returns WeasyPrint's warnings."""
    import weasyprint
    from weasyprint.text.fonts import FontConfiguration

    collector = BufferingHandler(capacity=100_000)
    collector.setLevel(logging.WARNING)
    weasy_log = logging.getLogger("weasyprint")
    weasy_log.addHandler(collector)
    try:
        fonts = FontConfiguration()
        stylesheet = weasyprint.CSS(filename=str(PRINT_CSS), font_config=fonts)
        path = Path(target)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")   # two builds at once never share one
        with tagging_for_weasyprint(), standard_hyphenation():
            weasyprint.HTML(string=html, base_url=str(PRINT_CSS.parent)).write_pdf(
                tmp, stylesheets=[stylesheet], font_config=fonts, **RENDER_OPTIONS)
        tmp.replace(path)
    finally:
        weasy_log.removeHandler(collector)
    return [record.getMessage() for record in collector.buffer]
