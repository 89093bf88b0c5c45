"""The audio pack for trainers: ``dist/<lang>/omnichannel-<lang>-audio.zip``.

Every track of the language in lesson order with numbered names that carry the language
(``omnichannel-el-01-00-<lesson>.mp3`` is a whole lesson, ``omnichannel-el-01-02-<section>.mp3``
its second section, so tracks of several languages can share a folder), two M3U playlists (whole lessons;
sections), ``tracks.txt`` with titles and durations, and a README in the pack's language.
"""
from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..artefact_paths import download_name
from ..model import Course, Language
from ..packs import PackInfo, PackMember, write_pack
from .encode import read_tags
from .store import TrackStore
from .synthesis import LessonPlan, course_title, plain_title

PLAYLIST = "playlist.m3u"
SECTIONS_PLAYLIST = "playlist-sections.m3u"
TRACK_LIST = "tracks.txt"


def pack_name(lang: str) -> str:
    """The same convention as the other trainer packs: omnichannel-<lang>-<kind>.zip."""
    return f"omnichannel-{lang}-audio.zip"


@dataclass(frozen=True)
class PackTrack:
    name: str           # file name inside the pack
    title: str
    seconds: float
    source: Path
    whole_lesson: bool


def clock(seconds: float) -> str:
    seconds = round(seconds)
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


def pack_tracks(plans: list[LessonPlan], store: TrackStore) -> list[PackTrack]:
    """The tracks of one language in pack order; a track that is missing or damaged is an error."""
    tracks = []
    for number, lesson in enumerate(plans, start=1):
        page_slug, lang = lesson.page.id or lesson.page.stem, lesson.page.lang
        entries = [(download_name(lang, f"{number:02d}-00-{page_slug}", ".mp3"), plain_title(lesson.page.title),
                    lesson.track, True)]
        entries += [(download_name(lang, f"{number:02d}-{index:02d}-{part.track.rsplit('/', 1)[1]}", ".mp3"),
                     part.tags.title, part.track, False)
                    for index, part in enumerate(lesson.sections, start=1)]
        for name, title, track, whole in entries:
            source = store.file_of(track)
            length = read_tags(source).get("length", "") if source.is_file() else ""
            if not length.isdigit():   # the narration step checked every track; its length tag says how long
                raise RuntimeError(f"narration track {track} is not ready for the pack: no length tag in {source.name}")
            tracks.append(PackTrack(name, title, int(length) / 1000, source, whole))
    return tracks


def playlist(tracks: list[PackTrack]) -> str:
    lines = ["#EXTM3U", "#EXTENC:UTF-8"]
    for track in tracks:
        lines += [f"#EXTINF:{round(track.seconds)},{track.title}", track.name]
    return "\n".join(lines) + "\n"


def track_list(language: Language, album: str, tracks: list[PackTrack]) -> str:
    width = max(len(t.name) for t in tracks)
    whole = language.t("audio.whole_lesson")
    lines = [album, language.t("audio.tracks_title"), ""]
    for track in tracks:
        title = f"{track.title} ({whole})" if track.whole_lesson else f"  {track.title}"
        lines.append(f"{track.name:<{width}}  {clock(track.seconds):>7}  {title}")
    total = sum(t.seconds for t in tracks if t.whole_lesson)
    lines += ["", f"{language.t('audio.total')}: {clock(total)}"]
    return "\n".join(lines) + "\n"


def readme(language: Language, album: str, tracks: list[PackTrack]) -> str:
    lessons = [t for t in tracks if t.whole_lesson]
    values = {"{course}": album, "{lessons}": str(len(lessons)), "{sections}": str(len(tracks) - len(lessons)),
              "{duration}": clock(sum(t.seconds for t in lessons)), "{playlist}": PLAYLIST,
              "{sections_playlist}": SECTIONS_PLAYLIST, "{tracks}": TRACK_LIST}
    text = language.t("audio.pack_readme")
    for placeholder, value in values.items():
        text = text.replace(placeholder, value)
    return text.strip() + "\n"


def write_audio_pack(course: Course, lang: str, plans: list[LessonPlan], store: TrackStore, dist_dir: Path) -> PackInfo | None:
    """Write ``dist_dir/<lang>/omnichannel-<lang>-audio.zip``; None when the language has no narration."""
    if not plans:
        return None
    language = course.languages[lang]
    album = course_title(course, language)
    tracks = pack_tracks(plans, store)
    with tempfile.TemporaryDirectory(prefix="audio-pack-") as scratch:
        folder = Path(scratch)
        texts = {PLAYLIST: playlist([t for t in tracks if t.whole_lesson]),
                 SECTIONS_PLAYLIST: playlist([t for t in tracks if not t.whole_lesson]),
                 TRACK_LIST: track_list(language, album, tracks)}
        for name, content in texts.items():
            (folder / name).write_text(content, encoding="utf-8")
        members = [PackMember(name, folder / name) for name in texts]
        members += [PackMember(t.name, t.source) for t in tracks]
        return write_pack(dist_dir / lang / pack_name(lang), members, readme(language, album, tracks),
                          cache_dir=course.config.cache_dir / "packs")
