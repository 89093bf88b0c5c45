"""Each mistake an instructor makes gives 'path:line: what is wrong — what to do' (issue 15)."""
from __future__ import annotations

from pathlib import Path

import pytest
from helpers import edit, line_of

from build_tools.checks import run_checks
from build_tools.cli import main
from build_tools.model import load_course

LESSON = "content/en/01-basics.md"


def errors(root: Path) -> list[str]:
    return [p.format() for p in run_checks(load_course(root)) if p.is_error]


def warnings(root: Path) -> list[str]:
    return [p.format() for p in run_checks(load_course(root)) if not p.is_error]


def only_error(root: Path) -> str:
    found = errors(root)
    assert len(found) == 1, found
    return found[0]


def append_to_section(root: Path, text: str, path: str = LESSON) -> int:
    """Add ``text`` to the first section of ``path``; returns the line where it starts."""
    file = root / path
    marker = "An omnichannel shop connects them." if path == LESSON else None
    source = file.read_text(encoding="utf-8")
    at = source.index(marker) + len(marker) if marker else source.rindex("\n## ")
    new = source[:at] + "\n\n" + text + "\n" + source[at:]
    file.write_text(new, encoding="utf-8")
    return new[:at].count("\n") + 3


def test_check_exits_non_zero_with_path_line_and_fix(fixture_course, capsys):
    line = append_to_section(fixture_course, "<script>alert(1)</script>")
    assert main(["-C", str(fixture_course), "check"]) == 1
    out = capsys.readouterr().out
    assert f"{LESSON}:{line}: HTML <script> is not allowed in page text — write it in Markdown" in out


# Files that are not UTF-8

def test_file_in_another_encoding(fixture_course):
    path = fixture_course / "content/el/01-basics.md"
    text = path.read_text(encoding="utf-8")
    path.write_bytes(text.encode("iso8859-7"))
    first_greek = next(n for n, l in enumerate(text.splitlines(), 1) if any(ord(c) > 127 for c in l))
    assert only_error(fixture_course).startswith(f"content/el/01-basics.md:{first_greek}: the file is not UTF-8")


def test_file_with_bom(fixture_course):
    path = fixture_course / LESSON
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert only_error(fixture_course) == (f"{LESSON}:1: the file starts with a UTF-8 byte order mark (BOM)"
                                          " — save the file as UTF-8 (without BOM) in your editor")


def test_yaml_file_not_utf8(fixture_course):
    path = fixture_course / "quiz/el.yml"
    path.write_bytes(path.read_bytes() + "# é\n".encode("latin-1"))
    lines = path.read_bytes().count(b"\n")
    found = errors(fixture_course)
    assert any(p.startswith(f"quiz/el.yml:{lines}: the file is not UTF-8") for p in found), found


# Front matter

def test_unknown_front_matter_key_says_did_you_mean(fixture_course):
    edit(fixture_course / LESSON, "summary:", "sumary:")
    found = errors(fixture_course)
    assert f"{LESSON}:5: unknown front matter key 'sumary' — did you mean 'summary'? (see content/README.md)" in found


def test_misspelt_translates_key(fixture_course):
    path = fixture_course / "content/el/01-basics.md"
    edit(path, "summary:", "translate: missing\nsummary:")
    assert only_error(fixture_course).startswith(
        "content/el/01-basics.md:5: unknown front matter key 'translate' — did you mean 'translates'?")


def test_translates_value_that_is_no_version(fixture_course):
    path = fixture_course / "content/el/01-basics.md"
    edit(path, "summary:", "translates: yes please\nsummary:")
    assert only_error(fixture_course) == (
        "content/el/01-basics.md:5: 'translates: yes please' is neither an English version nor 'missing' — "
        "run 'course i18n --mark el 01-basics.md' after translating the page; it writes the right value")


def test_front_matter_key_given_twice(fixture_course):
    edit(fixture_course / LESSON, "summary:", "title: Again\nsummary:")
    assert only_error(fixture_course) == (f"{LESSON}:5: 'title' is given twice (first on line 4)"
                                          " — keep one of the two lines: YAML would silently use the last one")


def test_title_given_as_a_list(fixture_course):
    edit(fixture_course / LESSON, "title: Omnichannel basics", "title: [Omnichannel basics]")
    assert only_error(fixture_course).startswith(f"{LESSON}:4: front matter 'title' must be text, not a list")


def test_lesson_without_summary(fixture_course):
    path = fixture_course / LESSON
    edit(path, "summary: Omnichannel links every channel of a shop.\n", "")
    assert only_error(fixture_course).startswith(f"{LESSON}:1: front matter field 'summary' missing — add 'summary:")


