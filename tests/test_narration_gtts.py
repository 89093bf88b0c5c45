"""gTTS with its network call replaced (there is no network here): ``requests.Session.send``
answers as Google's service would, with audio spoken by espeak-ng. gTTS itself, the pacing,
the retries, the fallback and the cache run for real."""
import base64
import json
import logging
import time
import urllib.parse

import pytest
import requests
from audio_facts import decode
from helpers import edit

from build_tools.errors import CourseError
from build_tools.model import load_course
from build_tools.narration.engines.base import EngineUnavailable
from build_tools.narration.engines.espeak import EspeakEngine
from build_tools.narration.engines.gtts_engine import GttsEngine, split_for_gtts
from build_tools.narration.settings import AudioSettings
from build_tools.narration.store import TrackStore
from build_tools.narration.synthesis import narrate
from build_tools.narration.text import spoken_text

PARAGRAPH = ("Click and collect means ordering online and collecting the goods at a physical location. "
             "There are three common models. BOPIS stands for \"buy online, pick up in store\". The customer "
             "checks on the website which items a nearby shop has in stock, pays online and collects the order "
             "from the store, often within a few hours. Short. Supercalifragilisticexpialidociouslyextraordinarily"
             "longcompoundwordthatnobodywouldeverwritebutthatstillhastobecutsomewhere ends it.")


class FakeService:
    """Stands in for translate.google.*: records each request and answers with real MP3 audio."""

    def __init__(self, statuses=(), offline=False):
        self.statuses = list(statuses)   # HTTP status of the next answers; 200 once the list is used up
        self.offline = offline
        self.requests = []               # (text, lang, timeout)
        self.voice = EspeakEngine(AudioSettings())

    def send(self, session, request, **kwargs):
        payload = urllib.parse.unquote(request.body.split("=", 1)[1].rstrip("&"))
        text, lang = json.loads(json.loads(payload)[0][0][1])[:2]
        self.requests.append((text, lang, kwargs.get("timeout")))
        if self.offline:
            raise requests.exceptions.ConnectionError("Failed to resolve 'translate.google.com'")
        status = self.statuses.pop(0) if self.statuses else 200
        answer = requests.Response()
        answer.status_code, answer.reason, answer.request, answer.url = status, "X", request, request.url
        audio = base64.b64encode(self.voice.synthesise(text, "en")).decode() if status == 200 else ""
        body = ')]}\'\n\n42\n[["wrb.fr","jQ1olc","[\\"' + audio + '\\"]",null,null,null,"generic"]]\n' if audio else "error"
        answer._content, answer._content_consumed = body.encode(), True
        return answer

    @property
    def texts(self):
        return [text for text, _, _ in self.requests]


@pytest.fixture
def service(monkeypatch):
    fake = FakeService()
    monkeypatch.setattr(requests.Session, "send", lambda session, request, **kw: fake.send(session, request, **kw))
    return fake


def quick(**changes) -> AudioSettings:
    return AudioSettings(**{"gtts_interval": 0, "gtts_backoff": 0.01, **changes})


def test_text_is_cut_at_sentence_ends_into_pieces_of_at_most_100_characters():
    pieces = split_for_gtts(PARAGRAPH)
    assert all(len(p) <= 100 for p in pieces)
    assert "".join(pieces).replace(" ", "") == PARAGRAPH.replace(" ", "")        # nothing lost, nothing added
    assert " ".join(split_for_gtts(PARAGRAPH[:400])) == PARAGRAPH[:400]           # cut only at spaces while it can
    assert pieces[0] == "Click and collect means ordering online and collecting the goods at a physical location."
    assert "There are three common models. BOPIS stands for \"buy online, pick up in store\"." in pieces
    assert pieces[2].endswith("in stock,")                       # a long sentence is cut after a comma
    assert any(p.endswith(". Short.") for p in pieces)           # short sentences share a request
    assert len(pieces) <= len(PARAGRAPH) // 100 + 4


def test_one_request_per_piece_each_with_a_timeout(service):
    engine = GttsEngine(quick(gtts_timeout=7))
    mp3 = engine.synthesise(PARAGRAPH, "el")
    assert service.texts == split_for_gtts(PARAGRAPH)
    assert {lang for _, lang, _ in service.requests} == {"el"}
    assert all(timeout == (7, 7) for _, _, timeout in service.requests)
    sound = decode(mp3)
    assert sound.rms() > 500
    assert sound.seconds > 0.035 * len(PARAGRAPH)


def test_phrases_in_another_language_are_sent_as_plain_text(service):
    marked = spoken_text('Ez egy <span lang="en">click and collect</span> szolgáltatás.', lang="hu")
    GttsEngine(quick()).synthesise(marked, "hu")
    assert service.texts == ["Ez egy click and collect szolgáltatás."]


def test_requests_are_paced(service):
    engine = GttsEngine(quick(gtts_interval=0.1))
    started = time.monotonic()
    engine.synthesise("One. " * 30, "en")                        # 150 characters: 2 requests
    engine.synthesise("Two. Three.", "en")
    assert len(service.requests) == 3
    assert time.monotonic() - started >= 0.2


