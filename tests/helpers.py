"""Helpers shared by the tests: copies of the fixture course that tests may break."""
from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIXTURE = REPO / "tests" / "fixtures" / "course"


def make_fixture_course(target: Path) -> Path:
    """A small five-language course in ``target``, using the repository's theme, hooks and UI strings."""
    shutil.copytree(FIXTURE, target, dirs_exist_ok=True)
    for name in ("overrides", "build_tools"):
        link = target / name
        if not link.exists():
            os.symlink(REPO / name, link)
    for ui in (REPO / "translations").glob("*.yml"):
        shutil.copy(ui, target / "translations" / ui.name)
    return target


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def tree_digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")
