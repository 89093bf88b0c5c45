"""How the site generator is set up for the course (called by the MkDocs hook, build_tools/mkdocs_hooks.py).

- Every language's site name (header, ``<title>``) is its module title and its default
  description that of its home page, read from ``content/<lang>/index.md``
  (build_tools/module_title.py): mkdocs.yml holds no copy that could drift.
- The theme's single 404 page is not built: each language has its own (site/not_found.py),
  left out of the menu.
- Without ``site_url`` no sitemap is written (overrides/sitemap.xml renders nothing).
- With ``site_url``, the hreflang links of every page are absolute addresses.
"""
from __future__ import annotations

from urllib.parse import urljoin, urlsplit

from ..config import CourseConfig
from ..module_title import home_front_matter
from .not_found import NOT_FOUND_PAGE

NEVER_BUILT = ("404.html",)


def _i18n_languages(config) -> list:
    plugin = config.plugins.get("i18n")
    return list(plugin.config.languages) if plugin is not None else []


def _leave_out_of_menu(config, file_name: str) -> None:
    """Add ``file_name`` (in any language folder) to MkDocs' ``not_in_nav`` patterns."""
    import pathspec

    spec = pathspec.gitignore.GitIgnoreSpec.from_lines([file_name])
    current = config.get("not_in_nav")
    if current is None:
        config["not_in_nav"] = spec
    elif not current.match_file(f"en/{file_name}"):
        config["not_in_nav"] = current + spec


def configure_site(config, course_config: CourseConfig) -> None:
    """Site names and descriptions per language; the theme templates the course does not want."""
    homes = home_front_matter(course_config)
    source = course_config.source_language
    if homes[source]["title"]:
        config["site_name"] = homes[source]["title"]
    if homes[source]["description"]:
        config["site_description"] = homes[source]["description"]
    for language in _i18n_languages(config):
        home = homes.get(language.locale)
        if home is None:
            continue
        if language.locale != source and home["title"]:
            language["site_name"] = home["title"]
        if language.locale != source and home["description"]:
            language["site_description"] = home["description"]
    _leave_out_of_menu(config, NOT_FOUND_PAGE)
    templates = config.theme.static_templates
    for name in NEVER_BUILT:
        templates.discard(name)


def language_links(config, page) -> list[dict]:
    """The page in every language (from the i18n plugin's menu, set for this page): ``lang``,
    ``name``, ``href`` relative to the page (the menu: works from a subfolder and file://) and
    ``hreflang_href`` for ``<link rel="alternate">``, absolute when ``site_url`` is set."""
    from mkdocs.utils import normalize_url

    base_path = urlsplit(config.site_url).path if config.site_url else "/"
    links = []
    # The plugin sets the page's menu as an attribute (config.extra.alternate = ...), which
    # shadows the mapping's item: read the attribute, as the theme's templates do.
    alternates = getattr(config.extra, "alternate", None) or config.extra.get("alternate") or []
    for alternate in alternates:
        link = str(alternate.get("link", ""))
        if urlsplit(link).scheme:
            relative = absolute = link
        else:
            # The plugin writes a language's home as a root-absolute path ("/el/index.html",
            # with site_url's path in front): make it relative to the site's folder first.
            if link.startswith("/"):
                link = link[len(base_path):] if link.startswith(base_path) else link.lstrip("/")
            relative = normalize_url(link or ".", page)
            absolute = urljoin(config.site_url, link) if config.site_url else relative
        links.append({"lang": alternate.get("lang", ""), "name": alternate.get("name", ""),
                      "href": relative, "hreflang_href": absolute})
    return links
