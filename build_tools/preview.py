"""`course preview`: MkDocs' live-reload server; the hook regenerates pages on every change.

For instructors while editing:
- it prints the address to open;
- while an input has an error, every page shows the problems (``path:line: what — fix``)
  instead of MkDocs' stuck request, and reloads by itself once the file is fixed;
- the pages are regenerated and checked once per change of the inputs, so each warning is
  printed once per rebuild (the i18n plugin runs the build hooks once per language).
"""
from __future__ import annotations

import hashlib
import html
import os
from pathlib import Path

from .config import load_config
from .errors import Problem

PREVIEW_ENV = "COURSE_PREVIEW"


def is_preview() -> bool:
    return bool(os.environ.get(PREVIEW_ENV))


def inputs_fingerprint(root: Path) -> str:
    """Changes whenever a file the pages are made from changes (name, size or time)."""
    h = hashlib.sha256()
    root = Path(root)
    files = [root / "mkdocs.yml"]
    for folder in ("content", "quiz", "translations"):
        if (root / folder).is_dir():
            files.extend(sorted(p for p in (root / folder).rglob("*") if p.is_file()))
    for path in files:
        if path.is_file():
            stat = path.stat()
            h.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return h.hexdigest()


def error_page(problems: list[Problem]) -> str:
    items = "\n".join(f"<li><code>{html.escape(p.format())}</code></li>" for p in problems)
    return ("---\ntitle: course check failed\n---\n\n"
            '<div class="admonition failure" role="alert">\n'
            f"<p><strong>course check found {len(problems)} problem(s).</strong> Fix them and save: "
            "this page reloads by itself.</p>\n"
            f'<ul class="course-preview-errors">\n{items}\n</ul>\n</div>\n')


def write_error_pages(docs_dir: Path, languages: list[str], problems: list[Problem]) -> None:
    """Every page the preview serves (or at least each language's home) shows the problems."""
    page = error_page(problems)
    targets = set(docs_dir.rglob("*.md")) if docs_dir.is_dir() else set()
    targets |= {docs_dir / code / "index.md" for code in languages}
    for target in targets:
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.is_file() or target.read_text(encoding="utf-8") != page:
            target.write_text(page, encoding="utf-8")


def preview(root: Path | str, host: str = "127.0.0.1", port: int = 8001) -> None:
    from mkdocs.commands.serve import serve

    from .pipeline import refresh_generated_docs

    os.environ[PREVIEW_ENV] = "1"
    config = load_config(root)
    refresh_generated_docs(config.root)
    inputs = [config.content_dir, config.quiz_dir, config.translations_dir]
    watch = [str(path) for path in inputs if path.exists()]
    print(f"course preview: open http://{host}:{port}/ — saved edits to content/, quiz/ and translations/ "
          "reload the page; Ctrl+C stops", flush=True)
    serve(config_file=str(config.mkdocs_file), livereload=True, watch=watch, dev_addr=f"{host}:{port}")
