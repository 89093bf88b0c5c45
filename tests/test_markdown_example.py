"""The example lesson of tests/fixtures/markdown-example uses every piece of Markdown that
content/README.md documents; it checks clean and shows up right on the site, in the PDFs, in the
offline pack and in the narration. Its images: till.png in English and a Greek one, map.png in
English only (every language shows it)."""
from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest
from helpers import REPO, make_fixture_course
from pypdf import PdfReader

from build_tools.checks import run_checks
from build_tools.model import load_course
from build_tools.narration.text import spoken_text

EXAMPLE = REPO / "tests" / "fixtures" / "markdown-example"
NAME = "02-markdown-example.md"
LANGS = ("en", "el", "hu", "pl", "ru")
TILL_ALT = "A blue till screen showing an order ready for collection"


def add_example(root: Path) -> Path:
    for lang in LANGS:
        shutil.copy(EXAMPLE / "en" / NAME, root / "content" / lang / NAME)
    for lang in ("en", "el"):
        shutil.copytree(EXAMPLE / lang / "img", root / "content" / lang / "img")
    return root


@pytest.fixture(scope="module")
def built_example(tmp_path_factory) -> Path:
    from build_tools.pipeline import build

    root = add_example(make_fixture_course(tmp_path_factory.mktemp("example") / "course"))
    build(root)
    return root


def test_example_lesson_checks_clean(fixture_course):
    add_example(fixture_course)
    assert [p.format() for p in run_checks(load_course(fixture_course))] == []


def test_site_shows_tables_callouts_images_and_inline_html(built_example):
    html = (built_example / "site" / "02-markdown-example.html").read_text(encoding="utf-8")
    assert "<table>" in html and "<th>Step</th>" in html
    assert 'class="admonition tip"' in html and 'class="admonition warning"' in html
    assert "<dl>" in html
    assert f'<img alt="{TILL_ALT}" src="img/till.png"' in html
    assert '<span lang="fr">savoir-faire</span>' in html and "<kbd>Enter</kbd>" in html


def test_a_translation_uses_its_own_image_or_the_english_one(built_example):
    site = built_example / "site"
    assert (site / "el" / "img" / "till.png").read_bytes() == (EXAMPLE / "el" / "img" / "till.png").read_bytes()
    assert (site / "el" / "img" / "map.png").read_bytes() == (EXAMPLE / "en" / "img" / "map.png").read_bytes()
    assert (site / "ru" / "img" / "till.png").read_bytes() == (EXAMPLE / "en" / "img" / "till.png").read_bytes()
    assert 'src="img/till.png"' in (site / "el" / "02-markdown-example.html").read_text(encoding="utf-8")


def _figures(reader: PdfReader) -> list[tuple[str, list[float]]]:
    found = []

    def walk(node):
        node = node.get_object()
        if isinstance(node, list):
            for kid in node:
                walk(kid)
            return
        if not hasattr(node, "get"):
            return
        if node.get("/S") == "/Figure":
            found.append((str(node.get("/Alt")), [float(x) for x in node["/A"]["/BBox"]]))
        if node.get("/K") is not None:
            walk(node["/K"])

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    return found


def _image_streams(reader: PdfReader) -> set[bytes]:
    return {xobject.get_object().get_data() for page in reader.pages
            for xobject in page["/Resources"].get("/XObject", {}).values()}


def test_pdf_tags_each_image_as_figure_with_alt_text_scaled_to_the_page(built_example):
    reader = PdfReader(built_example / "site" / "pdf" / "omnichannel-en-02-markdown-example.pdf")
    figures = _figures(reader)
    assert [alt for alt, _ in figures] == [TILL_ALT, "A small green map of the shop floor"]
    page_width_px = float(reader.pages[0].mediabox.width) * 96 / 72    # WeasyPrint's boxes are in CSS px
    till_left, _, till_right, _ = figures[0][1]
    assert till_right - till_left < page_width_px < 1600      # the 1600 px picture was scaled down


def test_greek_pdf_prints_the_greek_image(built_example):
    english = _image_streams(PdfReader(built_example / "site" / "pdf" / "omnichannel-en-02-markdown-example.pdf"))
    greek = _image_streams(PdfReader(built_example / "site" / "el" / "pdf" / "omnichannel-el-02-markdown-example.pdf"))
    assert len(greek) == 2 and len(english & greek) == 1     # the map is shared, the till screen is Greek


def test_offline_pack_holds_the_images(built_example):
    with zipfile.ZipFile(built_example / "dist" / "el" / "omnichannel-el-offline-site.zip") as pack:
        names = set(pack.namelist())
    assert {"el/img/till.png", "el/img/map.png"} <= names


def test_narration_skips_images_and_reads_the_rest():
    text = (EXAMPLE / "en" / NAME).read_text(encoding="utf-8")
    section = text[text.index("## Images and links"):text.index("## Inline HTML")].split("\n", 1)[1]
    spoken = spoken_text(section)
    assert "glossary" in spoken and "till" not in spoken.lower() and "img/" not in spoken
    assert re.search(r"savoir-faire", spoken_text(text[text.index("## Inline HTML"):].split("\n", 1)[1]))


def test_content_readme_documents_the_html_allow_list_and_the_example():
    from build_tools.checks.markdown_body import ALLOWED_HTML, MAX_SECTION_WORDS
    from build_tools.images import LARGE_IMAGE_BYTES

    readme = (REPO / "content" / "README.md").read_text(encoding="utf-8")
    html_part = readme[readme.index("### HTML"):readme.index("### Files and front matter")]
    documented = set(re.findall(r"`<([a-z]+)[ >]", html_part.split("Any other tag")[0]))
    assert documented == set(ALLOWED_HTML)
    assert "tests/fixtures/markdown-example/en/02-markdown-example.md" in readme
    assert f"{MAX_SECTION_WORDS:,} words" in readme and f"{LARGE_IMAGE_BYTES // 1000} KB" in readme
    example = (EXAMPLE / "en" / NAME).read_text(encoding="utf-8")
    for needle in ("|---|", "!!! tip", "!!! warning \"", "\n:   ", "![", "](93-glossary.md)", "](https://", "<span lang=",
                   "<abbr title=", "<kbd>", "<br>", "### ", "\n1. ", "\n- "):
        assert needle in example, needle
