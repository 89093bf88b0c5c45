"""`course pdf`: one language, the learner edition, clean errors; and `course check` validates
extra.course.pdf before any build starts."""
import subprocess
import sys

from helpers import edit, line_of
from pypdf import PdfReader


def course(*args, cwd):
    return subprocess.run([sys.executable, "-m", "build_tools.cli", *args], cwd=cwd, capture_output=True, text=True)


def top_bookmarks(path):
    return [item.title for item in PdfReader(path).outline if not isinstance(item, list)]


def test_course_pdf_renders_one_language_in_the_learner_edition(fixture_course):
    result = course("pdf", "--lang", "el", "--no-answer-key", "--out", "handouts", cwd=fixture_course)
    assert result.returncode == 0, result.stderr
    assert "WeasyPrint" not in result.stderr, "the print stylesheet and templates render without warnings"
    out = fixture_course / "handouts"
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.pdf")) == [
        "el/omnichannel-el-01-basics.pdf", "el/omnichannel-el-90-key-points.pdf", "el/omnichannel-module-el.pdf"]
    assert "Απαντήσεις" not in top_bookmarks(out / "el/omnichannel-module-el.pdf")   # no answer key
    assert "learner edition (no answer key)" in result.stderr
    trainer = course("pdf", "--lang", "el", "--out", "handouts", cwd=fixture_course)
    assert "1 rendered, 2 unchanged" in trainer.stderr                              # only the module differs
    assert "Απαντήσεις" in top_bookmarks(out / "el/omnichannel-module-el.pdf")


def test_course_pdf_names_an_unknown_language(fixture_course):
    result = course("pdf", "--lang", "de", cwd=fixture_course)
    assert result.returncode == 1
    assert "mkdocs.yml: no language 'de' in this course — use one of: en, el, hu, pl, ru" in result.stderr


def test_course_check_rejects_a_bad_pdf_setting(fixture_course):
    edit(fixture_course / "mkdocs.yml", "  course:\n", "  course:\n    pdf:\n      jobs: many\n")
    result = course("check", "-q", cwd=fixture_course)
    assert result.returncode == 1
    line = line_of(fixture_course / "mkdocs.yml", "jobs: many")
    assert (f"mkdocs.yml:{line}: extra.course.pdf.jobs: expected type int but received str ('many')"
            " — for example: jobs: 0") in result.stdout
