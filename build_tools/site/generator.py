"""The one place that calls the static site generator (MkDocs with Material today)."""
from __future__ import annotations

import logging
from pathlib import Path

from ..config import CourseConfig
from ..errors import CourseError


class _WarningCollector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def build_site(config: CourseConfig, docs_dir: Path, site_dir: Path) -> None:
    """Run MkDocs into ``site_dir``; its warnings (broken links, missing files) fail the build."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    collector = _WarningCollector()
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(collector)
    try:
        mkdocs_config = load_config(config_file=str(config.mkdocs_file), docs_dir=str(docs_dir), site_dir=str(site_dir))
        build(mkdocs_config)
    except Exception as exc:  # MkDocs raises its own Abort/BuildError/PluginError types
        details = "; ".join(collector.messages) or str(exc)
        raise CourseError.at("mkdocs.yml", 1, f"site generator failed: {details}",
                             "fix what the message names, or run 'course build -v' to see the generator's log") from exc
    finally:
        mkdocs_log.removeHandler(collector)
    if collector.messages:
        raise CourseError.at("mkdocs.yml", 1, "site generator warnings: " + "; ".join(collector.messages),
                             "fix the link or file the warning names, then build again")


def publish_language_sitemaps(site_dir: Path, language_dirs: list[str]) -> None:
    """Material looks up ``sitemap.xml`` beside every alternate-language link; MkDocs writes one
    at the root only. A copy in each language folder saves four failed requests per page."""
    root_map = site_dir / "sitemap.xml"
    if not root_map.is_file():
        return
    for folder in language_dirs:
        target = site_dir / folder
        if target.is_dir():
            (target / "sitemap.xml").write_bytes(root_map.read_bytes())
