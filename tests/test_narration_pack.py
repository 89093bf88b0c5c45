"""The trainers' audio pack of the built fixture course: every track in lesson order with
numbered names, playlists, a track list with titles and durations, a README in the pack's
language; and the site's lesson pages play tracks that exist."""
import re
import zipfile
from html.parser import HTMLParser

import pytest
from audio_facts import decode

from build_tools.packs import verify_pack

LANGS = ["en", "el", "hu", "pl", "ru"]
TRACKS = ["01-00-basics.mp3", "01-01-what-is-omnichannel.mp3", "01-02-channels.mp3",
          "02-00-key-points.mp3", "02-01-remember.mp3"]


def numbered(lang):
    """Track names carry the language, so the tracks of several languages can share a folder."""
    return [f"omnichannel-{lang}-{name}" for name in TRACKS]


def pack(built, lang):
    return built / "dist" / lang / f"omnichannel-{lang}-audio.zip"


@pytest.mark.parametrize("lang", LANGS)
def test_pack_holds_every_track_in_lesson_order(built_fixture, lang):
    path = pack(built_fixture, lang)
    assert verify_pack(path) == []
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        assert names[:5] == ["README.txt", "MANIFEST.json", "playlist.m3u", "playlist-sections.m3u", "tracks.txt"]
        assert names[5:] == numbered(lang)
        for name in numbered(lang):
            sound = decode(archive.read(name))
            assert sound.seconds > 1 and sound.rms() > 500


def test_playlists_list_whole_lessons_and_sections(built_fixture):
    with zipfile.ZipFile(pack(built_fixture, "el")) as archive:
        lessons = archive.read("playlist.m3u").decode("utf-8").splitlines()
        sections = archive.read("playlist-sections.m3u").decode("utf-8").splitlines()
    assert lessons[0] == "#EXTM3U"
    names = numbered("el")
    assert [line for line in lessons if not line.startswith("#")] == [names[0], names[3]]
    assert [line for line in sections if not line.startswith("#")] == [names[1], names[2], names[4]]
    assert re.fullmatch(r"#EXTINF:\d+,Τα κανάλια", sections[sections.index(names[2]) - 1])


def test_track_list_gives_titles_and_real_durations(built_fixture):
    with zipfile.ZipFile(pack(built_fixture, "hu")) as archive:
        listing = archive.read("tracks.txt").decode("utf-8").splitlines()
        seconds = {name: decode(archive.read(name)).seconds for name in numbered("hu")}
    for name, length in seconds.items():
        line = next(line for line in listing if line.startswith(name))
        minutes, secs = re.search(r"(\d+):(\d\d)", line[len(name):]).groups()
        assert int(minutes) * 60 + int(secs) == round(length)
    assert "Az omnichannel alapjai (a teljes lecke)" in "\n".join(listing)


def test_readme_is_in_the_packs_language(built_fixture):
    with zipfile.ZipFile(pack(built_fixture, "pl")) as archive:
        readme = archive.read("README.txt").decode("utf-8")
    assert readme.startswith("Nagrania lektorskie kursu „")
    assert "Całe lekcje: 2; części: 3;" in readme and "{" not in readme


class AudioButtons(HTMLParser):
    def __init__(self):
        super().__init__()
        self.sources = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "data-course-audio" in attrs:
            self.sources.append((tag, attrs["data-course-audio"], attrs.get("class", "")))


@pytest.mark.parametrize("lang", LANGS)
def test_every_narrated_page_plays_its_lesson_and_section_tracks(built_fixture, lang):
    folder = built_fixture / "site" / ("" if lang == "en" else lang)
    for page, sections in (("01-basics", ["what-is-omnichannel", "channels"]), ("90-key-points", ["remember"])):
        parser = AudioButtons()
        parser.feed((folder / f"{page}.html").read_text(encoding="utf-8"))
        assert [src for _, src, _ in parser.sources] == \
            [f"audio/omnichannel-{lang}-{page}.mp3"] + [f"audio/{page}/{s}.mp3" for s in sections]
        assert "course-action--audio" in parser.sources[0][2]
        assert all(tag == "button" for tag, _, _ in parser.sources)
        for _, src, _ in parser.sources:
            assert decode(folder / src).seconds > 1
