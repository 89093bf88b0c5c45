"""The course's own CSS and JS as three minified files named by their content hash.

mkdocs.yml lists the course's styles (``extra_css``), scripts (``extra_javascript``) and the
scripts that must run in the head before Material's bundle (``extra.polyfills``), one file per
feature, so each stays small and readable. A browser would make one request per file (eleven)
and get the comments and indentation too. On every build the hook (mkdocs_hooks.py) replaces
each list by one file that joins the listed files in order, minified (rjsmin, rcssmin), named
``assets/course/<kind>.<hash>.min.<ext>``: a changed file gets a new name, so a browser may keep
a bundle as long as it likes, and an unchanged bundle is not written again. The listed files
themselves are still copied into the site as they are (other tools may link to them).

Adding a script or style to the site is unchanged: list it in mkdocs.yml. Entries that are not
plain local files (``http(s)://`` addresses, scripts with ``type``, ``async`` or ``defer``) are
left in the list as they are.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import CourseError

FOLDER = "assets/course"
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
    config.extra_javascript, js = bundle_entries("scripts", "js", list(config.extra_javascript), theme_dirs, docs_dir)
    polyfills = list(config.extra.get("polyfills") or [])
    # Material's offline plugin adds a shim from unpkg.com unless a polyfill's name says "iframe-worker".
    config.extra["polyfills"], head = bundle_entries("head-iframe-worker", "js", polyfills, theme_dirs, docs_dir)
    return [b for b in (css, js, head) if b]


def write_bundles(site_dir: Path, bundles: list[Bundle]) -> None:
    """Write each bundle into the site unless the same file is there already."""
    for bundle in bundles:
        target = site_dir / bundle.name
        if target.is_file() and target.read_bytes() == bundle.content:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(bundle.content)