def test_two_lessons_with_the_same_id(fixture_course):
    copy = fixture_course / "content/en/02-copy.md"
    copy.write_text((fixture_course / LESSON).read_text(encoding="utf-8"), encoding="utf-8")
    found = [p for p in errors(fixture_course) if p.startswith("content/en/")]
    assert found == [f"content/en/02-copy.md:3: page id 'basics' is used by {LESSON} too — "
                     "give every page its own id (quiz 'Read again' links and progress use it)"]


# Headings

@pytest.mark.parametrize("heading, message", [
    ("# A title", "a '#' heading inside the page"),
    ("#### Too deep", "heading level skipped: '####' after a level-2 heading"),
])
def test_heading_problems_in_a_section(fixture_course, heading, message):
    line = append_to_section(fixture_course, heading)
    assert only_error(fixture_course).startswith(f"{LESSON}:{line}: {message} — ")


def test_heading_before_the_first_section(fixture_course):
    edit(fixture_course / LESSON, "Omnichannel links every channel of a shop.\n\n## What",
         "Omnichannel links every channel of a shop.\n\n### Early\n\n## What")
    line = line_of(fixture_course / LESSON, "### Early")
    assert only_error(fixture_course).startswith(f"{LESSON}:{line}: a '###' heading before the first section — ")


def test_heading_inside_a_callout(fixture_course):
    line = append_to_section(fixture_course, "!!! tip\n    ### Inside\n    Text.")
    assert only_error(fixture_course).startswith(f"{LESSON}:{line + 1}: a heading inside a callout — ")


# Raw HTML, footnotes, collapsible callouts

@pytest.mark.parametrize("text, offset, message", [
    ("<details><summary>More</summary>Hidden", 0, "HTML <details> is not allowed in page text"),
    ('Say <span lang="en">omnichannel', 0, "<span> is never closed"),
    ("Text </kbd> here", 0, "</kbd> closes a tag that was never opened"),
    ('<span onclick="x()">hi</span>', 0, "attribute 'onclick' is not allowed on <span>"),
    ("Fine.\n\n<!-- TODO: ask the trainer", 2, "HTML comment '<!--' is never closed"),
    ("A claim.[^1]", 0, "footnote '[^1]' is not supported"),
    ("??? tip\n    Folded.", 0, "collapsible callout '???' is not supported"),
])
def test_refused_markdown(fixture_course, text, offset, message):
    line = append_to_section(fixture_course, text)
    assert only_error(fixture_course).startswith(f"{LESSON}:{line + offset}: {message} — ")


def test_allowed_inline_html_and_closed_comments_pass(fixture_course):
    append_to_section(fixture_course, '<span lang="fr">déjà</span>, <abbr title="x">POS</abbr>, <kbd>Tab</kbd><br>\n'
                                      "<!-- a note\nfor instructors -->")
    assert errors(fixture_course) == []


def test_html_inside_inline_code_is_not_checked(fixture_course):
    append_to_section(fixture_course, "Never write `<script>` in a lesson.\n\n```\n<div>\n```")
    assert errors(fixture_course) == []


# Images

def test_image_without_file_or_alt(fixture_course):
    line = append_to_section(fixture_course, "![](img/nothing.png)")
    found = errors(fixture_course)
    assert found == [f"{LESSON}:{line}: image 'img/nothing.png' has no alt text — describe what the picture shows "
                     "between the brackets: ![A till with a tablet](img/till.png)",
                     f"{LESSON}:{line}: image 'img/nothing.png' not found: no file content/en/img/nothing.png — "
                     "check the file name (letters are case-sensitive) or add the file"]


def test_translation_image_missing_everywhere_names_both_places(fixture_course):
    line = append_to_section(fixture_course, "![Plan](img/plan.png)", "content/el/01-basics.md")
    assert f"content/el/01-basics.md:{line}: image 'img/plan.png' not found: no file content/el/img/plan.png or " \
           "content/en/img/plan.png" in only_error(fixture_course)


def test_very_large_image_is_a_warning_with_its_size(fixture_course):
    (fixture_course / "content/en/img").mkdir()
    (fixture_course / "content/en/img/big.png").write_bytes(b"\x89PNG" + b"\0" * 2_400_000)
    line = append_to_section(fixture_course, "![A big picture](img/big.png)")
    assert errors(fixture_course) == []
    assert f"warning: {LESSON}:{line}: image 'img/big.png' is large: 2.4 MB" in " ".join(warnings(fixture_course))


def test_web_image_is_refused(fixture_course):
    line = append_to_section(fixture_course, "![Logo](https://example.org/logo.png)")
    assert only_error(fixture_course).startswith(f"{LESSON}:{line}: image 'https://example.org/logo.png' is not a file of the course")


# Sections too long for narration

