"""`course export scorm12|scorm2004|cmi5 [--lang L]`: an LMS package of the course."""
from __future__ import annotations

import argparse

from ..progress import log

KINDS = ("scorm12", "scorm2004", "cmi5")


def cmd_export(args: argparse.Namespace) -> int:
    from ..config import load_config
    from ..lms.settings import load_lms_settings
    from ..pipeline import build
    from ..trainer_packs.names import dist_pack

    config = load_config(args.root)
    load_lms_settings(config)                       # a bad extra.course.lms stops here, before the build
    config.require_language(args.lang)
    langs = (args.lang,) if args.lang else tuple(config.language_codes)
    # The package is the built site plus a manifest: build (cached, so only what changed is
    # made again), asking for this package even if extra.course.lms.packages leaves it out.
    build(args.root, lms_request=(args.kind, langs))
    for lang in langs:
        package = dist_pack(config.dist_dir, args.kind, lang)
        log.info(f"{args.kind} package for {lang}: {package} ({package.stat().st_size / 1e6:.1f} MB)")
        print(package)
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="build an LMS package: SCORM 1.2, SCORM 2004 or cmi5",
                       description="Build the course (cached) and write dist/<lang>/omnichannel-<lang>-KIND.zip, "
                                   "the site of one language with the manifest of that standard, for upload to "
                                   "a learning management system (README.md, 'For LMS administrators').")
    p.add_argument("kind", choices=KINDS, help="package standard")
    p.add_argument("--lang", help="one language (default: every course language)")
    p.set_defaults(func=cmd_export)
