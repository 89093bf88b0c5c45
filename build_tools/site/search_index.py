"""One search index per language instead of MkDocs' single index of all five.

MkDocs (with the i18n plugin) writes one index holding every language: each page then loads
about 760 KB (Greek and Russian escaped as \\uXXXX) and finds pages in languages the learner
does not read. This step splits it: each language folder gets ``search/search_index.json``
(and the ``.js`` copy that search from file:// reads) with only its own pages, written as
UTF-8, and the stemmers that language needs. Pages of a language folder point Material's
search at their own folder (``course_search_base`` in the generated front matter, read by
``overrides/main.html``). The entries themselves are made again from the built pages
(search_text.py: one entry per section, no interface text, words kept apart).
"""
from __future__ import annotations

import json
from pathlib import Path

from ..artefact_paths import site_lang_dir
from .search_text import page_entries

INDEX = Path("search") / "search_index.json"


def search_languages(code: str, site_dir: Path) -> list[str]:
    """English for Latin words (brand names, BOPIS) plus the language's own stemmer if the theme has one."""
    if code == "en":
        return ["en"]
    shipped = (site_dir / "assets" / "javascripts" / "lunr" / "min" / f"lunr.{code}.min.js").is_file()
    return ["en", code] if shipped else ["en"]


def _write_index(folder: Path, data: dict) -> None:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    (folder / "search").mkdir(parents=True, exist_ok=True)
    (folder / INDEX).write_text(text, encoding="utf-8")
    (folder / "search" / "search_index.js").write_text(f"var __index = {text}", encoding="utf-8")


def reindex_pages(folder: Path, docs: list[dict]) -> list[dict]:
    """Replace each built page's entries by the ones search_text.py makes from the page itself."""
    pages: dict[str, str] = {}
    for doc in docs:
        page, _, anchor = doc["location"].partition("#")
        if not anchor or page not in pages:
            pages[page] = doc["title"] if not anchor else pages.get(page, doc["title"])
    entries: list[dict] = []
    for page, title in pages.items():
        path = folder / (page or "index.html")
        if path.is_file():
            entries.extend(page_entries(path.read_text(encoding="utf-8"), page, title))
        else:
            entries.extend(d for d in docs if d["location"].partition("#")[0] == page)
    return entries


def split_search_index(site_dir: Path, codes: list[str], source_language: str) -> None:
    path = site_dir / INDEX
    if not path.is_file():
        return
    combined = json.loads(path.read_text(encoding="utf-8"))
    folders = {code: site_lang_dir(site_dir, code, source_language) for code in codes}
    prefixes = {code: f"{folder.relative_to(site_dir).as_posix()}/" for code, folder in folders.items()
                if folder != site_dir}
    for code in codes:
        prefix = prefixes.get(code, "")
        if prefix:
            docs = [dict(d, location=d["location"][len(prefix):]) for d in combined["docs"]
                    if d["location"].startswith(prefix)]
        else:
            docs = [d for d in combined["docs"] if not d["location"].startswith(tuple(prefixes.values()))]
        docs = reindex_pages(folders[code], docs)
        config = dict(combined["config"], lang=search_languages(code, site_dir))
        _write_index(folders[code], {"config": config, "docs": docs})