def test_very_large_section_is_refused_before_narration(fixture_course):
    append_to_section(fixture_course, "We sell more. " * 400)      # short, readable sentences: only the size is wrong
    line = line_of(fixture_course / LESSON, "{#what-is-omnichannel}")
    assert only_error(fixture_course).startswith(
        f"{LESSON}:{line}: section 'what-is-omnichannel' has 1220 words, more than 1000 — split it")


# Settings and other YAML files

def test_unknown_section_under_extra_course(fixture_course):
    edit(fixture_course / "mkdocs.yml", "    quiz:\n", "    quizz:\n")
    line = line_of(fixture_course / "mkdocs.yml", "quizz:")
    assert f"mkdocs.yml:{line}: unknown section extra.course.quizz — did you mean 'quiz'?" in errors(fixture_course)


def test_tab_in_yaml_is_reported_on_its_line(fixture_course):
    edit(fixture_course / LESSON, "summary:", "\tsummary:")
    assert only_error(fixture_course) == (f"{LESSON}:5: YAML syntax error: found a tab character that violates "
                                          "indentation — indent with spaces, never with tabs")


def test_mis_indent_in_mkdocs_yml_is_reported_on_its_line(fixture_course, capsys):
    edit(fixture_course / "mkdocs.yml", "      pass_mark: 70\n", "     pass_mark: 70\n")
    line = line_of(fixture_course / "mkdocs.yml", "pass_mark")
    assert main(["-C", str(fixture_course), "check"]) == 1
    assert (f"mkdocs.yml:{line + 1}: YAML syntax error: mapping values are not allowed in this context — this line is "
            f"indented deeper than line {line} above it") in capsys.readouterr().err


def test_yaml_error_in_an_english_lesson_gives_one_message(fixture_course):
    edit(fixture_course / LESSON, "summary: ", "summary: [unclosed ")
    assert only_error(fixture_course).startswith(f"{LESSON}:5: YAML syntax error")


def test_yaml_error_in_ui_strings_gives_one_message(fixture_course):
    edit(fixture_course / "translations/pl.yml", "  dismiss: Rozumiem", "  dismiss: [Rozumiem")
    assert only_error(fixture_course).startswith("translations/pl.yml:")


def test_key_given_twice_in_a_quiz_translation(fixture_course):
    path = fixture_course / "quiz/el.yml"
    edit(path, "    closes: Τα κλείνει όλα εκτός από ένα.\n",
         "    closes: Τα κλείνει όλα εκτός από ένα.\n    closes: Τα κλείνει.\n")
    line = line_of(path, "closes: Τα κλείνει.")
    assert only_error(fixture_course).startswith(f"quiz/el.yml:{line}: 'closes' is given twice (first on line {line - 1})")


def test_key_given_twice_in_a_pronunciation_list(fixture_course):
    folder = fixture_course / "translations/pronunciation"
    folder.mkdir(exist_ok=True)
    (folder / "hu.yml").write_text("BOPIS: bópisz\nCRM: cé-er-em\nBOPIS: bopisz\n", encoding="utf-8")
    assert only_error(fixture_course).startswith("translations/pronunciation/hu.yml:3: 'BOPIS' is given twice (first on line 1)")


def test_glossary_term_gate_covers_the_quiz_translations(fixture_course):
    path = fixture_course / "quiz/el.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("πανκαναλικό", "πολλαπλών καναλιών"), encoding="utf-8")
    line = line_of(path, "omni-meaning:")
    found = errors(fixture_course)
    assert f"quiz/el.yml:{line}: el: question 'omni-meaning' uses the omnichannel term 'πανκαναλικ' 0 times, " \
           "English 2 times — check that omnichannel is translated with its glossary term " \
           "(translations/glossary/el.yml) and not mixed up with the other concept" in found, found


# Quiz messages

def test_missing_ordering_question_translation_speaks_of_items(fixture_course):
    path = fixture_course / "quiz/hu.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index("order-purchase:")
    end = text.find("\n\n", start)
    path.write_text(text[:start] + (text[end + 2:] if end >= 0 else ""), encoding="utf-8")
    found = [p for p in errors(fixture_course) if "'order-purchase' missing" in p]
    assert len(found) == 1 and "with text, explanation and the text of every item (" in found[0], found


def test_questions_per_attempt_zero_says_at_least_one(fixture_course):
    edit(fixture_course / "mkdocs.yml", "questions_per_attempt: 15", "questions_per_attempt: 0")
    line = line_of(fixture_course / "mkdocs.yml", "questions_per_attempt")
    assert only_error(fixture_course) == (f"mkdocs.yml:{line}: extra.course.quiz.questions_per_attempt: 0 is out of "
                                          "range — use a value of at least 1")
