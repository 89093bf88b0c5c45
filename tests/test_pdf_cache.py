"""PDFs are cached like the audio: a rebuild with no change renders none, and a one-section edit
re-renders that lesson's PDF and its language's module PDF, nothing else."""
from pathlib import Path

from helpers import edit
from pdf_facts import squeeze
from pypdf import PdfReader

from build_tools.model import load_course
from build_tools.pdf.make_pdfs import make_pdfs, pdf_cache_dir
from build_tools.pdf.settings import pdf_settings
from build_tools.pipeline import build


def rendered_files(root: Path) -> dict[str, int]:
    cache = pdf_cache_dir(load_course(root))
    return {p.relative_to(cache).as_posix(): p.stat().st_mtime_ns for p in cache.rglob("*.pdf")}


def render_again(root: Path):
    course = load_course(root)
    return make_pdfs(course, pdf_settings(course.config))


def test_rebuild_renders_only_the_pdfs_whose_source_changed(fixture_course):
    first = build(fixture_course)
    assert first.stats["pdf_rendered"] == 15 and first.stats.get("pdf_cached", 0) == 0   # 5 languages x 3
    before = rendered_files(fixture_course)

    unchanged = render_again(fixture_course)
    assert unchanged.rendered == [] and len(unchanged.cached) == 15
    assert rendered_files(fixture_course) == before

    edit(fixture_course / "content/el/01-basics.md", "Ένα πανκαναλικό κατάστημα τα συνδέει.\n",
         "Ένα πανκαναλικό κατάστημα τα συνδέει. Δοκιμαστική πρόταση.\n")
    edited = render_again(fixture_course)
    assert sorted(edited.rendered) == ["el/pdf/omnichannel-el-01-basics.pdf", "el/pdf/omnichannel-module-el.pdf"]
    after = rendered_files(fixture_course)
    assert sorted(name for name in after if after[name] != before[name]) == sorted(edited.rendered)
    lesson = PdfReader(pdf_cache_dir(load_course(fixture_course)) / "el/pdf/omnichannel-el-01-basics.pdf")
    assert "Δοκιμαστική πρόταση." in squeeze(" ".join(page.extract_text() for page in lesson.pages))

    rebuilt = build(fixture_course)             # the build uses the same cache
    assert rebuilt.stats["pdf_rendered"] == 0 and rebuilt.stats["pdf_cached"] == 15
    assert (fixture_course / "site/el/pdf/omnichannel-el-01-basics.pdf").read_bytes() == \
        (pdf_cache_dir(load_course(fixture_course)) / "el/pdf/omnichannel-el-01-basics.pdf").read_bytes()
