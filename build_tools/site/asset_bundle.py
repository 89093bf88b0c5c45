"""The course's own CSS and JS as three minified files named by their content hash.

mkdocs.yml lists the course's styles (``extra_css``), scripts (``extra_javascript``) and the
scripts that must run in the head before Material's bundle (``extra.polyfills``), one file per
feature, so each stays small and readable. A browser would make one request per file (eleven)
and get the comments and indentation too. On every build the hook (mkdocs_hooks.py) replaces
each list by one file that joins the listed files in order, minified (rjsmin, rcssmin), named
``assets/course/<kind>.<hash>.min.<ext>``: a changed file gets a new name, so a browser may keep
a bundle as long as it likes, and an unchanged bundle is not written again. The listed files
themselves are still copied into the site as they are (other tools may link to them).

Scripts only one kind of page needs are bundled apart and loaded by a few bytes at the end of
the scripts bundle, only where that page's element is (``ON_DEMAND``): the quiz engine
(``quiz*.js``, about 4 KB gzip) is fetched on the "Test yourself" page alone.

Adding a script or style to the site is unchanged: list it in mkdocs.yml. Entries that are not
plain local files (``http(s)://`` addresses, scripts with ``type``, ``async`` or ``defer``) are
left in the list as they are.
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import CourseError

FOLDER = "assets/course"
# Bundle label -> (scripts whose file name starts with it, the element that says a page needs them).
ON_DEMAND = {"quiz": ("quiz", "[data-course-quiz]")}
_BUNDLE = re.compile(r"^assets/course/[a-z-]+\.[0-9a-f]{10}\.min\.(css|js)$")
_STRICT = re.compile(r"""^(['"])use strict\1""")


@dataclass(frozen=True)
class Bundle:
    name: str          # site-relative path, e.g. assets/course/scripts.1a2b3c4d.min.js
    content: bytes


def _minify(kind: str, text: str) -> str:
    if kind == "css":
        import rcssmin
        return rcssmin.cssmin(text)
    import rjsmin
    return rjsmin.jsmin(text)


def _is_local_plain(entry) -> bool:
    path = str(entry)
    if path.startswith(("http:", "https:", "//", "data:")):
        return False
    return not any(getattr(entry, attr, None) for attr in ("type", "async_", "defer"))


def _source(theme_dirs: list[Path], docs_dir: Path, path: str) -> Path:
    for folder in [docs_dir, *theme_dirs]:
        candidate = folder / path
        if candidate.is_file():
            return candidate
    raise CourseError.at("mkdocs.yml", 1, f"the site asset '{path}' is listed but no such file exists",
                         f"add the file under overrides/{path} or remove it from mkdocs.yml")


def make_bundle(label: str, kind: str, paths: list[str], theme_dirs: list[Path], docs_dir: Path) -> Bundle:
    """Join ``paths`` in order, minified; ``kind`` is 'css' or 'js'."""
    parts = []
    for path in paths:
        text = _source(theme_dirs, docs_dir, path).read_text(encoding="utf-8")
        minified = _minify(kind, text).strip()
        if kind == "js" and _STRICT.match(minified):
            # A file-wide "use strict" would make every file after it strict too: keep it to its file.
            minified = f"(function(){{{minified}\n}})()"
        parts.append(minified)
    content = (("\n" if kind == "css" else ";\n").join(parts) + "\n").encode("utf-8")
    digest = hashlib.sha256(content).hexdigest()[:10]
    return Bundle(f"{FOLDER}/{label}.{digest}.min.{kind}", content)


def bundle_entries(label: str, kind: str, entries: list, theme_dirs: list[Path], docs_dir: Path) -> tuple[list, Bundle | None]:
    """The new list for ``entries`` (the bundle first, other entries after) and the bundle to write."""
    local = [str(e) for e in entries if _is_local_plain(e)]
    if not local or any(_BUNDLE.match(path) for path in local):    # none, or bundled already
        return list(entries), None
    bundle = make_bundle(label, kind, local, theme_dirs, docs_dir)
    return [bundle.name, *[e for e in entries if not _is_local_plain(e)]], bundle


def bundle_site_assets(config) -> list[Bundle]:
    """Replace the MkDocs config's three lists by their bundles; returns the bundles to write."""
    theme_dirs = [Path(d) for d in config.theme.dirs]
    docs_dir = Path(config.docs_dir)
    bundles = []
    config.extra_css, css = bundle_entries("styles", "css", list(config.extra_css), theme_dirs, docs_dir)
    config.extra_javascript, scripts = bundle_scripts(list(config.extra_javascript), theme_dirs, docs_dir)
    polyfills = list(config.extra.get("polyfills") or [])
    # Material's offline plugin adds a shim from unpkg.com unless a polyfill's name says "iframe-worker".
    config.extra["polyfills"], head = bundle_entries("head-iframe-worker", "js", polyfills, theme_dirs, docs_dir)
    return [b for b in (css, head) if b] + scripts


def _on_demand_loader(bundle: Bundle, selector: str) -> str:
    """Adds ``bundle`` to the page when ``selector`` matches (runs at the end of <body>, also from file://)."""
    name = bundle.name.rsplit("/", 1)[1]
    return ('(function(){var me=document.currentScript;if(!me||!document.querySelector(%s))return;'
            'var s=document.createElement("script");s.src=new URL(%s,me.src).href;s.async=false;'
            'document.body.appendChild(s)})();' % (json.dumps(selector), json.dumps(name)))


def bundle_scripts(entries: list, theme_dirs: list[Path], docs_dir: Path) -> tuple[list, list[Bundle]]:
    """The every-page scripts bundle (ending with the loaders of the on-demand bundles) and those bundles."""
    local = [str(e) for e in entries if _is_local_plain(e)]
    if not local or any(_BUNDLE.match(path) for path in local):
        return list(entries), []
    extra: list[Bundle] = []
    loaders = []
    for label, (prefix, selector) in ON_DEMAND.items():
        wanted = [p for p in local if p.rsplit("/", 1)[-1].startswith(prefix)]
        if wanted:
            bundle = make_bundle(label, "js", wanted, theme_dirs, docs_dir)
            extra.append(bundle)
            loaders.append(_on_demand_loader(bundle, selector))
            local = [p for p in local if p not in wanted]
    main = make_bundle("scripts", "js", local, theme_dirs, docs_dir)
    if loaders:
        content = main.content + ("\n".join(loaders) + "\n").encode("utf-8")
        digest = hashlib.sha256(content).hexdigest()[:10]
        main = Bundle(f"{FOLDER}/scripts.{digest}.min.js", content)
    return [main.name, *[e for e in entries if not _is_local_plain(e)]], [main, *extra]


def write_bundles(site_dir: Path, bundles: list[Bundle]) -> None:
    """Write each bundle into the site unless the same file is there already."""
    for bundle in bundles:
        target = site_dir / bundle.name
        if target.is_file() and target.read_bytes() == bundle.content:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(bundle.content)
