"""Make every track that is missing, changed or damaged; keep the rest.

For each narrated page (lesson, key points, FAQ) and language there is one part for the
opening (title and introduction), one track per section, and the whole-lesson track joined
from them. Parts are spoken in parallel (``workers``), then lessons are joined. With
``engine: auto`` each part tries gTTS first and falls back to espeak-ng on its own; a cached
natural-voice part is kept while its text is unchanged, even offline.
"""
from __future__ import annotations

import html
import re
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from ..artefact_paths import SECTION_PAGE_KINDS, lesson_audio, section_audio
from ..errors import CourseError, Problem
from ..model import Course, Language, Page
from ..progress import Progress, log
from .encode import TrackTags, join_tracks, retag, write_track
from .engines import ENGINE_ORDER, Engine, EngineUnavailable, make_engine
from .settings import AudioSettings, load_audio_settings
from .store import INTRO, TrackStore, engine_of, lesson_key, locked, part_key
from .text import Pronunciations, load_pronunciations, spoken_text, spoken_title

COUNTERS = ("generated", "cached", "fell back")


@dataclass
class PartPlan:
    track: str                  # "en/01-basics/channels"; the opening is "en/01-basics/_intro"
    lang: str
    text: str
    tags: TrackTags
    site_path: str | None       # where the site plays it; None for the opening (only inside the lesson)


@dataclass
class LessonPlan:
    track: str                  # "en/01-basics"
    lang: str
    page: Page
    parts: list[PartPlan]
    tags: TrackTags
    site_path: str

    @property
    def sections(self) -> list[PartPlan]:
        return [p for p in self.parts if p.site_path is not None]


@dataclass
class NarrationReport:
    synthesised: list[str] = field(default_factory=list)   # parts an engine spoke in this run
    assembled: list[str] = field(default_factory=list)     # lesson tracks joined in this run
    cached: list[str] = field(default_factory=list)        # tracks kept as they were
    fell_back: list[str] = field(default_factory=list)     # parts spoken by the fallback engine
    removed: list[str] = field(default_factory=list)       # tracks of sections that are gone
    synthetic: list[str] = field(default_factory=list)     # parts still espeak-ng where natural voices are wanted
    retagged: list[str] = field(default_factory=list)
    reasons: dict[str, str] = field(default_factory=dict)  # engine -> why it could not speak
    lessons: dict[str, list[LessonPlan]] = field(default_factory=dict)

    @property
    def generated(self) -> list[str]:
        return self.synthesised + self.assembled


def plain_title(title: str) -> str:
    """A heading for display in tags and lists: inline HTML (``<span lang>``) removed."""
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", title))).strip()


def narrated_pages(language: Language) -> list[Page]:
    return [p for p in language.ordered_pages if p.kind in SECTION_PAGE_KINDS]


def course_title(course: Course, language: Language) -> str:
    home = language.home
    return plain_title(home.title) if home is not None and home.title else course.config.site_name


def plan_language(course: Course, language: Language, say: Pronunciations) -> list[LessonPlan]:
    """Every track of one language, numbered in the order a trainer's pack plays them."""
    pages = narrated_pages(language)
    total = sum(1 + len(p.sections) for p in pages)
    album = course_title(course, language)
    number = 0
    plans = []
    for page in pages:
        number += 1
        title = plain_title(page.title)
        lesson_tags = TrackTags(title, album, language.code, number, total)
        base = f"{language.code}/{page.stem}"
        code = language.code
        opening = "\n\n".join(t for t in (spoken_title(page.title, say, code), spoken_text(page.intro, say, code)) if t)
        parts = [PartPlan(f"{base}/{INTRO}", language.code, opening,
                          TrackTags(title, album, language.code, number, total, group=title), None)]
        for section in page.sections:
            number += 1
            text = "\n\n".join(t for t in (spoken_title(section.title, say, code), spoken_text(section.body, say, code)) if t)
            parts.append(PartPlan(f"{base}/{section.id}", language.code, text,
                                  TrackTags(plain_title(section.title), album, language.code, number, total, group=title),
                                  section_audio(page, section)))
        plans.append(LessonPlan(base, language.code, page, parts, lesson_tags, lesson_audio(page)))
    return plans


