"""Narration engines: gTTS (natural voices, needs the network) and espeak-ng (offline, bundled)."""
from __future__ import annotations

from ..settings import AudioSettings
from .base import Engine, EngineUnavailable

ENGINE_ORDER = {"auto": ("gtts", "espeak"), "gtts": ("gtts",), "espeak": ("espeak",)}


def make_engine(name: str, settings: AudioSettings) -> Engine:
    if name == "gtts":
        from .gtts_engine import GttsEngine
        return GttsEngine(settings)
    if name == "espeak":
        from .espeak import EspeakEngine
        return EspeakEngine(settings)
    raise ValueError(f"unknown narration engine {name!r}")


__all__ = ["ENGINE_ORDER", "Engine", "EngineUnavailable", "make_engine"]
