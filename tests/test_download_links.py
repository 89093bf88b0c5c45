"""Every "Download" action and every pack and file link on every page of the built fixture
course leads to a file that exists (the real course: tests/e2e/test_real_course_pdfs.py)."""
from download_links import crawl, name_clashes

from build_tools.model import load_course


def test_every_download_and_pack_link_of_the_fixture_site_exists(built_fixture):
    site = built_fixture / "site"
    links, broken = crawl(site)
    assert broken == []
    assert name_clashes(site, links) == []
    course = load_course(built_fixture)
    for code, language in course.languages.items():
        folder = site if code == "en" else site / code
        for lesson in language.lessons:
            actions = [l.href for l in links if l.kind == "download-action" and l.page == folder / lesson.html_name]
            assert actions == [f"pdf/omnichannel-{code}-{lesson.stem}.pdf"], "a lesson's Download action gives that lesson's PDF"
        audio = [l.href for l in links if l.page == folder / "94-downloads.html" and l.href.endswith(".mp3")]
        assert audio and all(href.startswith(f"audio/omnichannel-{code}-") for href in audio)
        packs = [l.href for l in links if l.page == folder / "94-downloads.html" and l.href.startswith("packs/")]
        assert len(packs) >= 2
