"""`course audio`: make or refresh the narration in audio/ without building the site."""
from __future__ import annotations

import argparse

from ..progress import log

ENGINE_CHOICES = ("auto", "gtts", "espeak")


def cmd_audio(args: argparse.Namespace) -> int:
    from ..model import load_course
    from ..narration.store import TrackStore, engine_of
    from ..narration.synthesis import narrate
    from ..pipeline import ensure_valid

    course = load_course(args.root)
    ensure_valid(course)
    langs = [code for value in args.lang for code in value.split(",") if code] or None
    report = narrate(course, langs=langs, engine=args.engine, jobs=args.jobs)
    store = TrackStore(course.config.audio_dir)
    natural = sum(1 for plans in report.lessons.values() for lesson in plans for part in lesson.parts
                  if engine_of(store.recorded(part.track)) == "gtts")
    parts = sum(len(lesson.parts) for plans in report.lessons.values() for lesson in plans)
    log.info(f"course audio: {len(report.synthesised)} part(s) spoken, {len(report.assembled)} lesson track(s) joined, "
             f"{len(report.cached)} kept, {len(report.removed)} removed; natural voice: {natural} of {parts} part(s)")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("audio", help="make the narration (one track per section and per lesson) in audio/",
                       description="Speak every lesson, key-points and FAQ page in every language into audio/ "
                                   "(also run by 'course build'). Only new or changed text is spoken again; "
                                   "the engine comes from extra.course.audio in mkdocs.yml.")
    p.add_argument("--lang", action="append", default=[], metavar="CODE",
                   help="only this language (repeatable, or comma-separated: --lang el,hu)")
    p.add_argument("--engine", choices=ENGINE_CHOICES,
                   help="use this engine for every language this time (auto: gTTS, espeak-ng when offline)")
    p.add_argument("--jobs", "-j", type=int, metavar="N", help="tracks made at the same time (default: extra.course.audio.workers)")
    p.set_defaults(func=cmd_audio)
