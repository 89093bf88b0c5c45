"""MPEG audio layer III streams read frame by frame: enough to check that a cached track is whole,
to measure it, and to join tracks without decoding them.

A stream is valid when it is a chain of layer III frames from its first byte (after ID3 tags)
to its last, every frame complete, at one sample rate and channel count. A truncated or
overwritten file breaks the chain, so :func:`read_stream` raises :class:`Mp3Error` for it.
"""
from __future__ import annotations

from dataclasses import dataclass, field

BITRATES = {  # kbps for layer III, by MPEG version
    1: (0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320),
    2: (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),
}
SAMPLE_RATES = {1: (44100, 48000, 32000), 2: (22050, 24000, 16000), 25: (11025, 12000, 8000)}
VERSION_BITS = {0b11: 1, 0b10: 2, 0b00: 25}


class Mp3Error(ValueError):
    """The bytes are not a complete layer III stream."""


@dataclass(frozen=True)
class FrameHeader:
    version: int          # 1, 2 or 25 (MPEG 2.5)
    bitrate: int          # kbps
    sample_rate: int
    padding: int
    channels: int
    protected: bool
    raw: bytes

    @property
    def samples(self) -> int:
        return 1152 if self.version == 1 else 576

    @property
    def length(self) -> int:
        return (144 if self.version == 1 else 72) * self.bitrate * 1000 // self.sample_rate + self.padding

    @property
    def side_info(self) -> int:
        if self.version == 1:
            return 17 if self.channels == 1 else 32
        return 9 if self.channels == 1 else 17


def parse_header(data: bytes | memoryview, offset: int) -> FrameHeader | None:
    """The layer III frame header at ``offset``, or None when there is none."""
    if offset + 4 > len(data):
        return None
    b0, b1, b2, b3 = data[offset], data[offset + 1], data[offset + 2], data[offset + 3]
    if b0 != 0xFF or (b1 & 0xE0) != 0xE0:
        return None
    version = VERSION_BITS.get((b1 >> 3) & 0b11)
    layer = (b1 >> 1) & 0b11
    bitrate_index, rate_index = b2 >> 4, (b2 >> 2) & 0b11
    if version is None or layer != 0b01 or bitrate_index in (0, 15) or rate_index == 3:
        return None
    return FrameHeader(version, BITRATES[1 if version == 1 else 2][bitrate_index],
                       SAMPLE_RATES[version][rate_index], (b2 >> 1) & 1, 1 if (b3 >> 6) == 0b11 else 2,
                       not (b1 & 1), bytes(data[offset:offset + 4]))


def id3v2_size(data: bytes | memoryview, offset: int) -> int:
    """Length of an ID3v2 tag starting at ``offset`` (0 when there is none)."""
    if bytes(data[offset:offset + 3]) != b"ID3" or offset + 10 > len(data):
        return 0
    size = 0
    for byte in data[offset + 6:offset + 10]:
        if byte & 0x80:
            raise Mp3Error(f"damaged ID3 tag at byte {offset}")
        size = (size << 7) | byte
    footer = 10 if data[offset + 5] & 0x10 else 0
    return 10 + size + footer


def is_info_frame(data: bytes | memoryview, offset: int, header: FrameHeader) -> bool:
    """A Xing/Info/VBRI frame: silent, describes the stream, not part of the audio."""
    at = offset + 4 + (2 if header.protected else 0) + header.side_info
    return bytes(data[at:at + 4]) in (b"Xing", b"Info") or bytes(data[offset + 36:offset + 40]) == b"VBRI"


@dataclass
class Mp3Stream:
    """The audio frames of a stream: where they are and what they hold."""

    data: bytes
    frames: list[tuple[int, int]] = field(default_factory=list)   # (offset, length)
    bitrates: set[int] = field(default_factory=set)
    sample_rate: int = 0
    channels: int = 0
    samples_per_frame: int = 0
    first: FrameHeader | None = None

    @property
    def seconds(self) -> float:
        return len(self.frames) * self.samples_per_frame / self.sample_rate if self.sample_rate else 0.0

    @property
    def milliseconds(self) -> int:
        return round(self.seconds * 1000)

    def audio(self) -> bytes:
        """The frames alone: no tags, no info frame."""
        view = memoryview(self.data)
        return b"".join(view[o:o + n] for o, n in self.frames)


