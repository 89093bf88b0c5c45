"""`course check` names file, line and fix for each structural problem (issue: foundation, point 5)."""
from pathlib import Path

from helpers import edit, line_of

from build_tools.checks import run_checks
from build_tools.model import load_course


def problems_of(root: Path) -> list[str]:
    return [p.format() for p in run_checks(load_course(root)) if p.is_error]


def test_fixture_course_is_clean(fixture_course):
    assert problems_of(fixture_course) == []


def test_missing_lesson_in_a_language(fixture_course):
    (fixture_course / "content/el/01-basics.md").unlink()
    assert problems_of(fixture_course) == [
        "content/el/01-basics.md:1: el: content/el/01-basics.md missing; English source: content/en/01-basics.md"
        " — translate the English page into this file (run 'course i18n' to see what lags behind)"]


def test_section_missing_in_a_translation(fixture_course):
    path = fixture_course / "content/hu/01-basics.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("## A csatornák")], encoding="utf-8")
    english_line = line_of(fixture_course / "content/en/01-basics.md", "{#channels}")
    previous = line_of(path, "{#what-is-omnichannel}")
    assert problems_of(fixture_course) == [
        f"content/hu/01-basics.md:{previous}: hu: section 'channels' missing; English source: "
        f"content/en/01-basics.md:{english_line} — translate it as '## <title> {{#channels}}' in the same place"]


def test_missing_required_front_matter(fixture_course):
    edit(fixture_course / "content/pl/90-key-points.md", "title: Najważniejsze punkty\n", "")
    assert problems_of(fixture_course) == [
        "content/pl/90-key-points.md:1: front matter field 'title' missing"
        " — add 'title: ...' between the '---' lines (see content/README.md)"]


def test_yaml_syntax_error_in_front_matter(fixture_course):
    path = fixture_course / "content/ru/01-basics.md"
    edit(path, "summary: ", "summary: [unclosed ")
    line = line_of(path, "summary:")
    found = problems_of(fixture_course)
    assert len(found) == 1, found
    assert found[0].startswith(f"content/ru/01-basics.md:{line}: YAML syntax error"), found
    assert "fix the indentation or quoting" in found[0]


def test_yaml_syntax_error_in_ui_strings(fixture_course):
    path = fixture_course / "translations/pl.yml"
    edit(path, "  dismiss: Rozumiem", "  dismiss: [Rozumiem")
    found = problems_of(fixture_course)
    assert any(p.startswith("translations/pl.yml:") and "YAML syntax error" in p for p in found), found


def test_link_to_missing_page(fixture_course):
    path = fixture_course / "content/en/01-basics.md"
    edit(path, "(93-glossary.md)", "(93-glosary.md)")
    line = line_of(path, "93-glosary.md")
    found = problems_of(fixture_course)
    assert found[0].startswith(
        f"content/en/01-basics.md:{line}: link to '93-glosary.md' does not resolve: no page 93-glosary.md in content/en/"
        " — link to one of: 01-basics.md, 90-key-points.md"), found


def test_link_to_missing_anchor(fixture_course):
    path = fixture_course / "content/el/90-key-points.md"
    edit(path, "01-basics.md#what-is-omnichannel", "01-basics.md#what-is-omni")
    line = line_of(path, "#what-is-omni)")
    assert problems_of(fixture_course) == [
        f"content/el/90-key-points.md:{line}: link to '01-basics.md#what-is-omni' does not resolve: no section "
        "'#what-is-omni' in content/el/01-basics.md — use a section id of that page: channels, what-is-omnichannel"]


def test_missing_ui_string(fixture_course):
    path = fixture_course / "translations/ru.yml"
    edit(path, "  dismiss: Понятно\n", "")
    line = line_of(path, "hint:")
    english_line = line_of(fixture_course / "translations/en.yml", "  dismiss:")
    assert problems_of(fixture_course) == [
        f"translations/ru.yml:{line}: UI string 'hint.dismiss' missing in ru"
        f" — translate it; English (translations/en.yml:{english_line}): 'Got it'"]


def test_section_heading_without_id(fixture_course):
    path = fixture_course / "content/en/01-basics.md"
    edit(path, "## The channels {#channels}", "## The channels")
    line = line_of(path, "## The channels")
    found = problems_of(fixture_course)
    assert f"content/en/01-basics.md:{line}: section heading 'The channels' has no id — end the heading with a stable id, " \
           "e.g. '## The channels {#my-section}'" in found


def test_translation_page_without_english_source(fixture_course):
    (fixture_course / "content/pl/02-extra.md").write_text("---\nkind: lesson\nid: extra\ntitle: X\nsummary: X\n---\nX\n", encoding="utf-8")
    assert problems_of(fixture_course) == [
        "content/pl/02-extra.md:1: pl: content/pl/02-extra.md has no English source content/en/02-extra.md"
        " — rename it to match an English file, or add the English page first"]


def test_link_whose_text_wraps_onto_the_next_line_is_checked(fixture_course):
    path = fixture_course / "content/en/01-basics.md"
    edit(path, "- [Glossary](93-glossary.md)", "- [the course\n  glossary](93-glosary.md)")
    line = line_of(path, "glossary](93-glosary.md)")
    found = problems_of(fixture_course)
    assert len(found) == 1 and found[0].startswith(
        f"content/en/01-basics.md:{line}: link to '93-glosary.md' does not resolve"), found
