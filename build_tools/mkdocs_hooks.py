"""Thin MkDocs glue: plain `mkdocs serve`/`mkdocs build` regenerate the pages first.

All logic lives in build_tools; this file only hands off.
"""
from pathlib import Path


def on_pre_build(config, **kwargs):
    from mkdocs.exceptions import Abort

    from build_tools.errors import CourseError
    from build_tools.pipeline import refresh_generated_docs

    try:
        refresh_generated_docs(Path(config.config_file_path).parent)
    except CourseError as exc:
        raise Abort(f"course check failed:\n{exc}") from None
