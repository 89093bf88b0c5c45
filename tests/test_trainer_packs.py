"""Packs for trainers in the built fixture course: a PDF pack and an offline copy of the site per
language, each with a README in its language and a manifest that matches; the downloads page lists
every pack that was made, with its real size, and links only files that exist."""
import re
import zipfile
from html import escape
from pathlib import Path

import pytest

from build_tools import artefact_paths
from build_tools.model import load_course
from build_tools.packs import verify_pack
from build_tools.site.downloads import human_size
from build_tools.trainer_packs.names import PACK_KINDS, pack_file, site_lang_dir
from build_tools.trainer_packs.offline_site import offline_downloads_page
from build_tools.trainer_packs.publish import complete_pack_entries

LANGS = ["en", "el", "hu", "pl", "ru"]


@pytest.fixture(scope="module")
def course(built_fixture):
    return load_course(built_fixture)


def readme(pack: Path) -> str:
    with zipfile.ZipFile(pack) as archive:
        return archive.read("README.txt").decode("utf-8")


def squeeze(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("lang", LANGS)
def test_pdf_pack_holds_the_module_then_every_page_pdf(built_fixture, course, lang):
    pack = built_fixture / "dist" / lang / pack_file("pdf", lang)
    assert verify_pack(pack) == []
    language = course.languages[lang]
    with zipfile.ZipFile(pack) as archive:
        names = archive.namelist()
    assert names == ["README.txt", "MANIFEST.json", f"omnichannel-module-{lang}.pdf", f"omnichannel-{lang}-01-basics.pdf",
                     f"omnichannel-{lang}-90-key-points.pdf"]
    assert squeeze(language.t("downloads.readme_pdf")) in squeeze(readme(pack))
    assert readme(pack).startswith(f"{language.home.title} ({language.name})\n")


@pytest.mark.parametrize("lang", LANGS)
def test_offline_site_pack_holds_one_language_and_no_packs(built_fixture, course, lang):
    pack = built_fixture / "dist" / lang / pack_file("offline-site", lang)
    assert verify_pack(pack) == []
    prefix = "" if lang == "en" else f"{lang}/"
    with zipfile.ZipFile(pack) as archive:
        names = set(archive.namelist())
        downloads = archive.read(f"{prefix}94-downloads.html").decode("utf-8")
        start = archive.read("index.html").decode("utf-8")
    language = course.languages[lang]
    assert {f"{prefix}index.html", f"{prefix}01-basics.html", f"{prefix}pdf/omnichannel-{lang}-01-basics.pdf",
            f"{prefix}{artefact_paths.module_pdf(lang)}", "search/search_index.js"} <= names
    assert any(n.startswith("assets/stylesheets/") and n.endswith(".css") for n in names)
    others = [code for code in LANGS if code != lang]
    assert not [n for n in names if n.split("/")[0] in others or "packs/" in n or n.endswith(".map")]
    if lang != "en":
        assert not [n for n in names if "/" not in n and n.endswith(".html") and n != "index.html"]
        assert f'url={lang}/index.html' in start
    assert "data-course-pack=" not in downloads and 'href="packs/' not in downloads
    assert escape(language.t("downloads.offline_note")) in downloads
    assert squeeze(language.t("downloads.readme_offline")) in squeeze(readme(pack))


@pytest.mark.parametrize("lang", LANGS)
def test_downloads_page_lists_each_pack_made_with_its_size(built_fixture, course, lang):
    language = course.languages[lang]
    site = site_lang_dir(built_fixture / "site", lang, "en")
    html = (site / "94-downloads.html").read_text(encoding="utf-8")
    for anchor in ("pdf", "audio", "packs"):
        assert f'id="{anchor}"' in html
    made = [kind for kind in PACK_KINDS if (built_fixture / "dist" / lang / pack_file(kind, lang)).is_file()]
    assert {"pdf", "offline-site"} <= set(made)
    listed = re.findall(r'data-course-pack="([a-z0-9-]+)"><a href="packs/([^"]+)" download>.*?<span class="course-size">\((.*?)\)</span></li>',
                        html)
    assert [kind for kind, _, _ in listed] == made
    for kind, name, size in listed:
        dist = built_fixture / "dist" / lang / name
        assert (site / "packs" / name).read_bytes() == dist.read_bytes()
        assert size == human_size(dist.stat().st_size, language)
    module = site / artefact_paths.module_pdf(lang)
    assert f'href="{artefact_paths.module_pdf(lang)}" download>{language.t("downloads.module_pdf")}</a> ' \
           f'<span class="course-size">({human_size(module.stat().st_size, language)})</span>' in html


def test_sizes_read_naturally_in_each_language(course):
    assert human_size(999, course.languages["en"]) == "1\u00a0kB"
    assert human_size(1_234_567, course.languages["en"]) == "1.2\u00a0MB"
    assert human_size(1_234_567, course.languages["el"]) == "1,2\u00a0MB"
    assert human_size(48_000, course.languages["ru"]) == "48\u00a0КБ"


def test_publishing_fills_in_sizes_and_drops_packs_that_were_not_made():
    page = ('<ul>\n<li class="course-pack" data-course-pack="pdf"><a href="packs/p.zip" download>PDF</a> '
            '<span class="course-size" data-course-size=""></span></li>\n'
            '<li class="course-pack" data-course-pack="audio"><a href="packs/a.zip" download>Audio</a> '
            '<span class="course-size" data-course-size=""></span></li>\n</ul>')
    done = complete_pack_entries(page, {"pdf": "12 kB"})
    assert 'href="packs/p.zip"' in done and '<span class="course-size">(12 kB)</span>' in done
    assert "packs/a.zip" not in done and "data-course-size" not in done
    offline = offline_downloads_page(page, "Packs are on the website.")
    assert offline == '<ul>\n<li class="course-pack-note">Packs are on the website.</li>\n</ul>'
