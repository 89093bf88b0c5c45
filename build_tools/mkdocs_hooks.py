"""Thin MkDocs glue. All course logic lives in build_tools; these hooks only hand off.

- on_config: MkDocs' own `search.lang` validator drops languages that MkDocs ships no
  stemmer for (Greek among them) although Material's search ships `lunr.el`; without it the
  multi-language trimmer strips every Greek word from the index. Put the course languages
  that the theme supports back.
- on_pre_build: plain `mkdocs build`/`mkdocs serve` regenerate the pages first.
- on_config / on_post_build: the course's CSS and JS lists become one minified file each
  (build_tools/site/asset_bundle.py).
"""
from pathlib import Path

_bundles: list = []


def on_config(config, **kwargs):
    from build_tools.config import load_config
    from build_tools.site.asset_bundle import bundle_site_assets

    bundles = bundle_site_assets(config)     # none when MkDocs hands the same config again
    if bundles:
        _bundles[:] = bundles
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


def on_post_build(config, **kwargs):
    from build_tools.site.asset_bundle import write_bundles

    write_bundles(Path(config.site_dir), _bundles)
