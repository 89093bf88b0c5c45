"""Names and places of the packs: one convention for the steps that make, list and publish them."""
from __future__ import annotations

from pathlib import Path

from ..artefact_paths import site_lang_dir  # noqa: F401  (packs are placed by the site's layout)

# Every pack kind, in the order the downloads page lists them. "audio" is made by the
# narration step; a kind whose zip was not made is left off the page.
PACK_KINDS = ("pdf", "audio", "offline-site", "scorm12", "scorm2004", "cmi5")
SITE_PACKS_DIR = "packs"       # inside a language's part of the site


def pack_file(kind: str, lang: str) -> str:
    return f"omnichannel-{lang}-{kind}.zip"


def dist_pack(dist_dir: Path, kind: str, lang: str) -> Path:
    """Where a pack is written: ``dist/<lang>/omnichannel-<lang>-<kind>.zip``."""
    return dist_dir / lang / pack_file(kind, lang)


def site_pack(kind: str, lang: str) -> str:
    """The pack's path inside its language's part of the site (what the downloads page links)."""
    return f"{SITE_PACKS_DIR}/{pack_file(kind, lang)}"
