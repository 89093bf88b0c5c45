"""Taking a language out of mkdocs.yml keeps its narration (natural voices may not be made again) and says so."""
import logging

from helpers import edit

from build_tools.model import load_course
from build_tools.narration.synthesis import narrate


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def test_removed_language_keeps_its_narration_and_warns(fixture_course):
    narrate(load_course(fixture_course), langs=["hu"])
    tracks = sorted((fixture_course / "audio" / "hu").rglob("*.mp3"))
    assert tracks
    edit(fixture_course / "mkdocs.yml", "        - locale: hu\n", "        - locale: xx-removed-hu\n")
    mkdocs = (fixture_course / "mkdocs.yml").read_text(encoding="utf-8")
    assert "xx-removed-hu" in mkdocs
    # drop the renamed entry entirely: the course has four languages now
    lines = mkdocs.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if "xx-removed-hu" in line)
    end = next(i for i in range(start + 1, len(lines)) if lines[i].lstrip().startswith("- locale:") or not lines[i].startswith("          "))
    (fixture_course / "mkdocs.yml").write_text("".join(lines[:start] + lines[end:]), encoding="utf-8")
    course = load_course(fixture_course)
    assert "hu" not in course.config.language_codes
    collect = _Collect()
    logging.getLogger("course").addHandler(collect)
    try:
        narrate(course, langs=["el"])
        narrate(course)
    finally:
        logging.getLogger("course").removeHandler(collect)
    assert sorted((fixture_course / "audio" / "hu").rglob("*.mp3")) == tracks
    assert any("audio/hu/: language 'hu' is not in mkdocs.yml; its narration is kept" in m for m in collect.messages)
