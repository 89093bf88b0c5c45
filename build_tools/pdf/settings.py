"""PDF options, declared and validated from ``extra.course.pdf`` in mkdocs.yml."""
from __future__ import annotations

from dataclasses import dataclass

from ..config import CourseConfig, Option
from ..errors import CourseError, Problem

# UI strings the PDFs print (translations/<lang>.yml, block "pdf:").
PDF_UI_KEYS = ("pdf.author", "pdf.module", "pdf.lesson_number", "pdf.contents", "pdf.answer_key")

PDF_OPTIONS = [
    Option("answer_key", bool, True,
           help="print the self-test answer key at the end of the module PDF (false: learner edition)"),
    Option("jobs", int, 0, minimum=0, maximum=64,
           help="PDFs rendered at the same time; 0 means one per CPU"),
]


@dataclass(frozen=True)
class PdfSettings:
    answer_key: bool = True
    jobs: int = 0


def pdf_settings(config: CourseConfig, answer_key: bool | None = None) -> PdfSettings:
    """The settings of mkdocs.yml; ``answer_key`` (a command-line choice) wins when given."""
    values = config.options("pdf", PDF_OPTIONS)
    if answer_key is not None:
        values["answer_key"] = answer_key
    return PdfSettings(**values)


def check_pdf_settings(course) -> list[Problem]:
    """`course check`: ``extra.course.pdf`` is valid (so a build cannot fail on it halfway)."""
    try:
        pdf_settings(course.config)
    except CourseError as exc:
        return exc.problems
    return []