def test_a_refusal_is_retried_after_a_doubling_wait(service):
    service.statuses = [429, 503, 200]
    waits = []
    engine = GttsEngine(quick(gtts_backoff=1.5), sleep=waits.append)
    mp3 = engine.synthesise("Hello there.", "en")
    assert service.texts == ["Hello there."] * 3
    assert waits == [1.5, 3.0]
    assert decode(mp3).seconds > 0.5


def test_a_service_that_keeps_refusing_is_given_up_for_the_rest_of_the_run(service):
    service.statuses = [429] * 10
    engine = GttsEngine(quick(gtts_retries=2), sleep=lambda s: None)
    with pytest.raises(EngineUnavailable, match=r"refused 3 times \(HTTP 429\)"):
        engine.synthesise("Hello there.", "en")
    assert len(service.requests) == 3
    with pytest.raises(EngineUnavailable):
        engine.synthesise("Another track.", "en")
    assert len(service.requests) == 3                             # no more requests once given up


def test_no_network_gives_up_at_once(service):
    service.offline = True
    engine = GttsEngine(quick())
    with pytest.raises(EngineUnavailable, match="no connection to the gTTS service"):
        engine.synthesise(PARAGRAPH, "en")
    assert len(service.requests) == 1


def test_a_bad_answer_fails_only_that_track(service):
    service.statuses = [403]
    engine = GttsEngine(quick())
    with pytest.raises(EngineUnavailable, match="gTTS could not speak this text"):
        engine.synthesise("Hello.", "en")
    assert engine.down_reason is None
    assert decode(engine.synthesise("Hello again.", "en")).seconds > 0.3


# -- engine: auto, in a build ---------------------------------------------------------------

@pytest.fixture
def auto_course(fixture_course):
    edit(fixture_course / "mkdocs.yml", "      engine: espeak", "      engine: auto\n      gtts_interval: 0")
    return fixture_course


@pytest.fixture
def warnings_logged():
    records = []
    handler = logging.Handler(logging.WARNING)
    handler.emit = records.append
    logger = logging.getLogger("course")
    logger.addHandler(handler)
    yield records
    logger.removeHandler(handler)


def part_tracks(report):
    return [p.track for plans in report.lessons.values() for lesson in plans for p in lesson.parts]


def test_offline_every_track_falls_back_to_espeak_with_a_warning(auto_course, service, warnings_logged):
    service.offline = True
    report = narrate(load_course(auto_course))
    assert sorted(report.fell_back) == sorted(part_tracks(report)) and len(report.fell_back) == 25
    assert len(service.requests) == 1                              # the first failure stops all asking
    messages = [r.getMessage() for r in warnings_logged]
    assert any("25 of 25 tracks fell back to espeak-ng (no connection to the gTTS service" in m for m in messages)
    store = TrackStore(auto_course / "audio")
    assert all(store.recorded(t).startswith("espeak:") for t in part_tracks(report))
    warnings_logged.clear()
    again = narrate(load_course(auto_course))           # nothing falls back now: it is all cached
    assert again.fell_back == [] and len(again.synthetic) == 25
    assert any("25 of 25 tracks are still espeak-ng voices" in r.getMessage() for r in warnings_logged)


def test_natural_voices_are_kept_offline_and_only_changed_text_falls_back(auto_course, service):
    first = narrate(load_course(auto_course))
    assert first.fell_back == [] and len(first.synthesised) == 25
    store = TrackStore(auto_course / "audio")
    assert all(store.recorded(t).startswith("gtts:") for t in part_tracks(first))

    service.offline = True
    asked = len(service.requests)
    again = narrate(load_course(auto_course))
    assert again.synthesised == [] and again.assembled == [] and again.fell_back == []
    assert len(service.requests) == asked                          # natural voices need no network to be kept

    edit(auto_course / "content/en/01-basics.md", "A multichannel shop runs channels side by side.",
         "A multichannel shop runs its channels side by side.")
    edited = narrate(load_course(auto_course))
    assert edited.fell_back == ["en/01-basics/what-is-omnichannel"]
    assert edited.assembled == ["en/01-basics"]
    lesson = decode(auto_course / "audio/en/01-basics.mp3")        # a natural-voice part and an espeak-ng part
    store = TrackStore(auto_course / "audio")
    parts = [decode(store.file_of(f"en/01-basics/{p}")) for p in ("_intro", "what-is-omnichannel", "channels")]
    assert lesson.seconds == pytest.approx(sum(p.seconds for p in parts) + 2 * 0.8, abs=0.2)

    service.offline = False                                        # the network is back: the fallback is replaced
    upgraded = narrate(load_course(auto_course))
    assert upgraded.synthesised == ["en/01-basics/what-is-omnichannel"] and upgraded.fell_back == []
    assert TrackStore(auto_course / "audio").recorded("en/01-basics/what-is-omnichannel").startswith("gtts:")
    assert upgraded.assembled == ["en/01-basics"]


def test_gtts_forced_offline_is_an_error_that_says_what_to_do(fixture_course, service):
    service.offline = True
    edit(fixture_course / "mkdocs.yml", "      engine: espeak", "      engine: espeak\n      engines: {pl: gtts}")
    with pytest.raises(CourseError) as failure:
        narrate(load_course(fixture_course), langs=["pl"])
    message = str(failure.value)
    assert "5 track(s) could not be spoken" in message and "no connection to the gTTS service" in message
    assert "set extra.course.audio.engine to auto" in message
