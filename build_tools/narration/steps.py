"""The narration's build steps: make the tracks and put them beside the pages (before the pages
are rendered, so every lesson shows its players), and after the site, the trainers' packs.

Imports happen inside the steps so that commands which never narrate (check, serve) do not
load the audio libraries.
"""
from __future__ import annotations

from pathlib import Path


def publish_tracks(plans, store, lang_dir: Path) -> int:
    """Link each lesson and section track to where the site plays it (``audio/...`` in the language's docs)."""
    from .store import link_or_copy

    count = 0
    for lesson in plans:
        for track, site_path in [(lesson.track, lesson.site_path)] + [(p.track, p.site_path) for p in lesson.sections]:
            if store.recorded(track):
                link_or_copy(store.file_of(track), lang_dir / site_path)
                count += 1
    return count


def narration_step(ctx) -> None:
    """ASSET step: bring audio/ up to date, then link the tracks into the generated docs."""
    from .store import TrackStore
    from .synthesis import narrate

    report = narrate(ctx.course)
    ctx.products["narration_plans"] = report.lessons
    store = TrackStore(ctx.course.config.audio_dir)
    for lang, plans in report.lessons.items():
        ctx.count("audio_published", publish_tracks(plans, store, ctx.lang_docs(lang)))
    ctx.count("audio_generated", len(report.generated))
    ctx.count("audio_cached", len(report.cached))
    ctx.count("audio_fell_back", len(report.fell_back))


def audio_pack_step(ctx) -> None:
    """PACK step: dist/<lang>/omnichannel-<lang>-audio.zip for every language with narration."""
    from ..progress import progress_log
    from .pack import write_audio_pack
    from .store import TrackStore
    from .synthesis import narrated_pages, plan_language, pronunciations_for

    course = ctx.course
    store = TrackStore(course.config.audio_dir)
    planned = getattr(ctx, "products", {}).get("narration_plans") or {}    # from the narration step
    for code, language in course.languages.items():
        if not narrated_pages(language):
            continue
        plans = planned.get(code) or plan_language(course, language, pronunciations_for(course, code))
        info = write_audio_pack(course, code, plans, store, ctx.dist_dir)
        if info is not None:
            ctx.count("packs", 1)
            progress_log.debug(f"[audio-pack] {info.path.name}: {info.files} files, {info.size} bytes")
