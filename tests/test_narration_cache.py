"""The narration cache on the fixture course (espeak-ng, offline): nothing is spoken twice, an
edit re-speaks exactly its section and lesson in its language, damaged files are made again,
tracks of removed sections go, and tags name title, course, language and track number."""
import json
import subprocess
import sys

import pytest
from audio_facts import decode
from helpers import edit

from build_tools.model import load_course
from build_tools.narration.encode import read_tags
from build_tools.narration.store import TrackStore
from build_tools.narration.synthesis import narrate
from build_tools.pipeline import build

PARTS = 5 * 5        # five languages: 01-basics (opening + 2 sections) and key points (opening + 1 section)
LESSONS = 5 * 2


def manifest(root):
    return json.loads((root / "audio" / "manifest.json").read_text(encoding="utf-8"))


def mtimes(root):
    return {p.relative_to(root).as_posix(): p.stat().st_mtime_ns for p in (root / "audio").rglob("*.mp3")}


@pytest.fixture
def narrated(fixture_course):
    report = narrate(load_course(fixture_course))
    assert len(report.synthesised) == PARTS and len(report.assembled) == LESSONS and report.cached == []
    return fixture_course


def test_a_second_run_speaks_nothing(narrated):
    before, files = manifest(narrated), mtimes(narrated)
    report = narrate(load_course(narrated))
    assert report.synthesised == [] and report.assembled == []
    assert len(report.cached) == PARTS + LESSONS
    assert manifest(narrated) == before and mtimes(narrated) == files


def test_editing_one_section_respeaks_that_section_and_its_lesson_in_that_language_only(narrated):
    before, files = manifest(narrated), mtimes(narrated)
    edit(narrated / "content/el/01-basics.md", "## Τα κανάλια {#channels}", "## Τα κανάλια του καταστήματος {#channels}")
    report = narrate(load_course(narrated))
    assert report.synthesised == ["el/01-basics/channels"]
    assert report.assembled == ["el/01-basics"]
    after = manifest(narrated)
    assert {k for k in after if after[k] != before.get(k)} == {"el/01-basics/channels", "el/01-basics"}
    changed = {k for k, t in mtimes(narrated).items() if files.get(k) != t}
    assert changed == {"audio/el/01-basics/channels.espeak.mp3", "audio/el/01-basics.mp3"}


