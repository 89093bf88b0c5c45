"""The narration cache ``audio/``: keyed tracks and their manifest.

    audio/manifest.json                       track -> key ("<engine>:<sha256>" or "lesson:<sha256>")
    audio/<lang>/<page>/<section>.<engine>.mp3  a section track (``_intro`` is the lesson's opening)
    audio/<lang>/<page>.mp3                   the whole-lesson track, joined from the parts

A part's key is a digest of the spoken text, the engine and everything that shapes its
voice; a lesson's key is a digest of its parts' keys. A track is reused while its key is
unchanged and its file is whole (every frame present, as long as its length tag says).
Natural-voice files (``*.gtts.mp3``) are worth committing; ``audio/.gitignore`` keeps out the
rest, which any build makes again.
"""
from __future__ import annotations

import contextlib
import json
import os
import shutil
import threading
from pathlib import Path
from typing import Iterator

from ..cache import Manifest, digest
from .encode import check_track
from .mp3 import Mp3Error

FORMAT = 1            # bump when the way tracks are made changes: every key changes with it
LESSON = "lesson"
INTRO = "_intro"
GITIGNORE = """\
# The narration cache (see README.md, "Narration"). Commit manifest.json and the natural
# voices (*.gtts.mp3): offline builds keep them. The rest is made again by any build.
*.espeak.mp3
/*/*.mp3
*.tmp
.verified.json
"""
VERIFIED_NAME = ".verified.json"   # track -> "size:mtime" of its file when it last decoded whole


def part_key(engine: str, text: str, identity: dict) -> str:
    return f"{engine}:{digest(FORMAT, 'part', text, identity)}"


def lesson_key(part_keys: list[str], pause: float) -> str:
    return f"{LESSON}:{digest(FORMAT, LESSON, part_keys, pause)}"


def engine_of(key: str | None) -> str:
    return (key or "").partition(":")[0]


class TrackStore:
    def __init__(self, root: Path):
        self.root = Path(root)
        self.manifest = Manifest.in_folder(self.root)
        self._verified_lock = threading.Lock()
        try:
            loaded = json.loads((self.root / VERIFIED_NAME).read_text(encoding="utf-8"))
            self.verified: dict[str, str] = loaded if isinstance(loaded, dict) else {}
        except (OSError, ValueError):
            self.verified = {}

    def recorded(self, track: str) -> str | None:
        return self.manifest.entries.get(track)

    def part_file(self, track: str, engine: str) -> Path:
        return self.root / f"{track}.{engine}.mp3"

    def lesson_file(self, track: str) -> Path:
        return self.root / f"{track}.mp3"

    def file_of(self, track: str, key: str | None = None) -> Path:
        """The file of ``track`` as recorded (or as ``key`` would name it)."""
        key = key if key is not None else self.recorded(track)
        engine = engine_of(key)
        return self.lesson_file(track) if engine == LESSON else self.part_file(track, engine)

    def intact(self, track: str, key: str) -> bool:
        """True when the manifest records ``key`` for ``track`` and its file is whole.

        Decoding every cached track on every build took most of a no-op build; a file whose
        size and modification time are those it had when it last decoded whole is trusted.
        A cut-short or rewritten file has another size or time and is decoded again."""
        path = self.file_of(track, key)
        if not self.manifest.is_fresh(track, key, path):
            return False
        stat = path.stat()
        stamp = f"{stat.st_size}:{stat.st_mtime_ns}"
        with self._verified_lock:
            if self.verified.get(track) == stamp:
                return True
        try:
            check_track(path)
        except Mp3Error:
            return False
        with self._verified_lock:
            self.verified[track] = stamp
        return True

    def _stamp(self, track: str) -> str | None:
        try:
            stat = self.file_of(track).stat()
        except OSError:
            return None
        return f"{stat.st_size}:{stat.st_mtime_ns}"

    def tags_current(self, track: str, tags: object) -> bool:
        """True when the file is as it was when ``tags`` were last found or written in it."""
        stamp = self._stamp(track)
        with self._verified_lock:
            return stamp is not None and self.verified.get(track + "#tags") == f"{stamp}|{tags!r}"

    def note_tags(self, track: str, tags: object) -> None:
        stamp = self._stamp(track)
        if stamp is not None:
            with self._verified_lock:
                self.verified[track + "#tags"] = f"{stamp}|{tags!r}"
                self.verified[track] = stamp    # retagging rewrote a file that was whole

    def record(self, track: str, key: str) -> None:
        """Record ``key`` for ``track`` and remove the file of its previous key, if that was another file."""
        previous = self.recorded(track)
        self.manifest.record(track, key)
        if previous and previous != key and self.file_of(track, previous) != self.file_of(track, key):
            self.file_of(track, previous).unlink(missing_ok=True)

    def clean(self, langs: list[str], wanted: set[str], all_langs: list[str] | None = None) -> list[str]:
        """Forget tracks of ``langs`` not in ``wanted`` and delete files no track uses; returns what went.

        With ``all_langs`` (a run over every language), folders of languages no longer in the
        course go too.
        """
        removed: list[str] = []
        for track in list(self.manifest.entries):
            lang = track.split("/", 1)[0]
            gone_language = all_langs is not None and lang not in all_langs
            if (lang in langs and track not in wanted) or gone_language:
                self.manifest.forget(track)
                removed.append(track)
        kept = {self.file_of(t).resolve() for t in self.manifest.entries}
        folders = [self.root / lang for lang in langs]
        if all_langs is not None:
            folders += [p for p in self.root.iterdir() if p.is_dir() and p.name not in all_langs] if self.root.is_dir() else []
        for folder in folders:
            if not folder.is_dir():
                continue
            for path in sorted(folder.rglob("*")):
                if path.is_file() and (path.suffix in (".mp3", ".tmp")) and path.resolve() not in kept:
                    path.unlink()
            for path in sorted((p for p in folder.rglob("*") if p.is_dir()), key=lambda p: -len(p.parts)):
                with contextlib.suppress(OSError):
                    path.rmdir()
            if all_langs is not None and folder.name not in all_langs and not any(folder.iterdir()):
                folder.rmdir()
        return removed

    def save(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        ignore = self.root / ".gitignore"
        if not ignore.is_file():
            ignore.write_text(GITIGNORE, encoding="utf-8")
        self.manifest.save()
        with self._verified_lock:
            known = {t: v for t, v in self.verified.items() if t.split("#tags")[0] in self.manifest.entries}
        tmp = self.root / (VERIFIED_NAME + ".tmp")
        tmp.write_text(json.dumps(known, sort_keys=True), encoding="utf-8")
        tmp.replace(self.root / VERIFIED_NAME)


@contextlib.contextmanager
def locked(folder: Path) -> Iterator[None]:
    """One narration run at a time per cache (another waits), where the system can lock files."""
    folder.mkdir(parents=True, exist_ok=True)
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: no second run to guard against in practice
        yield
        return
    with open(folder / "audio.lock", "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def link_or_copy(source: Path, target: Path) -> None:
    """``target`` becomes the same file as ``source``: a hard link where possible, else a copy."""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.unlink(missing_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)
