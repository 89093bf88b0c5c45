"""espeak-ng through its C API, offline: real speech in all five languages, decoded by an
independent MP3 decoder: a whole stream, not silent, and as long as its text."""
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from audio_facts import decode
from helpers import FIXTURE

from build_tools.narration.encode import join_tracks
from build_tools.narration.engines.espeak import EspeakEngine, short_data_dir, to_ssml
from build_tools.narration.settings import AudioSettings
from build_tools.narration.text import plain, runs, spoken_text
from build_tools.model import load_course

LANGS = ["en", "el", "hu", "pl", "ru"]
RMS_FLOOR = 500            # int16 scale: speech at espeak-ng's default volume is well above, silence is 0
# espeak-ng at 165 words a minute; the bounds leave room for every language's word length.
SECONDS_PER_CHARACTER = (0.035, 0.11)


@pytest.fixture(scope="module")
def engine():
    return EspeakEngine(AudioSettings())


def section_text(lang: str) -> str:
    course = load_course(FIXTURE)
    page = course.languages[lang].pages["01-basics.md"]
    section = page.section("what-is-omnichannel")
    return spoken_text(f"{section.title}\n\n{section.body}")


@pytest.mark.parametrize("lang", LANGS)
def test_real_speech_in_every_language(engine, lang):
    text = section_text(lang)
    sound = decode(engine.synthesise(text, lang))
    assert (sound.sample_rate, sound.channels) == (24000, 1)
    assert sound.rms() > RMS_FLOOR
    assert sound.voiced_share() > 0.5
    low, high = SECONDS_PER_CHARACTER
    assert low * len(text) < sound.seconds < high * len(text), (sound.seconds, len(text))


@pytest.mark.parametrize("lang", LANGS)
def test_duration_grows_in_proportion_to_the_text(engine, lang):
    text = section_text(lang)
    once = decode(engine.synthesise(text, lang)).seconds
    three_times = decode(engine.synthesise(" ".join([text] * 3), lang)).seconds
    assert 2.6 < three_times / once < 3.4


def test_bitrate_setting_is_the_mp3_bitrate(engine):
    small = EspeakEngine(AudioSettings(bitrate=24)).synthesise(section_text("en"), "en")
    large = EspeakEngine(AudioSettings(bitrate=48)).synthesise(section_text("en"), "en")
    assert 1.7 < len(large) / len(small) < 2.3
    assert decode(small).seconds == pytest.approx(decode(large).seconds, abs=0.1)


def test_a_phrase_marked_as_english_is_read_by_the_english_voice(engine):
    marked = spoken_text('Ez egy <span lang="en">click and collect</span> szolgáltatás.', lang="hu")
    assert to_ssml(runs(marked, "hu"), "hu") == \
        '<speak>Ez egy <voice xml:lang="en">click and collect</voice> szolgáltatás.</speak>'
    switched = decode(engine.synthesise(marked, "hu"))
    unswitched = decode(engine.synthesise(plain(marked), "hu"))
    assert switched.rms() > RMS_FLOOR and switched.voiced_share() > 0.5
    assert abs(switched.seconds - unswitched.seconds) > 0.1          # another voice, another reading
    assert to_ssml([("el", "A & B < C")], "el") == "<speak>A &amp; B &lt; C</speak>"


def test_an_unknown_voice_is_a_clear_error(engine):
    from build_tools.errors import CourseError

    with pytest.raises(CourseError) as failure:
        EspeakEngine(AudioSettings(voices={"en": {"espeak": "no-such-voice"}})).synthesise("Hello.", "en")
    assert "espeak-ng has no voice 'no-such-voice' (language en)" in str(failure.value)


def test_tracks_of_different_formats_are_joined_by_decoding(engine):
    """A gTTS track at another sample rate and an espeak-ng track still make one lesson track."""
    import lameenc
    from build_tools.narration.engines.espeak import _Library

    pcm = _Library.get().speak("A track at another rate.", "en", 165)
    encoder = lameenc.Encoder()
    encoder.set_bit_rate(32)
    encoder.set_in_sample_rate(22050)
    encoder.set_out_sample_rate(22050)
    encoder.set_channels(1)
    other = bytes(encoder.encode(pcm)) + bytes(encoder.flush())
    ours = engine.synthesise("A track at the usual rate.", "en")
    joined = decode(join_tracks([other, ours], pause=0.5, bitrate=32))
    expected = decode(other).seconds + decode(ours).seconds + 0.5
    assert (joined.sample_rate, joined.channels) == (24000, 1)
    assert joined.seconds == pytest.approx(expected, abs=0.15)


LONG_PATH_PROBE = """
import ctypes, os, sys, espeakng_loader
folder = sys.argv[1]
lib = ctypes.CDLL(espeakng_loader.get_library_path())
lib.espeak_Initialize.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.c_int]
rate = lib.espeak_Initialize(2, 0, folder.encode(), 0x8000)
print(rate, lib.espeak_SetVoiceByName(b"en"))
"""


def test_a_long_data_path_breaks_espeak_so_the_data_is_linked_to_a_short_one(tmp_path):
    import espeakng_loader

    deep = tmp_path.joinpath(*["a-rather-long-virtual-environment-folder"] * 4)
    deep.mkdir(parents=True)
    (deep / "espeak-ng-data").symlink_to(espeakng_loader.get_data_path())
    assert len(str(deep)) > 160
    long_run = subprocess.run([sys.executable, "-c", LONG_PATH_PROBE, str(deep)], capture_output=True, text=True)
    assert long_run.stdout.split() != ["22050", "0"]          # cut at 160 bytes: no data, no voice

    base = Path(tempfile.mkdtemp(prefix="es-", dir="/tmp"))
    short = short_data_dir(deep / "espeak-ng-data", base=base)
    assert len(str(short / "espeak-ng-data")) < 100
    assert (short / "espeak-ng-data" / "phontab").is_file()
    short_run = subprocess.run([sys.executable, "-c", LONG_PATH_PROBE, str(short)], capture_output=True, text=True)
    assert short_run.stdout.split() == ["22050", "0"]
    assert short_data_dir(deep / "espeak-ng-data", base=base) == short   # found again, not made twice
    shutil.rmtree(base)


def test_the_engine_reads_its_data_from_a_short_path(engine):
    used = engine.library.used_data_path
    assert len(used) < 100 and Path(used, "phontab").is_file()
