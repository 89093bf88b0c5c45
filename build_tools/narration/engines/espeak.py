"""espeak-ng, the offline engine: the library and voice data of the ``espeakng-loader`` wheel, driven
through espeak-ng's C API with ctypes (no system package, no subprocess).

espeak-ng keeps its data path in a 160-byte buffer and silently cuts a longer one, so a data
folder deep inside a virtual environment would break every voice. The data is therefore
linked (or, where links are not allowed, copied) to a short folder first.

espeak-ng holds one global synthesiser, so calls are serialised by a lock; encoding the PCM
to MP3 happens outside it, in parallel.
"""
from __future__ import annotations

import ctypes
import hashlib
import os
import shutil
import tempfile
import threading
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

from ...errors import CourseError
from ..encode import encode_pcm
from ..settings import AudioSettings
from ..text import runs
from .base import Engine

AUDIO_OUTPUT_SYNCHRONOUS = 2
ESPEAK_INITIALIZE_DONT_EXIT = 0x8000
ESPEAK_CHARS_UTF8 = 1
ESPEAK_ENDPAUSE = 0x1000
ESPEAK_SSML = 0x10
POS_CHARACTER = 1
ESPEAK_RATE = 1
EE_OK = 0
DATA_FOLDER = "espeak-ng-data"
PATH_BUFFER = 160            # espeak-ng's path_home: "<path>/espeak-ng-data" must fit, with room for file names
SAFE_PATH = 100

class VoiceProperties(ctypes.Structure):
    """espeak_VOICE: what espeak_ListVoices reports, and how it is asked for voices of a language."""
    _fields_ = [("name", ctypes.c_char_p), ("languages", ctypes.c_void_p), ("identifier", ctypes.c_char_p),
                ("gender", ctypes.c_ubyte), ("age", ctypes.c_ubyte), ("variant", ctypes.c_ubyte),
                ("xx1", ctypes.c_ubyte), ("score", ctypes.c_int), ("spare", ctypes.c_void_p)]


SynthCallback = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.c_void_p)


def short_data_dir(data: Path, base: Path | None = None) -> Path:
    """A short folder holding ``espeak-ng-data`` (a link to, or copy of, ``data``)."""
    data = Path(data).resolve()
    if base is None:
        base = Path(tempfile.gettempdir())
        if len(str(base)) > 40 and Path("/tmp").is_dir():
            base = Path("/tmp")
    tag = hashlib.sha256(str(data).encode("utf-8")).hexdigest()[:10]
    folder = base / f"course-espeak-{os.getuid() if hasattr(os, 'getuid') else 0}-{tag}"
    target = folder / DATA_FOLDER
    if len(str(target)) >= SAFE_PATH:
        raise CourseError.at("mkdocs.yml", 0, f"no short folder for espeak-ng's data (tried {target})",
                             "set TMPDIR to a short folder such as /tmp and build again")
    if target.is_symlink() and target.resolve() == data:
        return folder
    if target.is_dir() and not target.is_symlink() and (target / "phontab").is_file():
        return folder                       # a copy made where links are not allowed
    folder.mkdir(parents=True, exist_ok=True)
    temporary = folder / f".{DATA_FOLDER}.{os.getpid()}.{threading.get_ident()}"
    try:
        os.symlink(data, temporary, target_is_directory=True)
    except OSError:
        shutil.copytree(data, temporary)
    if target.is_dir() and not target.is_symlink():
        shutil.rmtree(target)               # an incomplete copy
    try:
        os.replace(temporary, target)       # atomic: another process may be doing the same
    except OSError:
        if temporary.is_symlink():
            temporary.unlink()
        elif temporary.exists():
            shutil.rmtree(temporary)
    return folder


