"""`course preview`: MkDocs' live-reload server; the hook regenerates pages on every change."""
from __future__ import annotations

from pathlib import Path

from .config import load_config
from .pipeline import refresh_generated_docs


def preview(root: Path | str, host: str = "127.0.0.1", port: int = 8001) -> None:
    from mkdocs.commands.serve import serve

    config = load_config(root)
    refresh_generated_docs(config.root)
    inputs = [config.content_dir, config.quiz_dir, config.translations_dir]
    watch = [str(path) for path in inputs if path.exists()]
    serve(config_file=str(config.mkdocs_file), livereload=True, watch=watch, dev_addr=f"{host}:{port}")
