"""The English text a translation was made from, found in git by the digest the translation records."""
from __future__ import annotations

import difflib
import subprocess
from pathlib import Path

from .markdown_source import parse_source
from .model import Page


def _git(root: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout if done.returncode == 0 else None


def in_git_repository(root: Path) -> bool:
    return (_git(root, "rev-parse", "--is-inside-work-tree") or "").strip() == "true"


def translated_source_text(root: Path, source: Page, digest: str) -> str | None:
    """The committed version of ``source`` whose digest is ``digest``, or None if git has none."""
    commits = _git(root, "log", "--format=%H", "--", source.path) or ""
    for commit in commits.split():
        text = _git(root, "show", f"{commit}:{source.path}")
        if text is None:
            continue
        try:
            parsed, _ = parse_source(text, source.path)
        except Exception:  # an old version that does not parse cannot be the one translated
            continue
        old = Page(source.lang, source.name, source.path, parsed.meta, parsed.meta_lines, parsed.intro,
                   parsed.intro_line, parsed.sections)
        if old.source_digest() == digest:
            return text
    return None


def source_changes(root: Path, source: Page, digest: str) -> str | None:
    """A unified diff of the English page from the translated version to now (None: version unknown)."""
    old = translated_source_text(root, source, digest)
    if old is None:
        return None
    new = (root / source.path).read_text(encoding="utf-8")
    return "".join(difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                        f"{source.path} (translated)", f"{source.path} (now)"))
