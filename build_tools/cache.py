"""Derived-file cache: a digest of exactly what shapes an artefact, and a manifest of artefact -> key.

An artefact is fresh when the manifest records the same key for it and its file is still on
disk; only then may a step skip making it again. Steps (narration, PDF, ...) keep one manifest
each under ``build/cache/<step>/manifest.json``.
"""
from __future__ import annotations

import hashlib
import json
import threading
from pathlib import Path
from typing import Any

MANIFEST_NAME = "manifest.json"


def _feed(h: "hashlib._Hash", part: Any) -> None:
    if isinstance(part, bytes):
        h.update(b"b" + len(part).to_bytes(8, "big") + part)
    elif isinstance(part, Path):
        _feed(h, part.read_bytes())
    else:
        data = json.dumps(part, sort_keys=True, ensure_ascii=False, default=str).encode("utf-8")
        h.update(b"j" + len(data).to_bytes(8, "big") + data)


def digest(*parts: Any) -> str:
    """A stable hash of ``parts``: bytes as they are, a Path by its file's content, anything else as JSON."""
    h = hashlib.sha256()
    for part in parts:
        _feed(h, part)
    return h.hexdigest()


class Manifest:
    """``artefact -> key`` stored as JSON; safe to update from several threads, saved atomically."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._lock = threading.Lock()
        try:
            loaded = json.loads(self.path.read_text(encoding="utf-8"))
            self.entries: dict[str, str] = {str(k): str(v) for k, v in loaded.items()} if isinstance(loaded, dict) else {}
        except (OSError, ValueError):
            self.entries = {}

    @classmethod
    def in_folder(cls, folder: Path) -> "Manifest":
        return cls(Path(folder) / MANIFEST_NAME)

    def is_fresh(self, artefact: str, key: str, file: Path | None = None) -> bool:
        """True when ``artefact`` was made from ``key`` and (if given) ``file`` still exists and is not empty."""
        with self._lock:
            recorded = self.entries.get(artefact)
        if recorded != key:
            return False
        return file is None or (file.is_file() and file.stat().st_size > 0)

    def record(self, artefact: str, key: str) -> None:
        with self._lock:
            self.entries[artefact] = key

    def forget(self, artefact: str) -> None:
        with self._lock:
            self.entries.pop(artefact, None)

    def save(self) -> None:
        with self._lock:
            data = json.dumps(self.entries, indent=1, sort_keys=True, ensure_ascii=False)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(data + "\n", encoding="utf-8")
        tmp.replace(self.path)
