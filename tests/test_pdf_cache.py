"""PDFs are cached like the audio: a rebuild with no change renders none, and a one-section edit
re-renders that lesson's PDF and its language's module PDF, nothing else."""
from pathlib import Path

from helpers import edit
from pdf_facts import squeeze
from pypdf import PdfReader

from build_tools.pipeline import build


def rendered_files(root: Path) -> dict[str, int]:
    cache = root / "build" / "cache" / "pdf"
    return {p.relative_to(cache).as_posix(): p.stat().st_mtime_ns for p in cache.rglob("*.pdf")}


def test_rebuild_renders_only_the_pdfs_whose_source_changed(fixture_course):
    first = build(fixture_course)
    assert first.stats["pdf_rendered"] == 15 and first.stats.get("pdf_cached", 0) == 0   # 5 languages x 3
    before = rendered_files(fixture_course)

    again = build(fixture_course)
    assert again.stats["pdf_rendered"] == 0 and again.stats["pdf_cached"] == 15
    assert rendered_files(fixture_course) == before

    edit(fixture_course / "content/el/01-basics.md", "Ένα πανκαναλικό κατάστημα τα συνδέει.\n",
         "Ένα πανκαναλικό κατάστημα τα συνδέει. Δοκιμαστική πρόταση.\n")
    edited = build(fixture_course)
    after = rendered_files(fixture_course)
    changed = sorted(name for name in after if after[name] != before[name])
    assert changed == ["el/pdf/01-basics.pdf", "el/pdf/omnichannel-module-el.pdf"]
    assert edited.stats["pdf_rendered"] == 2
    lesson = PdfReader(fixture_course / "site" / "el" / "pdf" / "01-basics.pdf")
    assert "Δοκιμαστική πρόταση." in squeeze(" ".join(page.extract_text() for page in lesson.pages))
