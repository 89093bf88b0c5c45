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


def test_pdfs_rendered_during_the_build_reach_site_packs_and_downloads_page(fixture_course):
    """PDFs render in worker processes while the site is generated (pdf/step.py): once the build
    is done every PDF in the site, the PDF pack and the offline pack is the rendered file, and the
    downloads page gives each its size (no slot left empty)."""
    import re
    import zipfile

    from build_tools.site.downloads import human_size

    first = build(fixture_course)
    assert first.stats["pdf_rendered"] == 15
    cache = pdf_cache_dir(load_course(fixture_course))
    language = load_course(fixture_course).languages["el"]
    site = fixture_course / "site/el"
    html = (site / "94-downloads.html").read_text(encoding="utf-8")
    assert "data-course-pdf" not in html
    listed = re.findall(r'<a href="(pdf/[^"]+)" download>.*?</a> <span class="course-size">\((.*?)\)</span>', html)
    assert len(listed) == 3
    for relative, size in listed:
        rendered = (cache / "el" / relative).read_bytes()
        assert rendered.startswith(b"%PDF") and (site / relative).read_bytes() == rendered
        assert size == human_size(len(rendered), language)
    with zipfile.ZipFile(fixture_course / "dist/el/omnichannel-el-pdf.zip") as pack:
        for relative, _ in listed:
            assert pack.read(relative.removeprefix("pdf/")) == (cache / "el" / relative).read_bytes()
    with zipfile.ZipFile(fixture_course / "dist/el/omnichannel-el-offline-site.zip") as pack:
        assert "data-course-pdf" not in pack.read("el/94-downloads.html").decode("utf-8")
        for relative, _ in listed:
            assert pack.read(f"el/{relative}") == (cache / "el" / relative).read_bytes()


def test_a_build_that_fails_while_pdfs_render_stops_them_and_keeps_the_finished(fixture_course):
    edit(fixture_course / "mkdocs.yml", "  name: material", "  name: no-such-theme")
    try:
        build(fixture_course)
    except Exception as exc:        # the site step fails while the PDFs are still rendering
        assert "site generator" in str(exc)
    else:
        raise AssertionError("the build should have failed")
    assert not (fixture_course / "site").exists()
    kept = rendered_files(fixture_course)
    assert kept, "the renders that had started were finished and recorded"
    edit(fixture_course / "mkdocs.yml", "  name: no-such-theme", "  name: material")
    rebuilt = build(fixture_course)
    assert rebuilt.stats["pdf_rendered"] == 15 - rebuilt.stats["pdf_cached"]
    assert rebuilt.stats["pdf_cached"] >= len(kept) > 0
