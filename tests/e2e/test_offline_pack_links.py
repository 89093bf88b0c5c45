"""Every offline pack of the real course, unzipped as a trainer would and read as from file://:
each local href/src of each page leads to a file inside the pack, and no page links to (or
names as an alternate) a language the pack does not hold."""
import zipfile
from pathlib import Path

import pytest

from build_tools.config import load_config
from build_tools.trainer_packs.names import pack_file
from helpers import REPO
from site_links import broken_local_links, links_of

CODES = load_config(REPO).language_codes


@pytest.fixture(scope="module")
def unzipped(built_course, tmp_path_factory):
    folders = {}
    for code in CODES:
        target = tmp_path_factory.mktemp(f"pack-{code}")
        with zipfile.ZipFile(built_course / "dist" / code / pack_file("offline-site", code)) as archive:
            archive.extractall(target)
        folders[code] = target
    return folders


@pytest.mark.parametrize("code", CODES)
def test_every_local_link_of_the_pack_resolves(unzipped, code):
    root: Path = unzipped[code]
    assert len(list(root.rglob("*.html"))) >= 10
    assert broken_local_links(root) == []


@pytest.mark.parametrize("code", CODES)
def test_pack_links_no_other_language(unzipped, code):
    root: Path = unzipped[code]
    others = set(CODES) - {code}
    for page in root.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "md-select__link" not in html, f"{page}: a language menu in a one-language pack"
        for url, attrs in links_of(html):
            assert attrs.get("hreflang") in (None, code), f"{page.relative_to(root)}: {url} ({attrs.get('hreflang')})"
            first = url.split("/")[0] if not url.startswith("../") else url.split("/")[1]
            assert first not in others, f"{page.relative_to(root)}: {url}"
