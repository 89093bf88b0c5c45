"""Narration settings: ``extra.course.audio`` in mkdocs.yml, validated with messages that name the fix.

    extra:
      course:
        audio:
          engine: auto            # auto (gTTS, espeak-ng when offline) | gtts | espeak
          engines: {ru: espeak}   # force an engine for some languages
          bitrate: 32             # kbps, mono; the offline engine's MP3s (gTTS sends 32 kbps)
          speed: 165              # espeak-ng words per minute
          voices:                 # per language: espeak-ng voice, gTTS language and host suffix
            en: {espeak: en-gb, gtts: en, tld: co.uk}
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..config import CourseConfig, Option
from ..errors import CourseError, Problem

ENGINES = ("auto", "gtts", "espeak")
BITRATES = (24, 32, 40, 48, 56, 64)       # MPEG-2 layer III rates that suit mono speech at 24 kHz
VOICE_KEYS = ("espeak", "gtts", "tld")

# Voices that work out of the box for the course languages; other languages need a `voices` entry.
DEFAULT_VOICES: dict[str, dict[str, str]] = {
    "en": {"espeak": "en-gb", "gtts": "en", "tld": "co.uk"},
    "el": {"espeak": "el", "gtts": "el", "tld": "com"},
    "hu": {"espeak": "hu", "gtts": "hu", "tld": "com"},
    "pl": {"espeak": "pl", "gtts": "pl", "tld": "com"},
    "ru": {"espeak": "ru", "gtts": "ru", "tld": "com"},
}

AUDIO_OPTIONS = [
    Option("engine", str, "auto", choices=ENGINES, help="which engine speaks: auto tries gTTS, then espeak-ng"),
    Option("engines", dict, {}, help="per-language engine, e.g. {ru: espeak}"),
    Option("bitrate", int, 32, choices=BITRATES, help="MP3 bitrate in kbps (mono) for espeak-ng tracks"),
    Option("speed", int, 165, minimum=80, maximum=400, help="espeak-ng speaking rate in words per minute"),
    Option("voices", dict, {}, help="per-language voices: {en: {espeak: en-gb, gtts: en, tld: co.uk}}"),
    Option("workers", int, 2, minimum=1, maximum=16, help="tracks made at the same time"),
    Option("pause", (int, float), 0.8, minimum=0, maximum=5, help="seconds of silence between parts of a lesson track"),
    Option("gtts_interval", (int, float), 0.5, minimum=0, maximum=60, help="seconds between two gTTS requests"),
    Option("gtts_timeout", (int, float), 20, minimum=1, maximum=300, help="seconds to wait for one gTTS answer"),
    Option("gtts_retries", int, 4, minimum=0, maximum=10, help="retries after a refused (429) or failed (5xx) gTTS request"),
    Option("gtts_backoff", (int, float), 2.0, minimum=0, maximum=600, help="first wait after a refusal; doubled each retry"),
]

WHERE = ("extra", "course", "audio")


@dataclass(frozen=True)
class AudioSettings:
    engine: str = "auto"
    engines: dict[str, str] = field(default_factory=dict)
    bitrate: int = 32
    speed: int = 165
    voices: dict[str, dict[str, str]] = field(default_factory=dict)
    workers: int = 2
    pause: float = 0.8
    gtts_interval: float = 0.5
    gtts_timeout: float = 20.0
    gtts_retries: int = 4
    gtts_backoff: float = 2.0

    def engine_for(self, lang: str) -> str:
        return self.engines.get(lang, self.engine)

    def voice(self, lang: str, engine: str) -> str:
        return self.voices.get(lang, {}).get(engine) or DEFAULT_VOICES.get(lang, {}).get(engine) or lang

    def tld(self, lang: str) -> str:
        return self.voices.get(lang, {}).get("tld") or DEFAULT_VOICES.get(lang, {}).get("tld") or "com"

    def with_engine(self, engine: str | None) -> "AudioSettings":
        """The same settings with every language forced to ``engine`` (the CLI's --engine)."""
        if engine is None:
            return self
        return AudioSettings(**{**self.__dict__, "engine": engine, "engines": {}})


def _check_language_map(raw: dict, name: str, codes: list[str], config: CourseConfig,
                        problems: list[Problem]) -> None:
    for lang in raw:
        if lang not in codes:
            problems.append(Problem("mkdocs.yml", config.lines.line(*WHERE, name, lang),
                                    f"extra.course.audio.{name}: {lang!r} is not a course language",
                                    f"use one of: {', '.join(codes)}"))


def load_audio_settings(config: CourseConfig) -> AudioSettings:
    """Validated narration settings; raises CourseError naming the key, the value and the fix."""
    values = config.options("audio", AUDIO_OPTIONS)
    codes = config.language_codes
    problems: list[Problem] = []
    engines = values["engines"]
    _check_language_map(engines, "engines", codes, config, problems)
    for lang, engine in engines.items():
        if engine not in ENGINES:
            problems.append(Problem("mkdocs.yml", config.lines.line(*WHERE, "engines", lang),
                                    f"extra.course.audio.engines.{lang}: {engine!r} is not an engine",
                                    f"use one of: {', '.join(ENGINES)}"))
    voices = values["voices"]
    _check_language_map(voices, "voices", codes, config, problems)
    for lang, voice in voices.items():
        line = config.lines.line(*WHERE, "voices", lang)
        if not isinstance(voice, dict) or not all(isinstance(v, str) and v for v in voice.values()):
            problems.append(Problem("mkdocs.yml", line, f"extra.course.audio.voices.{lang} must map engines to voice names",
                                    f"for example: {lang}: {{espeak: {DEFAULT_VOICES.get('en')['espeak']}, gtts: {lang}}}"))
        elif set(voice) - set(VOICE_KEYS):
            problems.append(Problem("mkdocs.yml", line,
                                    f"extra.course.audio.voices.{lang}: unknown key {sorted(set(voice) - set(VOICE_KEYS))[0]!r}",
                                    f"valid keys are: {', '.join(VOICE_KEYS)}"))
    if problems:
        raise CourseError(problems)
    return AudioSettings(
        engine=values["engine"], engines={str(k): str(v) for k, v in engines.items()}, bitrate=values["bitrate"],
        speed=values["speed"], voices={str(k): dict(v) for k, v in voices.items()}, workers=values["workers"],
        pause=float(values["pause"]), gtts_interval=float(values["gtts_interval"]),
        gtts_timeout=float(values["gtts_timeout"]), gtts_retries=values["gtts_retries"],
        gtts_backoff=float(values["gtts_backoff"]))
