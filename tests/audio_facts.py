"""Measuring MP3s in tests: decoded with miniaudio (a whole decoder in a wheel, no system
package), so a test hears what a player would, not what our own frame reader says."""
from __future__ import annotations

import array
import math
from dataclasses import dataclass
from pathlib import Path

import miniaudio


@dataclass(frozen=True)
class Sound:
    sample_rate: int
    channels: int
    samples: array.array       # signed 16-bit, interleaved

    @property
    def seconds(self) -> float:
        return len(self.samples) / self.channels / self.sample_rate

    def rms(self, start: int = 0, end: int | None = None) -> float:
        part = self.samples[start:end]
        return math.sqrt(sum(s * s for s in part) / len(part)) if len(part) else 0.0

    def voiced_share(self, floor: float = 300.0, window: float = 0.05) -> float:
        """Share of 50 ms windows louder than ``floor``: speech has many, silence none."""
        size = max(1, int(self.sample_rate * window))
        windows = range(0, len(self.samples) - size + 1, size)
        loud = sum(1 for start in windows if self.rms(start, start + size) > floor)
        return loud / max(1, len(windows))


def decode(data: bytes | Path) -> Sound:
    """Decode at the file's own rate and channel count; raises miniaudio.DecodeError if it is not MP3."""
    if isinstance(data, Path):
        data = data.read_bytes()
    info = miniaudio.mp3_get_info(data)
    decoded = miniaudio.decode(data, output_format=miniaudio.SampleFormat.SIGNED16,
                               nchannels=info.nchannels, sample_rate=info.sample_rate)
    return Sound(decoded.sample_rate, decoded.nchannels, decoded.samples)