def test_a_truncated_track_is_made_again(narrated):
    track = narrated / "audio/en/01-basics/what-is-omnichannel.espeak.mp3"
    whole = decode(track).seconds
    track.write_bytes(track.read_bytes()[: track.stat().st_size * 2 // 3])
    report = narrate(load_course(narrated))
    assert report.synthesised == ["en/01-basics/what-is-omnichannel"]
    assert report.assembled == []           # same text, same key: the lesson track made from it is still right
    assert decode(track).seconds == pytest.approx(whole, abs=0.01)


def test_a_track_damaged_in_the_middle_or_missing_is_made_again(narrated):
    damaged = narrated / "audio/hu/90-key-points/remember.espeak.mp3"
    data = bytearray(damaged.read_bytes())
    data[len(data) // 2:len(data) // 2 + 400] = bytes(400)
    damaged.write_bytes(bytes(data))
    (narrated / "audio/ru/01-basics/_intro.espeak.mp3").unlink()
    report = narrate(load_course(narrated))
    assert sorted(report.synthesised) == ["hu/90-key-points/remember", "ru/01-basics/_intro"]
    assert report.assembled == []


def test_a_truncated_lesson_track_is_joined_again_without_speaking(narrated):
    lesson = narrated / "audio/pl/01-basics.mp3"
    lesson.write_bytes(lesson.read_bytes()[:-500])
    report = narrate(load_course(narrated))
    assert report.synthesised == [] and report.assembled == ["pl/01-basics"]
    parts = [decode(narrated / f"audio/pl/01-basics/{p}.espeak.mp3").seconds
             for p in ("_intro", "what-is-omnichannel", "channels")]
    assert decode(lesson).seconds == pytest.approx(sum(parts) + 2 * 0.8, abs=0.2)


def test_tracks_of_a_removed_section_are_cleaned_up(narrated):
    for lang in ("en", "el", "hu", "pl", "ru"):
        page = narrated / f"content/{lang}/01-basics.md"
        text = page.read_text(encoding="utf-8")
        page.write_text(text[:text.index("\n## ", text.index("{#what-is-omnichannel}"))] + "\n", encoding="utf-8")
    report = narrate(load_course(narrated))
    assert sorted(report.removed) == sorted(f"{lang}/01-basics/channels" for lang in ("en", "el", "hu", "pl", "ru"))
    assert not list((narrated / "audio").rglob("channels.*"))
    assert not any(key.endswith("/channels") for key in manifest(narrated))
    assert len(report.assembled) == 5 and report.synthesised == []


def test_one_language_at_a_time_leaves_the_others_alone(narrated):
    edit(narrated / "content/en/90-key-points.md", "Remember this", "Remember these")
    edit(narrated / "content/pl/90-key-points.md", "kind: keypoints", "kind: keypoints\nsummary: x")
    report = narrate(load_course(narrated), langs=["pl"])
    assert report.synthesised == [] and set(report.lessons) == {"pl"}
    report = narrate(load_course(narrated), langs=["en"])
    assert report.synthesised == ["en/90-key-points/remember"]


def test_tags_name_title_course_language_and_track_number(narrated):
    tags = read_tags(narrated / "audio/ru/01-basics/channels.espeak.mp3")
    assert tags["title"] == "Каналы" and tags["group"] == "Основы омниканальности"
    assert tags["album"] == load_course(narrated).languages["ru"].home.title
    assert (tags["lang"], tags["track"], tags["engine"]) == ("rus", "3/5", "espeak")
    lesson = read_tags(narrated / "audio/ru/90-key-points.mp3")
    assert lesson["track"] == "4/5" and int(lesson["length"]) == round(decode(narrated / "audio/ru/90-key-points.mp3").seconds * 1000)


def test_the_cache_says_what_git_should_keep(narrated):
    ignore = (narrated / "audio/.gitignore").read_text(encoding="utf-8")
    assert "*.espeak.mp3" in ignore and "/*/*.mp3" in ignore and ".verified.json" in ignore


def test_course_audio_command(fixture_course):
    result = subprocess.run([sys.executable, "-m", "build_tools.cli", "audio", "--lang", "hu", "--jobs", "1"],
                            cwd=fixture_course, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "[audio] 7/7 (7 generated, 0 cached, 0 fell back)" in result.stderr
    assert "course audio: 5 part(s) spoken, 2 lesson track(s) joined" in result.stderr
    assert sorted(p.name for p in (fixture_course / "audio").iterdir()) == [".gitignore", ".verified.json", "hu", "manifest.json"]
    bad = subprocess.run([sys.executable, "-m", "build_tools.cli", "audio", "--lang", "de"],
                         cwd=fixture_course, capture_output=True, text=True)
    assert bad.returncode == 1 and "'de' is not a course language" in bad.stderr


def test_a_second_build_speaks_nothing_and_the_site_plays_every_track(fixture_course):
    first = build(fixture_course)
    assert first.stats["audio_generated"] == PARTS + LESSONS
    second = build(fixture_course)
    assert second.stats["audio_generated"] == 0 and second.stats["audio_cached"] == PARTS + LESSONS
    assert second.stats["audio_published"] == 5 * (2 + 3)
    site = fixture_course / "site"
    assert decode(site / "el/audio/omnichannel-el-01-basics.mp3").seconds > 5
    assert (site / "audio/01-basics/channels.mp3").read_bytes() == \
        (fixture_course / "audio/en/01-basics/channels.espeak.mp3").read_bytes()
    assert not list(site.rglob("_intro*"))
    assert TrackStore(fixture_course / "audio").recorded("en/01-basics").startswith("lesson:")
