"""`course pdf`: render the PDFs (as `course build` does) and copy them into one folder."""
from __future__ import annotations

import argparse
import shutil
from pathlib import Path

from ..errors import CourseError
from ..progress import log


def cmd_pdf(args: argparse.Namespace) -> int:
    from ..model import load_course
    from ..pdf.make_pdfs import make_pdfs
    from ..pdf.settings import pdf_settings
    from ..pipeline import ensure_valid

    course = load_course(args.root)
    ensure_valid(course)
    unknown = [code for code in args.lang or [] if code not in course.languages]
    if unknown:
        raise CourseError.at("mkdocs.yml", 0, f"no language '{unknown[0]}' in this course",
                             f"use one of: {', '.join(course.languages)}")
    settings = pdf_settings(course.config, answer_key=False if args.no_answer_key else None)
    report = make_pdfs(course, settings, args.lang)
    out = args.out if args.out.is_absolute() else course.root / args.out
    for result in report.results:
        target = out / result.document.lang / Path(result.document.published).name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(result.file, target)
    edition = "learner edition (no answer key)" if not settings.answer_key else "with the answer key"
    log.info(f"course pdf: {len(report.results)} PDF(s) in {course.show(out)}, module PDF {edition}; "
             f"{len(report.rendered)} rendered, {len(report.cached)} unchanged")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("pdf", help="render the lesson and module PDFs (also part of 'course build')",
                       description="Check the course, then render one PDF per lesson and one whole-module PDF per "
                                   "language with WeasyPrint. Only PDFs whose text changed are rendered again. "
                                   "The PDFs are copied to OUT/<lang>/.")
    p.add_argument("--lang", action="append", metavar="LANG",
                   help="only this language (repeat for more; default: every language)")
    p.add_argument("--no-answer-key", action="store_true",
                   help="learner edition: the module PDF without the self-test answer key "
                        "(default: extra.course.pdf.answer_key in mkdocs.yml)")
    p.add_argument("--out", type=Path, default=Path("build/pdf"), help="where to copy the PDFs (default: build/pdf)")
    p.set_defaults(func=cmd_pdf)