def read_stream(data: bytes) -> Mp3Stream:
    """Walk every frame of ``data``; raise Mp3Error unless it is one whole layer III stream."""
    view = memoryview(data)
    stream = Mp3Stream(data)
    offset, end = 0, len(data)
    if end >= 128 and bytes(view[end - 128:end - 125]) == b"TAG":
        end -= 128
    while offset < end:
        tag = id3v2_size(view, offset)
        if tag:
            offset += tag
            continue
        header = parse_header(view, offset)
        if header is None:
            raise Mp3Error(f"no MPEG frame at byte {offset} of {len(data)}")
        if offset + header.length > end:
            raise Mp3Error(f"last frame cut short at byte {offset} ({end - offset} of {header.length} bytes)")
        if stream.first is None:
            stream.first = header
            stream.sample_rate, stream.channels, stream.samples_per_frame = header.sample_rate, header.channels, header.samples
        elif (header.sample_rate, header.channels) != (stream.sample_rate, stream.channels):
            raise Mp3Error(f"frame at byte {offset} changes the format to {header.sample_rate} Hz, {header.channels} channel(s)")
        if not is_info_frame(view, offset, header):
            stream.frames.append((offset, header.length))
            stream.bitrates.add(header.bitrate)
        offset += header.length
    if not stream.frames:
        raise Mp3Error("no audio frames")
    return stream


def info_frame(template: FrameHeader, frames: list[tuple[int, int]], audio_bytes: int, vbr: bool) -> bytes:
    """A Xing ("Info" for constant bitrate) frame with frame count, byte count and a seek table.

    Players read the duration from it instead of guessing from the first frame's bitrate,
    which matters when a lesson joins tracks of different bitrates.
    """
    payload_len = 4 + 4 + 4 + 4 + 100
    rates = BITRATES[1 if template.version == 1 else 2]
    for index, rate in enumerate(rates[1:], start=1):
        header = FrameHeader(template.version, rate, template.sample_rate, 0, template.channels, False, b"")
        if header.length >= 4 + header.side_info + payload_len:
            break
    else:  # pragma: no cover - every MPEG rate has a large enough bitrate
        raise Mp3Error("no bitrate fits an info frame")
    b1 = 0xE0 | {1: 0b11, 2: 0b10, 25: 0b00}[template.version] << 3 | 0b01 << 1 | 1   # no CRC
    rate_index = SAMPLE_RATES[template.version].index(template.sample_rate)
    b2 = index << 4 | rate_index << 2
    b3 = (0b11 if template.channels == 1 else 0b00) << 6
    length = header.length
    total = length + audio_bytes
    toc = bytearray()
    count = len(frames)
    start = frames[0][0] if frames else 0
    for percent in range(100):
        frame = min(count - 1, percent * count // 100) if count else 0
        position = length + (frames[frame][0] - start if count else 0)
        toc.append(min(255, position * 256 // total))
    body = (bytes([0xFF, b1, b2, b3]) + bytes(header.side_info) + (b"Xing" if vbr else b"Info")
            + (0x0007).to_bytes(4, "big") + count.to_bytes(4, "big") + total.to_bytes(4, "big") + bytes(toc))
    return body + bytes(length - len(body))


def join_streams(streams: list[Mp3Stream], gap: Mp3Stream | None = None) -> bytes:
    """One stream of the frames of ``streams`` in order (``gap`` between them), led by an info frame.

    All streams must share sample rate and channel count (MP3 frames are self-contained, so
    joining them needs no decoding); callers re-encode when they do not.
    """
    if not streams:
        raise Mp3Error("nothing to join")
    formats = {(s.sample_rate, s.channels) for s in streams + ([gap] if gap else [])}
    if len(formats) != 1:
        raise Mp3Error(f"streams differ in format: {sorted(formats)}")
    parts: list[bytes] = []
    for index, stream in enumerate(streams):
        if index and gap is not None:
            parts.append(gap.audio())
        parts.append(stream.audio())
    audio = b"".join(parts)
    joined = read_stream(audio)
    vbr = len(joined.bitrates) > 1
    return info_frame(streams[0].first, joined.frames, len(audio), vbr) + audio
