"""English edits never block a build: translations become stale (warnings that name what changed),
`course check --strict` makes them errors, scaffolds survive renaming their placeholder section,
untranslated scaffolds say so on the page; `course i18n` and `new-lesson` tell the instructor
precisely what is wrong (issue 15)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from helpers import edit, line_of

from build_tools.checks import run_checks
from build_tools.cli import main
from build_tools.model import load_course
from build_tools.translation_files import mark_translated

LANGS = ("el", "hu", "pl", "ru")
LESSON = "01-basics.md"


def problems(root: Path):
    return run_checks(load_course(root))


def mark_all(root: Path) -> None:
    course = load_course(root)
    for code in LANGS:
        for page in course.languages[code].pages.values():
            mark_translated(course, page)


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args], cwd=root, check=True,
                   capture_output=True)


def test_english_bullet_and_section_make_translations_stale_not_broken(fixture_course, capsys):
    mark_all(fixture_course)
    git(fixture_course, "init", "-q")
    git(fixture_course, "add", ".")
    git(fixture_course, "commit", "-qm", "translated")
    english = fixture_course / "content/en" / LESSON
    edit(english, "- The channels\n", "- The channels\n- A new bullet\n")
    english.write_text(english.read_text(encoding="utf-8") + "\n## Added later {#added-later}\n\nNew text.\n",
                       encoding="utf-8")
    found = problems(fixture_course)
    assert [p.format() for p in found if p.is_error] == []
    stale = [p.format() for p in found if p.stale and p.path == f"content/el/{LESSON}"]
    translates = line_of(fixture_course / "content/el" / LESSON, "translates:")
    assert (f"warning: content/el/{LESSON}:{translates}: el: translation is stale: content/en/{LESSON} "
                        "changed since it was translated (section 'channels', section 'added-later' (added)) — "
                        f"update the translation, then run 'course i18n --mark el {LESSON}'") in stale, stale
    assert any("stale translation: el: section 'added-later' missing" in p for p in stale), stale
    assert any("stale translation: el: section 'channels' has 2 list items" in p for p in stale), stale
    assert main(["-C", str(fixture_course), "check"]) == 0
    assert main(["-C", str(fixture_course), "check", "--strict"]) == 1
    out = capsys.readouterr().out
    assert f"content/el/{LESSON}:{translates}: el: translation is stale" in out


def test_unmarked_translation_that_differs_is_still_an_error(fixture_course):
    edit(fixture_course / "content/hu" / LESSON, "- A csatornák\n", "")
    assert any(p.is_error and "1 list items" in p.message for p in problems(fixture_course))


def test_check_quiet_prints_errors_only(fixture_course, capsys):
    mark_all(fixture_course)
    edit(fixture_course / "content/en" / LESSON, "- The channels\n", "- The channels we use\n")
    assert main(["-C", str(fixture_course), "-q", "check"]) == 0
    assert capsys.readouterr().out == ""
    assert main(["-C", str(fixture_course), "check"]) == 0
    assert "warning: content/el/01-basics.md" in capsys.readouterr().out


def run(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "build_tools.cli", *args], cwd=root, capture_output=True, text=True)


def test_i18n_changes_says_when_nothing_is_stale_and_when_git_is_missing(fixture_course):
    mark_all(fixture_course)
    done = run(fixture_course, "i18n", "--changes", "el")
    assert done.returncode == 0 and done.stdout.startswith("el: no stale translations"), done
    edit(fixture_course / "content/en" / LESSON, "- The channels\n", "- The channels we use\n")
    done = run(fixture_course, "i18n", "--changes", "el")
    assert f"content/el/{LESSON}: cannot show what changed: " in done.stdout and "has no git history" in done.stdout
    assert run(fixture_course, "i18n").returncode == 1
    run(fixture_course, "i18n", "--mark", "el")
    assert run(fixture_course, "i18n", "--changes", "el", LESSON).stdout.startswith(f"content/el/{LESSON}: up to date")


def test_scaffold_survives_renaming_its_placeholder_section(fixture_course):
    assert run(fixture_course, "new-lesson", "loyalty", "--title", "#1 tips: loyalty").returncode == 0
    english = fixture_course / "content/en/02-loyalty.md"
    assert load_course(fixture_course).source.pages["02-loyalty.md"].title == "#1 tips: loyalty"
    edit(english, "## First section {#first-section}", "## Why loyalty pays {#why-loyalty-pays}")
    found = problems(fixture_course)
    assert [p.format() for p in found if p.is_error] == []
    assert any(p.stale and "section 'why-loyalty-pays' missing" in p.message for p in found)


def test_new_lesson_refuses_an_existing_slug_and_an_empty_title(fixture_course):
    done = run(fixture_course, "new-lesson", "basics", "--title", "Again")
    assert done.returncode == 1
    assert "content/en/01-basics.md:3: a lesson with the slug 'basics' exists already — choose another slug" in done.stderr
    done = run(fixture_course, "new-lesson", "loyalty", "--title", "  ")
    assert done.returncode == 1 and "the lesson title is empty — give the English title" in done.stderr
    assert not (fixture_course / "content/en/02-loyalty.md").exists()


def test_untranslated_scaffold_says_so_on_its_page(fixture_course):
    from build_tools.site.pages import write_generated_docs

    assert run(fixture_course, "new-lesson", "loyalty", "--title", "Loyalty").returncode == 0
    docs = fixture_course / "build" / "docs"
    write_generated_docs(load_course(fixture_course), docs)
    greek = (docs / "el" / "02-loyalty.md").read_text(encoding="utf-8")
    english = (docs / "en" / "02-loyalty.md").read_text(encoding="utf-8")
    assert "Αυτή η σελίδα δεν έχει μεταφραστεί ακόμη" in greek and "course-untranslated" in greek
    assert "course-untranslated" not in english and "course-untranslated" not in (docs / "el" / LESSON).read_text(encoding="utf-8")
    # ... and in its PDF, in the lesson's and in the module's
    from build_tools.pdf.print_html import documents_for
    from build_tools.pdf.settings import pdf_settings
    course = load_course(fixture_course)
    printed = {d.published: d.html for d in documents_for(course, course.languages["el"], pdf_settings(course.config))}
    lesson_pdf = next(name for name in printed if "02-loyalty" in name)
    module_pdf = next(name for name in printed if "module" in name)
    for name in (lesson_pdf, module_pdf):
        assert printed[name].count('class="part__untranslated">Αυτή η σελίδα δεν έχει μεταφραστεί ακόμη') == 1, name
    assert all("part__untranslated" not in html for name, html in printed.items() if name not in (lesson_pdf, module_pdf))


def test_site_builds_with_stale_translations_showing_the_last_translated_text(fixture_course):
    from build_tools.pipeline import SITE_STEPS, build

    mark_all(fixture_course)
    english = fixture_course / "content/en" / LESSON
    english.write_text(english.read_text(encoding="utf-8") + "\n## Added later {#added-later}\n\nNew text.\n",
                       encoding="utf-8")
    build(fixture_course, steps=SITE_STEPS)
    assert 'id="added-later"' in (fixture_course / "site" / LESSON.replace(".md", ".html")).read_text(encoding="utf-8")
    greek = (fixture_course / "site" / "el" / LESSON.replace(".md", ".html")).read_text(encoding="utf-8")
    assert "Τα κανάλια" in greek and 'id="added-later"' not in greek