class Narrator:
    """One run over some languages: engines made once and shared by the worker threads."""

    def __init__(self, course: Course, settings: AudioSettings, store: TrackStore, progress: Progress):
        self.course, self.settings, self.store, self.progress = course, settings, store, progress
        self.report = NarrationReport()
        self._engines: dict[str, Engine] = {}
        self._lock = threading.Lock()

    def engine(self, name: str) -> Engine:
        with self._lock:
            if name not in self._engines:
                self._engines[name] = make_engine(name, self.settings)
            return self._engines[name]

    def chain(self, lang: str) -> list[str]:
        return list(ENGINE_ORDER[self.settings.engine_for(lang)])

    def _note(self, counter: str, listing: list[str], track: str) -> None:
        with self._lock:
            listing.append(track)
        self.progress.advance(counter)

    def _reachable(self, name: str) -> bool:
        return getattr(self.engine(name), "down_reason", None) is None

    def _write(self, part: PartPlan, engine: Engine, mp3: bytes) -> None:
        key = part_key(engine.name, part.text, engine.identity(part.lang))
        tags = _tagged(part.tags, engine.name)
        write_track(self.store.part_file(part.track, engine.name), mp3, tags)
        self.store.record(part.track, key)
        self.store.note_tags(part.track, tags)     # just written whole: no need to decode it next build

    def _keep_tags(self, track: str, tags: TrackTags) -> None:
        """Rewrite the ID3 tags of a cached track only when they differ (titles can change alone)."""
        if self.store.tags_current(track, tags):
            return
        if retag(self.store.file_of(track), tags):
            with self._lock:
                self.report.retagged.append(track)
        self.store.note_tags(track, tags)

    def _cached_engine(self, part: PartPlan) -> str | None:
        """The engine of the part's intact cached track, when it was made from the same text."""
        recorded = self.store.recorded(part.track)
        cached_engine = engine_of(recorded) if recorded else None
        if cached_engine not in self.chain(part.lang):
            return None
        engine = self.engine(cached_engine)
        if recorded == part_key(engine.name, part.text, engine.identity(part.lang)) and self.store.intact(part.track, recorded):
            return cached_engine
        return None

    def keep_cached(self, part: PartPlan) -> bool:
        """True when the cached track stays as it is (the usual case: quick, run before any worker
        thread starts, since threads only contend for the interpreter over such small work)."""
        cached_engine = self._cached_engine(part)
        if cached_engine is None:
            return False
        chain = self.chain(part.lang)
        better = chain[:chain.index(cached_engine)]
        if better and self._reachable(better[0]):
            return False          # a fallback track while the natural voice may be back: make_part tries
        self._keep(part, cached_engine)
        return True

    def _keep(self, part: PartPlan, cached_engine: str) -> None:
        self._keep_tags(part.track, _tagged(part.tags, cached_engine))
        self._note("cached", self.report.cached, part.track)

    def make_part(self, part: PartPlan) -> None:
        chain = self.chain(part.lang)
        cached_engine = self._cached_engine(part)
        if cached_engine is not None:
            better = chain[:chain.index(cached_engine)]
            if better and self._reachable(better[0]):
                try:   # a fallback track while the natural voice may be back: try to replace it
                    self._write(part, self.engine(better[0]), self.engine(better[0]).synthesise(part.text, part.lang))
                    self._note("generated", self.report.synthesised, part.track)
                    return
                except EngineUnavailable as exc:
                    with self._lock:
                        self.report.reasons.setdefault(better[0], str(exc))
            self._keep(part, cached_engine)
            return
        for position, name in enumerate(chain):
            engine = self.engine(name)
            try:
                mp3 = engine.synthesise(part.text, part.lang)
            except EngineUnavailable as exc:
                with self._lock:
                    self.report.reasons.setdefault(name, str(exc))
                continue
            self._write(part, engine, mp3)
            with self._lock:
                self.report.synthesised.append(part.track)
            if position:
                self._note("fell back", self.report.fell_back, part.track)
            else:
                self.progress.advance("generated")
            return
        raise EngineUnavailable(f"{part.track}: " + "; ".join(f"{self.engine(n).label}: {self.report.reasons.get(n, '?')}"
                                                             for n in chain))

    def make_lesson(self, lesson: LessonPlan) -> None:
        part_keys = [self.store.recorded(p.track) or "" for p in lesson.parts]
        key = lesson_key(part_keys, self.settings.pause)
        engines = sorted({engine_of(k) for k in part_keys}, key=lambda e: (e != "gtts", e))
        tags = _tagged(lesson.tags, "+".join(engines))
        if self.store.intact(lesson.track, key):
            self._keep_tags(lesson.track, tags)
            self._note("cached", self.report.cached, lesson.track)
            return
        data = [self.store.file_of(p.track).read_bytes() for p in lesson.parts]
        write_track(self.store.lesson_file(lesson.track), join_tracks(data, self.settings.pause, self.settings.bitrate), tags)
        self.store.record(lesson.track, key)
        self.store.note_tags(lesson.track, tags)
        self._note("generated", self.report.assembled, lesson.track)


