"""The completion page (``completion.html`` in each language folder): a certificate the learner
prints on one A4 page, with no server. A plain HTML file beside the generated pages (the site
generator copies it as it is, so it stays out of the navigation); progress.js fills in the
name typed in, the date and the quiz score from the learner record, or says what is left to do.
"""
from __future__ import annotations

from ..model import Language
from ..plain_text import plain_text
from ..site.html import attr, text
from .page_data import COMPLETION_PAGE

STYLE = """
*{box-sizing:border-box}body{margin:0;font-family:"Noto Sans","DejaVu Sans",Arial,sans-serif;color:#1a1a1a;background:#f4f5fa;line-height:1.45}
main{max-width:44rem;margin:0 auto;padding:1.5rem}
.controls{background:#fff;border:1px solid #c5c8d6;border-radius:.3rem;padding:1rem;margin:0 0 1.5rem}
.controls label{display:block;font-weight:700;margin:0 0 .3rem}.controls input{font:inherit;padding:.4rem;width:100%;max-width:24rem;border:1px solid #555}
.hint{margin:.3rem 0 0;color:#444;font-size:.9rem}
button,.back{font:inherit;display:inline-block;margin:.8rem .6rem 0 0;padding:.45rem 1.1rem;border:2px solid #303f9f;border-radius:.2rem;background:#303f9f;color:#fff;cursor:pointer;text-decoration:none}
.back{background:#fff;color:#303f9f}
button:focus-visible,.back:focus-visible,input:focus-visible{outline:3px solid #1a237e;outline-offset:2px}
.certificate{background:#fff;border:6px double #303f9f;padding:2rem 2.2rem;text-align:center}
.certificate h1{font-size:1.9rem;margin:0 0 1rem;color:#1a237e}
.name{font-size:1.6rem;font-weight:700;min-height:2.2rem;border-bottom:1px solid #888;margin:0 auto 1rem;max-width:28rem}
.module{font-size:1.25rem;font-weight:700;margin:.3rem 0 1rem}
.certificate h2{font-size:1rem;margin:1.2rem 0 .4rem}.certificate ul{text-align:left;margin:0 auto;max-width:36rem;font-size:.92rem}
.facts{display:flex;justify-content:center;gap:2.5rem;flex-wrap:wrap;margin:1.2rem 0 .4rem}.facts dt{font-weight:700}.facts dd{margin:0}
.note{font-size:.8rem;color:#444;margin:1rem 0 0}
.not-yet{background:#fff3cd;border:1px solid #8a6d00;padding:1rem;border-radius:.3rem}
@page{size:A4;margin:14mm}
@media print{body{background:#fff}main{max-width:none;padding:0}.controls,.not-yet{display:none!important}.certificate{border-width:5px;padding:1.4rem 1.6rem;font-size:.95rem}}
"""


def assets_prefix(language: Language, source_language: str) -> str:
    return "" if language.code == source_language else "../"


def render_completion_page(language: Language, source_language: str, record_script: str) -> str:
    """The page as HTML; the scripts come from the site's assets (same as every other page)."""
    t = language.t
    home = language.home
    meta = home.meta if home else {}
    title = plain_text(meta.get("title", ""))
    prefix = assets_prefix(language, source_language)
    outcomes = "".join(f"<li>{text(plain_text(o))}</li>" for o in meta.get("outcomes") or [])
    home_href = home.html_name if home else "index.html"
    scripts = "".join(f'<script src="{prefix}assets/course/{name}"></script>' for name in ("record.js", "progress.js"))
    return f"""<!doctype html>
<html lang="{attr(language.code)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{text(t("record.certificate_title"))} — {text(title)}</title>
<meta name="robots" content="noindex">
<style>{STYLE.strip()}</style>
</head>
<body>
<main data-course-certificate>
<div class="controls">
<p class="not-yet" role="status" hidden></p>
<label for="course-certificate-name">{text(t("record.certificate_name"))}</label>
<input type="text" id="course-certificate-name" autocomplete="name" aria-describedby="course-certificate-name-hint">
<p class="hint" id="course-certificate-name-hint">{text(t("record.certificate_name_hint"))}</p>
<button type="button" class="print">{text(t("record.certificate_print"))}</button><a class="back" href="{attr(home_href)}">{text(t("record.certificate_back"))}</a>
</div>
<article class="certificate" aria-labelledby="course-certificate-title">
<h1 id="course-certificate-title">{text(t("record.certificate_title"))}</h1>
<p class="name" data-course-certificate-name></p>
<p>{text(t("record.certificate_statement"))}</p>
<p class="module">{text(title)}</p>
<p>{text(t("record.certificate_eqf").replace("{level}", str(meta.get("eqf", ""))))}</p>
<h2>{text(t("record.certificate_outcomes"))}</h2>
<ul>{outcomes}</ul>
<dl class="facts"><div><dt>{text(t("record.certificate_date"))}</dt><dd data-course-certificate-date></dd></div>
<div><dt>{text(t("record.certificate_score"))}</dt><dd data-course-certificate-score></dd></div></dl>
<p class="note">{text(t("record.certificate_note"))}</p>
</article>
</main>
{record_script}
{scripts}
</body>
</html>
"""


def completion_file_name() -> str:
    return COMPLETION_PAGE
