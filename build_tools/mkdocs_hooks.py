"""Thin MkDocs glue. All course logic lives in build_tools; these hooks only hand off.

- on_config: MkDocs' own `search.lang` validator drops languages that MkDocs ships no
  stemmer for (Greek among them) although Material's search ships `lunr.el`; without it the
  multi-language trimmer strips every Greek word from the index. Put the course languages
  that the theme supports back. Also: every language's site name is its module title
  (build_tools/module_title.py), and the theme's own 404 page and, without `site_url`, its
  sitemap are not built (build_tools/site/theme_setup.py).
- on_pre_build: plain `mkdocs build`/`mkdocs serve` regenerate the pages first.
- on_page_context: language links as absolute addresses when `site_url` is set.
- on_post_page/on_post_template: markup of the theme the HTML checker rejects, mended.
- on_config / on_post_build: the course's CSS and JS lists become one minified file each
  (build_tools/site/asset_bundle.py).
"""
from pathlib import Path

from mkdocs.plugins import event_priority

_bundles: list = []


def on_config(config, **kwargs):
    from build_tools.config import load_config
    from build_tools.site.asset_bundle import bundle_site_assets
    from build_tools.site.theme_setup import configure_site

    course_config = load_config(Path(config.config_file_path).parent)
    configure_site(config, course_config)
    bundles = bundle_site_assets(config)     # none when MkDocs hands the same config again
    if bundles:
        _bundles[:] = bundles
    search = config.plugins.get("material/search") or config.plugins.get("search")
    if search is None:
        return config
    stemmers = [Path(d) / "assets" / "javascripts" / "lunr" / "min" for d in config.theme.dirs]
    langs = list(search.config.lang or ["en"])
    for code in course_config.language_codes:
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


@event_priority(-50)       # after the i18n plugin has pointed its language menu at this page
def on_page_context(context, page, config, **kwargs):
    from build_tools.site.theme_setup import language_links

    context["course_languages"] = language_links(config, page)
    return context


def on_post_page(output, page, config, **kwargs):
    from build_tools.site.theme_markup import mend_theme_markup

    return mend_theme_markup(output)


def on_post_template(output, template_name, config, **kwargs):
    from build_tools.site.theme_markup import mend_theme_markup

    return mend_theme_markup(output) if template_name.endswith(".html") else output
