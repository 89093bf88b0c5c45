"""Thin MkDocs glue. All course logic lives in build_tools; these hooks only hand off.

- on_config: MkDocs' own `search.lang` validator drops languages that MkDocs ships no
  stemmer for (Greek among them) although Material's search ships `lunr.el`; without it the
  multi-language trimmer strips every Greek word from the index. Put the course languages
  that the theme supports back.
- on_pre_build: plain `mkdocs build`/`mkdocs serve` regenerate the pages first.
"""
from pathlib import Path


def on_config(config, **kwargs):
    from build_tools.config import load_config

    search = config.plugins.get("material/search") or config.plugins.get("search")
    if search is None:
        return config
    stemmers = [Path(d) / "assets" / "javascripts" / "lunr" / "min" for d in config.theme.dirs]
    langs = list(search.config.lang or ["en"])
    for code in load_config(Path(config.config_file_path).parent).language_codes:
        shipped = any((folder / f"lunr.{code}.min.js").is_file() for folder in stemmers)
        if code not in langs and (code == "en" or shipped):
            langs.append(code)
    search.config.lang = langs
    return config


def on_pre_build(config, **kwargs):
    from mkdocs.exceptions import Abort

    from build_tools.errors import CourseError
    from build_tools.pipeline import refresh_generated_docs

    try:
        refresh_generated_docs(Path(config.config_file_path).parent)
    except CourseError as exc:
        raise Abort(f"course check failed:\n{exc}") from None