class _Library:
    """The espeak-ng library, initialised once per process."""

    _instance: "_Library | None" = None
    _create_lock = threading.Lock()

    def __init__(self) -> None:
        try:
            import espeakng_loader
        except ImportError as exc:
            raise CourseError.at("pyproject.toml", 0, "espeak-ng is not installed (package espeakng-loader)",
                                 "install it with: .venv/bin/pip install -e . (or run 'make site')") from exc
        self.lib = ctypes.CDLL(espeakng_loader.get_library_path())
        self.lib.espeak_Initialize.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.c_int]
        self.lib.espeak_Initialize.restype = ctypes.c_int
        self.lib.espeak_SetSynthCallback.argtypes = [SynthCallback]
        self.lib.espeak_SetVoiceByName.argtypes = [ctypes.c_char_p]
        self.lib.espeak_SetVoiceByName.restype = ctypes.c_int
        self.lib.espeak_ListVoices.argtypes = [ctypes.POINTER(VoiceProperties)]
        self.lib.espeak_ListVoices.restype = ctypes.POINTER(ctypes.POINTER(VoiceProperties))
        self.lib.espeak_SetParameter.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_int]
        self.lib.espeak_Synth.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.c_uint, ctypes.c_int,
                                          ctypes.c_uint, ctypes.c_uint, ctypes.c_void_p, ctypes.c_void_p]
        self.lib.espeak_Synth.restype = ctypes.c_int
        self.lib.espeak_Info.argtypes = [ctypes.POINTER(ctypes.c_char_p)]
        self.lib.espeak_Info.restype = ctypes.c_char_p
        self.data_dir = short_data_dir(Path(espeakng_loader.get_data_path()))
        self.sample_rate = self.lib.espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, str(self.data_dir).encode(),
                                                      ESPEAK_INITIALIZE_DONT_EXIT)
        if self.sample_rate <= 0:
            raise CourseError.at("mkdocs.yml", 0, f"espeak-ng could not start with its data in {self.data_dir}",
                                 "reinstall espeakng-loader (.venv/bin/pip install --force-reinstall espeakng-loader)")
        used = ctypes.c_char_p()
        self.version = (self.lib.espeak_Info(ctypes.byref(used)) or b"").decode()
        self.used_data_path = (used.value or b"").decode()
        self.lock = threading.Lock()
        self._chunks: list[bytes] = []
        self._callback = SynthCallback(self._receive)      # kept referenced: C holds only a pointer
        self.lib.espeak_SetSynthCallback(self._callback)
        self._voice: str | None = None

    @classmethod
    def get(cls) -> "_Library":
        with cls._create_lock:
            if cls._instance is None:
                cls._instance = cls()
            return cls._instance

    def _receive(self, wav, count, events) -> int:
        if wav and count > 0:
            self._chunks.append(ctypes.string_at(wav, count * 2))
        return 0

    def _voice_for_language(self, language: str) -> bytes | None:
        """The name of the best voice that speaks ``language`` (e.g. "en-gb"), or None."""
        wanted = language.lower()
        asked = ctypes.create_string_buffer(wanted.encode("utf-8"))
        spec = VoiceProperties(languages=ctypes.cast(asked, ctypes.c_void_p))
        voices = self.lib.espeak_ListVoices(ctypes.byref(spec))
        index = 0
        while voices[index]:
            voice = voices[index].contents
            index += 1
            raw, at = ctypes.cast(voice.languages, ctypes.POINTER(ctypes.c_ubyte)), 0
            while raw[at]:                            # [priority byte][language]\0 ... then a 0 byte
                end = at + 1
                while raw[end]:
                    end += 1
                spoken = bytes(raw[at + 1:end]).decode("utf-8", "replace").lower()
                if spoken == wanted or spoken.startswith(wanted + "-"):
                    return voice.name
                at = end + 1
        return None

    def speak(self, text: str, voice: str, rate: int, ssml: bool = False) -> bytes:
        """Mono signed 16-bit PCM at ``self.sample_rate``."""
        data = text.encode("utf-8")
        flags = ESPEAK_CHARS_UTF8 | ESPEAK_ENDPAUSE | (ESPEAK_SSML if ssml else 0)
        with self.lock:
            if voice != self._voice:
                if self.lib.espeak_SetVoiceByName(voice.encode("utf-8")) != EE_OK:
                    name = self._voice_for_language(voice)
                    if name is None or self.lib.espeak_SetVoiceByName(name) != EE_OK:
                        self._voice = None
                        raise LookupError(voice)
                self._voice = voice
            self.lib.espeak_SetParameter(ESPEAK_RATE, rate, 0)
            self._chunks = []
            result = self.lib.espeak_Synth(data, len(data) + 1, 0, POS_CHARACTER, 0, flags, None, None)
            pcm, self._chunks = b"".join(self._chunks), []
        if result != EE_OK:
            raise RuntimeError(f"espeak_Synth failed with code {result}")
        return pcm


def to_ssml(pieces: list[tuple[str, str]], lang: str) -> str:
    """Language runs as SSML: a phrase in another language is read by that language's voice."""
    parts = []
    for piece_lang, words in pieces:
        words = xml_escape(words)
        parts.append(words if piece_lang == lang else f'<voice xml:lang="{xml_escape(piece_lang)}">{words}</voice>')
    return "<speak>" + "".join(parts) + "</speak>"


class EspeakEngine(Engine):
    name = "espeak"
    label = "espeak-ng"
    natural = False

    def __init__(self, settings: AudioSettings):
        self.settings = settings
        self.library = _Library.get()

    def identity(self, lang: str) -> dict:
        return {"engine": self.name, "version": self.library.version, "voice": self.settings.voice(lang, "espeak"),
                "speed": self.settings.speed, "bitrate": self.settings.bitrate}

    def pcm(self, text: str, lang: str) -> tuple[bytes, int]:
        voice = self.settings.voice(lang, "espeak")
        pieces = runs(text, lang)
        try:
            if len(pieces) == 1:
                return self.library.speak(pieces[0][1], voice, self.settings.speed), self.library.sample_rate
            return self.library.speak(to_ssml(pieces, lang), voice, self.settings.speed, ssml=True), self.library.sample_rate
        except LookupError:
            raise CourseError.at("mkdocs.yml", 0, f"espeak-ng has no voice {voice!r} (language {lang})",
                                 f"set extra.course.audio.voices.{lang}.espeak to an espeak-ng voice, e.g. {lang}") from None

    def synthesise(self, text: str, lang: str) -> bytes:
        pcm, rate = self.pcm(text, lang)
        if not pcm:
            raise RuntimeError(f"espeak-ng produced no sound for {len(text)} characters of {lang}")
        return encode_pcm(pcm, rate, self.settings.bitrate)
