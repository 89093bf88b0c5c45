"""The one small interface every narration engine implements."""
from __future__ import annotations

from abc import ABC, abstractmethod


class EngineUnavailable(Exception):
    """The engine cannot speak right now (no network, the service refused); another may stand in."""


class Engine(ABC):
    name: str = ""          # "gtts", "espeak": part of every cache key and cached file name
    label: str = ""         # how messages name it
    natural: bool = False   # a natural voice, worth keeping even when the text could be spoken offline

    @abstractmethod
    def identity(self, lang: str) -> dict:
        """Everything besides the text that shapes the sound (voice, speed, bitrate): part of the cache key."""

    @abstractmethod
    def synthesise(self, text: str, lang: str) -> bytes:
        """``text`` spoken in ``lang`` as MP3 frames (mono, 24 kHz). Raises EngineUnavailable."""
