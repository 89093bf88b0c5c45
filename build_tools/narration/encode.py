"""MP3 out: PCM encoded with LAME (``lameenc``), ID3 tags written with ``mutagen``.

Every track is mono at 24 kHz, the rate gTTS sends, so tracks of both engines can be joined
into a lesson track frame by frame. The tags carry title, course, language and track number,
and TLEN (the length in milliseconds): a cached file whose frames no longer add up to its
TLEN has been cut short and is made again.
"""
from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path

import lameenc
from mutagen.id3 import ID3, TALB, TCON, TIT1, TIT2, TLAN, TLEN, TPE1, TRCK, TXXX, ID3NoHeaderError

from .mp3 import Mp3Error, Mp3Stream, id3v2_size, join_streams, read_stream

SAMPLE_RATE = 24000
LAME_QUALITY = 5             # 2 is best, 7 fastest; 5 is LAME's default and plenty for speech
ISO_639_2 = {"en": "eng", "el": "ell", "hu": "hun", "pl": "pol", "ru": "rus"}


def encode_pcm(pcm: bytes, rate: int, bitrate: int) -> bytes:
    """Mono signed 16-bit PCM at ``rate`` Hz -> MP3 frames (24 kHz, ``bitrate`` kbps, mono)."""
    encoder = lameenc.Encoder()
    encoder.set_bit_rate(bitrate)
    encoder.set_in_sample_rate(rate)
    encoder.set_out_sample_rate(SAMPLE_RATE)
    encoder.set_channels(1)
    encoder.set_quality(LAME_QUALITY)
    return bytes(encoder.encode(pcm)) + bytes(encoder.flush())


_silence: dict[tuple[int, int, float], Mp3Stream] = {}
_silence_lock = threading.Lock()


def silence(seconds: float, sample_rate: int, bitrate: int) -> Mp3Stream:
    """Silent mono frames at ``sample_rate``, for the pause between the parts of a lesson track."""
    key = (sample_rate, bitrate, seconds)
    with _silence_lock:
        if key not in _silence:
            samples = max(1, int(sample_rate * seconds))
            encoder = lameenc.Encoder()
            encoder.set_bit_rate(bitrate)
            encoder.set_in_sample_rate(sample_rate)
            encoder.set_out_sample_rate(sample_rate)
            encoder.set_channels(1)
            encoder.set_quality(LAME_QUALITY)
            _silence[key] = read_stream(bytes(encoder.encode(bytes(2 * samples))) + bytes(encoder.flush()))
        return _silence[key]


def decode_to_pcm(data: bytes) -> bytes:
    """MP3 -> mono 16-bit PCM at 24 kHz (miniaudio), for joining tracks of different formats."""
    import miniaudio

    decoded = miniaudio.decode(data, output_format=miniaudio.SampleFormat.SIGNED16, nchannels=1,
                               sample_rate=SAMPLE_RATE)
    return decoded.samples.tobytes()


def join_tracks(parts: list[bytes], pause: float, bitrate: int) -> bytes:
    """One MP3 of ``parts`` with ``pause`` seconds between them.

    Parts of one format are joined frame by frame; if the engines' formats differ, the parts
    are decoded and encoded again at ``bitrate``.
    """
    streams = [read_stream(p) for p in parts]
    formats = {(s.sample_rate, s.channels) for s in streams}
    if len(formats) == 1:
        rate, channels = formats.pop()
        if channels == 1:
            gap = silence(pause, rate, min(streams[0].bitrates)) if pause > 0 else None
            return join_streams(streams, gap)
    gap_pcm = bytes(2 * int(SAMPLE_RATE * pause))
    pcm = gap_pcm.join(decode_to_pcm(s.audio()) for s in streams)
    return encode_pcm(pcm, SAMPLE_RATE, bitrate)


@dataclass(frozen=True)
class TrackTags:
    title: str
    album: str            # the course title in the track's language
    lang: str
    track: int
    total: int
    group: str = ""       # the lesson a section belongs to
    engine: str = ""

    def frames(self, length_ms: int) -> list:
        frames = [TIT2(encoding=3, text=self.title), TALB(encoding=3, text=self.album),
                  TPE1(encoding=3, text=self.album), TLAN(encoding=3, text=ISO_639_2.get(self.lang, "und")),
                  TRCK(encoding=3, text=f"{self.track}/{self.total}"), TCON(encoding=3, text="Speech"),
                  TLEN(encoding=3, text=str(length_ms)),
                  TXXX(encoding=3, desc="narration engine", text=self.engine)]
        if self.group:
            frames.append(TIT1(encoding=3, text=self.group))
        return frames


def _tag_text(tags: ID3, frame_id: str) -> str:
    frame = tags.get(frame_id)
    return str(frame.text[0]) if frame is not None and frame.text else ""


def read_tags(path: Path) -> dict[str, str]:
    """The tags this module writes, as text (empty when the file has none)."""
    try:
        tags = ID3(path)
    except (ID3NoHeaderError, OSError):
        return {}
    return {"title": _tag_text(tags, "TIT2"), "album": _tag_text(tags, "TALB"), "lang": _tag_text(tags, "TLAN"),
            "track": _tag_text(tags, "TRCK"), "length": _tag_text(tags, "TLEN"), "group": _tag_text(tags, "TIT1"),
            "engine": _tag_text(tags, "TXXX:narration engine")}


def wanted_tags(tags: TrackTags, length_ms: int) -> dict[str, str]:
    return {"title": tags.title, "album": tags.album, "lang": ISO_639_2.get(tags.lang, "und"),
            "track": f"{tags.track}/{tags.total}", "length": str(length_ms), "group": tags.group,
            "engine": tags.engine}


def strip_tags(data: bytes) -> bytes:
    """The bytes from the first frame on (an info frame kept), without leading ID3v2 or a trailing ID3v1 tag."""
    start = 0
    while size := id3v2_size(data, start):
        start += size
    end = len(data) - (128 if len(data) >= 128 and data[-128:-125] == b"TAG" else 0)
    return data[start:end]


def write_track(path: Path, mp3: bytes, tags: TrackTags) -> Mp3Stream:
    """Write ``mp3`` with ``tags`` (replacing any it had) to ``path`` atomically; returns its stream."""
    body = strip_tags(mp3)
    stream = read_stream(body)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        tmp.write_bytes(body)
        id3 = ID3()
        for frame in tags.frames(stream.milliseconds):
            id3.add(frame)
        id3.save(tmp, v2_version=4, padding=lambda info: 0)
        tmp.replace(path)
    finally:
        if tmp.exists():
            tmp.unlink()
    return stream


def retag(path: Path, tags: TrackTags) -> bool:
    """Rewrite the tags of an intact track when they differ; True when the file changed."""
    data = path.read_bytes()
    stream = read_stream(data)
    if read_tags(path) == wanted_tags(tags, stream.milliseconds):
        return False
    write_track(path, data, tags)
    return True


def check_track(path: Path) -> Mp3Stream:
    """The stream of an intact track; Mp3Error when it is missing, damaged, or shorter than its TLEN."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise Mp3Error(f"cannot read {path.name}: {exc.strerror}") from exc
    stream = read_stream(data)
    length = read_tags(path).get("length", "")
    if not length.isdigit():
        raise Mp3Error(f"{path.name} has no length tag")
    if abs(int(length) - stream.milliseconds) > 1:
        raise Mp3Error(f"{path.name} lasts {stream.milliseconds} ms, its tag says {length} ms")
    return stream
