"""Make the LMS packages of one language: the offline site of that language (the same built
pages, which pick their LMS adapter at run time) plus the manifest of the package kind.

``dist/<lang>/omnichannel-<lang>-scorm12.zip`` (and ``-scorm2004``, ``-cmi5``). Like every
pack, a package is reproducible (fixed zip times, sorted members) and cached by a hash of
its members and manifest, so a build with nothing changed re-zips nothing.
"""
from __future__ import annotations

import json
from html import escape
from pathlib import Path

from ..model import Course
from ..packs import PackMember, write_pack
from ..module_title import module_title
from ..plain_text import plain_text
from ..trainer_packs.names import dist_pack
from ..trainer_packs.offline_site import offline_site_members
from ..trainer_packs.readme import pack_readme
from .manifests import MANIFEST_FILE, WRITERS, PackageFacts
from .settings import LmsSettings, load_lms_settings

LMS_UI_KEYS = ("lms.pack_scorm12", "lms.pack_scorm2004", "lms.pack_cmi5",
               "lms.readme_scorm12", "lms.readme_scorm2004", "lms.readme_cmi5")
README_KEYS = {"scorm12": "lms.readme_scorm12", "scorm2004": "lms.readme_scorm2004", "cmi5": "lms.readme_cmi5"}


def quiz_required(course: Course) -> bool:
    """Whether passing the quiz is part of completing the module (extra.course.completion.module_quiz)."""
    from ..record.settings import completion_rules

    return bool(course.quiz is not None and course.quiz.questions and completion_rules(course.config).module_quiz)


def package_facts(course: Course, lang: str, members: list[PackMember]) -> PackageFacts:
    language = course.languages[lang]
    home = language.home
    meta = home.meta if home else {}
    title = module_title(course, lang)
    launch = LAUNCH_PAGE
    pass_mark = course.quiz.settings.pass_mark if course.quiz is not None else 0
    return PackageFacts(lang=lang, title=title, description=plain_text(meta.get("description", "")),
                        launch=launch, mastery_percent=pass_mark, quiz_required=quiz_required(course),
                        outcomes=tuple(plain_text(o) for o in meta.get("outcomes") or ()),
                        files=tuple(m.name for m in members))


LAUNCH_PAGE = "lms.html"


def launch_page(course: Course, lang: str, start: str) -> str:
    """lms.html: the package's launch page, holding the one LMS session (assets/course/lms-session.js)
    and showing the course in a frame."""
    title = module_title(course, lang)
    settings = {"lang": lang, "start": start,
                "mastery": course.quiz.settings.pass_mark if course.quiz is not None else 0}
    data = json.dumps(settings).replace("</", "<\\/")
    return (f'<!DOCTYPE html>\n<html lang="{escape(lang)}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width,initial-scale=1"><title>{escape(title)}</title>'
            '<style>html,body{margin:0;height:100%;overflow:hidden}iframe{border:0;width:100%;height:100%;display:block}</style>'
            f'</head><body><iframe id="course-frame" title="{escape(title)}"></iframe>'
            f'<script id="course-lms" type="application/json">{data}</script>'
            '<script src="assets/course/lms-session.js"></script>'
            f'<noscript><p><a href="{escape(start)}">{escape(title)}</a></p></noscript></body></html>\n')


def package_members(site: Path, course: Course, lang: str, kind: str, scratch: Path,
                    settings: LmsSettings) -> list[PackMember]:
    """The package's files: first the manifest, then the launch page and the offline site of ``lang``."""
    members = offline_site_members(site, course, lang, scratch)
    start = "index.html" if lang == course.config.source_language else f"{lang}/index.html"
    scratch.mkdir(parents=True, exist_ok=True)
    page = scratch / LAUNCH_PAGE
    page.write_text(launch_page(course, lang, start), encoding="utf-8")
    members = [PackMember(LAUNCH_PAGE, page)] + members
    manifest = scratch / MANIFEST_FILE[kind]
    manifest.write_bytes(WRITERS[kind](package_facts(course, lang, members), settings))
    return [PackMember(MANIFEST_FILE[kind], manifest)] + members


def make_package(ctx, lang: str, kind: str, settings: LmsSettings) -> Path:
    scratch = ctx.work_dir / "lms" / kind / lang
    members = package_members(ctx.site_dir, ctx.course, lang, kind, scratch, settings)
    target = dist_pack(ctx.dist_dir, kind, lang)
    write_pack(target, members, pack_readme(ctx.course, ctx.course.languages[lang], README_KEYS[kind]),
               cache_dir=ctx.course.config.cache_dir / "packs")
    ctx.count("lms_packages")
    return target


def make_lms_packages(ctx) -> None:
    """PACK step: every LMS package that ``extra.course.lms.packages`` names, for every language
    (``course export`` adds the one it was asked for)."""
    settings = load_lms_settings(ctx.course.config)
    requested = getattr(ctx, "lms_request", None)
    for lang in ctx.course.languages:
        kinds = list(settings.packages)
        if requested and lang in requested[1] and requested[0] not in kinds:
            kinds.append(requested[0])
        for kind in kinds:
            make_package(ctx, lang, kind, settings)
