"""Translations: key terms kept apart, stale translations reported, structure kept (issue: course text)."""
import subprocess
import sys

from helpers import edit, line_of

from build_tools.checks import run_checks
from build_tools.checks.translation_status import translation_status
from build_tools.model import load_course
from build_tools.terminology import count_terms
from build_tools.translation_files import mark_translated


def errors(root):
    return [p.format() for p in run_checks(load_course(root)) if p.is_error]


def warnings(root):
    return [p.format() for p in run_checks(load_course(root)) if not p.is_error]


def test_greek_section_using_the_multichannel_term_for_omnichannel_fails(fixture_course):
    path = fixture_course / "content/el/01-basics.md"
    text = path.read_text(encoding="utf-8")
    head, _, tail = text.partition("## Τι σημαίνει")
    section, _, rest = tail.partition("## Τα κανάλια")
    path.write_text(head + "## Τι σημαίνει" + section.replace("πανκαναλικό", "πολλαπλών καναλιών") + "## Τα κανάλια" + rest,
                    encoding="utf-8")
    line = line_of(path, "{#what-is-omnichannel}")
    assert errors(fixture_course) == [
        f"content/el/01-basics.md:{line}: el: section 'what-is-omnichannel' uses the omnichannel term 'πανκαναλικ' 0 times, "
        "English 3 times — check that omnichannel is translated with its glossary term (translations/glossary/el.yml) "
        "and not mixed up with the other concept",
        f"content/el/01-basics.md:{line}: el: section 'what-is-omnichannel' uses the multichannel term 'πολλαπλών καναλιών' "
        "4 times, English 1 times — check that multichannel is translated with its glossary term "
        "(translations/glossary/el.yml) and not mixed up with the other concept"]


def test_one_term_difference_is_tolerated(fixture_course):
    edit(fixture_course / "content/ru/01-basics.md", "Омниканальный магазин связывает их.", "Такой магазин связывает их.")
    assert errors(fixture_course) == []


def test_glossary_giving_both_concepts_one_term_fails(fixture_course):
    path = fixture_course / "translations/glossary/pl.yml"
    edit(path, "term: wielokanałow", "term: omnichannel")
    line = path.read_text(encoding="utf-8").splitlines().index("multichannel:") + 2  # its 'term:' line
    assert f"translations/glossary/pl.yml:{line}: pl: omnichannel and multichannel share the term 'omnichannel'" \
        " — give each concept its own fixed term: the module is about their difference" in errors(fixture_course)


def test_counting_takes_the_longest_form_and_word_starts_only():
    glossary = {"omnichannel": {"forms": ["ενιαία πολυκαναλικ"]}, "multichannel": {"forms": ["πολυκαναλικ"]}}
    counts = count_terms("Η ενιαία πολυκαναλική εμπειρία και η πολυκαναλική πώληση. Απολυκαναλικός.", glossary)
    assert counts == {"omnichannel": 1, "multichannel": 1}


def test_stale_translation_is_reported(fixture_course):
    course = load_course(fixture_course)
    for page in course.languages["el"].pages.values():
        mark_translated(course, page)
    assert {s.status for s in translation_status(load_course(fixture_course)) if s.lang == "el"} == {"up to date"}
    assert warnings(fixture_course) == []
    edit(fixture_course / "content/en/01-basics.md", "## The channels {#channels}\n", "## The channels {#channels}\n\nNew sentence.\n")
    path = fixture_course / "content/el/01-basics.md"
    assert warnings(fixture_course) == [
        f"warning: content/el/01-basics.md:{line_of(path, 'translates:')}: el: translation is stale: content/en/01-basics.md "
        "changed since it was translated (see 'course i18n --changes el 01-basics.md') — update the translation, "
        "then run 'course i18n --mark el 01-basics.md'"]
    listing = subprocess.run([sys.executable, "-m", "build_tools.cli", "i18n"], cwd=fixture_course, capture_output=True, text=True)
    assert listing.returncode == 1        # pages lag: CI can use it
    assert "el  stale       content/el/01-basics.md  (source: content/en/01-basics.md)" in listing.stdout
    assert "hu  not marked  content/hu/01-basics.md" in listing.stdout
    subprocess.run([sys.executable, "-m", "build_tools.cli", "i18n", "--mark", "el", "01-basics.md"], cwd=fixture_course, check=True)
    assert warnings(fixture_course) == []


def test_list_items_and_table_rows_must_match_english(fixture_course):
    path = fixture_course / "content/hu/01-basics.md"
    edit(path, "- A csatornák\n", "")
    line = line_of(path, "{#channels}")
    english = line_of(fixture_course / "content/en/01-basics.md", "{#channels}")
    assert errors(fixture_course) == [
        f"content/hu/01-basics.md:{line}: hu: section 'channels' has 1 list items and 0 table rows, English 2 and 0 "
        f"(content/en/01-basics.md:{english}) — keep the English structure, or list '01-basics.md#channels' under 'hu:' "
        "in translations/parity-exceptions.yml with a reason"]
    (fixture_course / "translations/parity-exceptions.yml").write_text(
        "hu:\n  - 01-basics.md#channels  # one bullet merged into the sentence before it\n", encoding="utf-8")
    assert errors(fixture_course) == []


def test_new_lesson_is_scaffolded_in_every_language(fixture_course):
    result = subprocess.run([sys.executable, "-m", "build_tools.cli", "new-lesson", "loyalty-programmes", "--title", "Loyalty programmes"],
                            cwd=fixture_course, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [f"content/{lang}/02-loyalty-programmes.md" for lang in ["en", "el", "hu", "pl", "ru"]]
    assert errors(fixture_course) == []
    assert sorted(w.split(":")[1].strip() for w in warnings(fixture_course)) == [
        f"content/{lang}/02-loyalty-programmes.md" for lang in ["el", "hu", "pl", "ru"]]
    assert all("not translated yet" in w for w in warnings(fixture_course))


def test_link_targets_and_ids_are_not_counted_as_terms():
    glossary = {"omnichannel": {"forms": ["omnichannel"]}, "multichannel": {"forms": ["multichannel"]}}
    text = "See [the basics](01-omnichannel-basics.md#what-is-omnichannel) and <span lang=\"en\">omnichannel</span>."
    assert count_terms(text, glossary) == {"omnichannel": 1, "multichannel": 0}


def test_i18n_changes_shows_the_english_edit_since_the_translation(fixture_course):
    def git(*args):
        subprocess.run(["git", *args], cwd=fixture_course, check=True, capture_output=True)

    course = load_course(fixture_course)
    mark_translated(course, course.languages["el"].pages["01-basics.md"])
    git("init", "-q")
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "add", "content")
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "translated")
    edit(fixture_course / "content/en/01-basics.md", "- The channels\n", "- The channels we use\n")
    shown = subprocess.run([sys.executable, "-m", "build_tools.cli", "i18n", "--changes", "el"],
                           cwd=fixture_course, capture_output=True, text=True)
    assert shown.returncode == 0, shown.stderr
    assert "-- The channels\n+- The channels we use\n" in shown.stdout
    assert "+++ content/en/01-basics.md (now)" in shown.stdout