def _tagged(tags: TrackTags, engine: str) -> TrackTags:
    return TrackTags(tags.title, tags.album, tags.lang, tags.track, tags.total, tags.group, engine)


def _run_all(jobs: int, function, items) -> list[BaseException]:
    failures: list[BaseException] = []
    with ThreadPoolExecutor(max_workers=jobs, thread_name_prefix="narration") as pool:
        for future in [pool.submit(function, item) for item in items]:
            exc = future.exception()
            if exc is not None:
                failures.append(exc)
    return failures


def pronunciations_for(course: Course, lang: str) -> Pronunciations:
    say, problems = load_pronunciations(course.root, lang)
    if problems:
        raise CourseError(problems)
    return say


def narrate(course: Course, langs: list[str] | None = None, engine: str | None = None, jobs: int | None = None,
            settings: AudioSettings | None = None) -> NarrationReport:
    """Bring ``audio/`` up to date for ``langs`` (default: every language) and report what was done."""
    settings = (settings or load_audio_settings(course.config)).with_engine(engine)
    codes = course.config.language_codes
    for code in langs or []:
        if code not in codes:
            raise CourseError(Problem("mkdocs.yml", 0, f"{code!r} is not a course language", f"use one of: {', '.join(codes)}"))
    selected = [c for c in codes if not langs or c in langs]
    plans = {code: plan_language(course, course.languages[code], pronunciations_for(course, code)) for code in selected}
    parts = [part for code in selected for lesson in plans[code] for part in lesson.parts]
    lessons = [lesson for code in selected for lesson in plans[code]]
    with locked(course.config.cache_dir):
        store = TrackStore(course.config.audio_dir)
        progress = Progress("audio", len(parts) + len(lessons), COUNTERS)
        narrator = Narrator(course, settings, store, progress)
        narrator.report.lessons = plans
        workers = max(1, jobs or settings.workers)
        try:
            failures = _run_all(workers, narrator.make_part, [p for p in parts if not narrator.keep_cached(p)])
            failures += _run_all(workers, narrator.make_lesson,
                                 [lesson for lesson in lessons
                                  if all(store.recorded(p.track) for p in lesson.parts)])
        finally:
            progress.close()
            wanted = {p.track for p in parts} | {lesson.track for lesson in lessons}
            # A language taken out of mkdocs.yml keeps its tracks (natural voices cannot always be
            # made again): it is only named, so that the instructor deletes the folder if meant.
            narrator.report.removed = store.clean(selected, wanted, None)
            store.save()
            narrator.report.synthetic = [p.track for p in parts if engine_of(store.recorded(p.track)) == "espeak"
                                         and settings.engine_for(p.track.split("/", 1)[0]) != "espeak"]
    report = narrator.report
    _raise_failures(failures, report)
    _warn_about_fallbacks(report, len(parts))
    _warn_about_other_languages(course)
    return report


def _warn_about_other_languages(course: Course) -> None:
    audio = course.config.audio_dir
    codes = set(course.config.language_codes)
    for folder in sorted(p for p in audio.iterdir() if p.is_dir()) if audio.is_dir() else []:
        if folder.name not in codes and any(folder.rglob("*.mp3")):
            log.warning(f"warning: audio/{folder.name}/: language '{folder.name}' is not in mkdocs.yml; its narration "
                        "is kept — put the language back to use it, or delete the folder if it is gone for good")


def _raise_failures(failures: list[BaseException], report: NarrationReport) -> None:
    errors = [f for f in failures if isinstance(f, CourseError)]
    if errors:
        raise CourseError([p for e in errors for p in e.problems])
    unavailable = [f for f in failures if isinstance(f, EngineUnavailable)]
    if unavailable:
        raise CourseError(Problem("mkdocs.yml", 0, f"{len(unavailable)} track(s) could not be spoken: {unavailable[0]}",
                                  "build with a network, or set extra.course.audio.engine to auto (falls back to "
                                  "espeak-ng) or espeak"))
    if failures:
        raise failures[0]


def _warn_about_fallbacks(report: NarrationReport, parts: int) -> None:
    if report.synthetic and not report.fell_back:      # every build says so, not only the one that fell back
        log.warning(f"warning: {len(report.synthetic)} of {parts} tracks are still espeak-ng voices from an earlier "
                    "fallback; run 'course audio' again with a network to replace them with natural voices")
    if report.fell_back:
        reason = report.reasons.get("gtts", "the natural-voice engine failed")
        log.warning(f"warning: {len(report.fell_back)} of {parts} tracks fell back to espeak-ng ({reason}); "
                    f"run 'course audio' again with a network to replace them with natural voices")
