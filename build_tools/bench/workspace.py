"""A throwaway copy of the course, so the benchmark can build cold and edit lessons freely."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

INPUTS = ("content", "quiz", "translations", "overrides", "mkdocs.yml")


def make_workspace(repo: Path, target: Path, audio_engine: str = "espeak") -> Path:
    """Copy the course inputs (not the caches) into ``target``; narration forced to ``audio_engine``."""
    target.mkdir(parents=True, exist_ok=True)
    for name in INPUTS:
        source = repo / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        elif source.is_file():
            shutil.copy(source, target / name)
    os.symlink(repo / "build_tools", target / "build_tools")
    force_audio_engine(target / "mkdocs.yml", audio_engine)
    return target


def force_audio_engine(mkdocs_yml: Path, engine: str) -> None:
    """Set ``extra.course.audio.engine`` in the copy's mkdocs.yml (text edit: the file has YAML tags)."""
    lines = mkdocs_yml.read_text(encoding="utf-8").splitlines()
    out, in_audio, done = [], False, False
    for line in lines:
        if line.split("#", 1)[0].strip() == "audio:" and line.startswith("    "):
            in_audio = True
            out.append(line)
            out.append(f"      engine: {engine}")
            done = True
            continue
        if in_audio and line.strip().startswith("engine:"):
            continue
        if in_audio and not line.startswith("      "):
            in_audio = False
        out.append(line)
    if not done:
        index = next(i for i, line in enumerate(out) if line.strip() == "course:")
        out[index + 1:index + 1] = ["    audio:", f"      engine: {engine}"]
    mkdocs_yml.write_text("\n".join(out) + "\n", encoding="utf-8")


def edit_one_section(root: Path, lang: str = "el", name: str = "02-omnichannel-vs-multichannel.md") -> str:
    """Append a sentence to the last section of one lesson in one language; returns what was edited."""
    path = root / "content" / lang / name
    text = path.read_text(encoding="utf-8").rstrip("\n")
    path.write_text(text + "\n\nΜια πρόταση που πρόσθεσε ο εκπαιδευτής.\n", encoding="utf-8")
    return f"{lang}/{name}, last section"
