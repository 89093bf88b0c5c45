"""gTTS, the natural-voice engine: Google Translate's text-to-speech, one request per 100 characters.

Text is cut at sentence ends (then at commas, then between words) into pieces of at most
100 characters, packed so that as few requests as possible are sent. Requests are paced
(``gtts_interval`` seconds apart, across all threads), each has a timeout, and a refusal
(429) or a server error (5xx) is retried after a wait that doubles each time. When the
network is down or the service keeps refusing, the engine stops trying for the rest of the
run and raises :class:`EngineUnavailable`, so ``engine: auto`` falls back to espeak-ng at once.
"""
from __future__ import annotations

import re
import threading
import time
from typing import Callable

import requests
from gtts import gTTS, gTTSError

from ..mp3 import Mp3Error, read_stream
from ..settings import AudioSettings
from ..text import plain
from .base import Engine, EngineUnavailable

REQUEST_LIMIT = gTTS.GOOGLE_TTS_MAX_CHARS          # 100 characters per request
CONNECT_TIMEOUT = 10.0
SENTENCE_BREAK = re.compile(r"(?<=[.!?…;:])\s+")
CLAUSE_BREAK = re.compile(r"(?<=[,—–])\s+")


def _by_words(text: str, limit: int) -> list[str]:
    pieces: list[str] = []
    for word in text.split(" "):
        while len(word) > limit:                   # no space to break at: cut the word itself
            pieces.append(word[:limit])
            word = word[limit:]
        if pieces and len(pieces[-1]) + 1 + len(word) <= limit:
            pieces[-1] += " " + word
        elif word:
            pieces.append(word)
    return pieces


def split_for_gtts(text: str, limit: int = REQUEST_LIMIT) -> list[str]:
    """``text`` in pieces of at most ``limit`` characters, cut where a reader would pause.

    Joined with single spaces, the pieces give back the text with its whitespace tidied.
    """
    text = re.sub(r"\s+", " ", text).strip()
    pieces: list[str] = []
    for sentence in SENTENCE_BREAK.split(text):
        if len(sentence) <= limit:
            pieces.append(sentence)
            continue
        for clause in CLAUSE_BREAK.split(sentence):
            pieces.extend([clause] if len(clause) <= limit else _by_words(clause, limit))
    chunks: list[str] = []
    for piece in pieces:
        if chunks and len(chunks[-1]) + 1 + len(piece) <= limit:
            chunks[-1] += " " + piece
        elif piece:
            chunks.append(piece)
    return chunks


class RequestPacer:
    """At most one request every ``interval`` seconds, whichever thread sends it."""

    def __init__(self, interval: float, sleep: Callable[[float], None] = time.sleep):
        self.interval, self.sleep = interval, sleep
        self._lock = threading.Lock()
        self._next = 0.0

    def wait(self) -> None:
        with self._lock:
            delay = self._next - time.monotonic()
            if delay > 0:
                self.sleep(delay)
            self._next = time.monotonic() + self.interval


class GttsEngine(Engine):
    name = "gtts"
    label = "gTTS"
    natural = True

    def __init__(self, settings: AudioSettings, sleep: Callable[[float], None] = time.sleep):
        self.settings = settings
        self.sleep = sleep
        self.pacer = RequestPacer(settings.gtts_interval, sleep)
        self.down_reason: str | None = None          # set once the service cannot be reached
        self.requests_sent = 0
        self._lock = threading.Lock()

    def identity(self, lang: str) -> dict:
        return {"engine": self.name, "lang": self.settings.voice(lang, "gtts"), "tld": self.settings.tld(lang)}

    def synthesise(self, text: str, lang: str) -> bytes:
        chunks = [c for c in split_for_gtts(plain(text)) if re.search(r"\w", c)]   # one voice per request
        if not chunks:
            raise ValueError("nothing to say")
        audio = b"".join(self._fetch(chunk, lang) for chunk in chunks)
        try:
            return read_stream(audio).audio()         # drop any tags or info frames between the pieces
        except Mp3Error as exc:
            raise EngineUnavailable(f"gTTS answered with audio that is not MP3 ({exc})") from exc

    def _give_up(self, reason: str) -> EngineUnavailable:
        with self._lock:
            self.down_reason = self.down_reason or reason
        return EngineUnavailable(reason)

    def _fetch(self, chunk: str, lang: str) -> bytes:
        retries = self.settings.gtts_retries
        for attempt in range(retries + 1):
            if self.down_reason:
                raise EngineUnavailable(self.down_reason)
            self.pacer.wait()
            try:
                return self._request(chunk, lang)
            except requests.RequestException as exc:   # while reading the answer
                raise self._give_up(f"no connection to the gTTS service ({type(exc).__name__})") from exc
            except gTTSError as exc:
                status = exc.rsp.status_code if exc.rsp is not None else None
                if status is None:
                    raise self._give_up(f"no connection to the gTTS service ({exc.msg})") from exc
                if status == 429 or status >= 500:
                    if attempt < retries:
                        self.sleep(self.settings.gtts_backoff * 2 ** attempt)
                        continue
                    raise self._give_up(f"the gTTS service refused {retries + 1} times (HTTP {status})") from exc
                raise EngineUnavailable(f"gTTS could not speak this text: {exc.msg}") from exc
        raise AssertionError("unreachable")  # pragma: no cover

    def _request(self, chunk: str, lang: str) -> bytes:
        """One request to the service (the network call); ``chunk`` fits in one request."""
        with self._lock:
            self.requests_sent += 1
        tts = gTTS(chunk, lang=self.settings.voice(lang, "gtts"), tld=self.settings.tld(lang), lang_check=False,
                   timeout=(min(CONNECT_TIMEOUT, self.settings.gtts_timeout), self.settings.gtts_timeout),
                   pre_processor_funcs=[], tokenizer_func=lambda text: [text])
        return b"".join(tts.stream())
