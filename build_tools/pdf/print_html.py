"""The course model as print HTML: one document per lesson-like page, one for the whole module.

Built from the same model (and so the same Markdown) as the site. Every document also lists
the texts it prints with the file and line they came from, for the glyph check.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import jinja2
from markupsafe import Markup

from .. import artefact_paths
from ..model import Course, Language, Page
from ..module_title import module_title as course_module_title
from ..plain_text import plain_text
from ..site.glossary import sorted_entries
from ..site.html import title_html
from .glyphs import TextSource
from ..images import print_image_resolver
from .hyphenation import HYPHENATE_CHARACTER
from .markdown_html import EXTERNAL, LinkTarget, markdown_to_html
from .self_test import self_test_for
from .settings import PdfSettings

TEMPLATES = Path(__file__).resolve().parent / "templates"
# Pages printed as their own PDF: every page with a "Download" action.
PRINTED_KINDS = artefact_paths.SECTION_PAGE_KINDS


@dataclass
class PrintDocument:
    artefact: str            # cache name, unique per language and edition: "el/01-basics.pdf"
    published: str           # path inside the language's part of the site: "pdf/01-basics.pdf"
    lang: str
    html: str
    sources: list[TextSource] = field(default_factory=list)


@lru_cache(maxsize=1)
def _templates() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                              undefined=jinja2.StrictUndefined, keep_trailing_newline=True)


def page_anchor(page: Page) -> str:
    return "cover" if page.kind == "home" else page.stem


def section_anchor(page: Page, section_id: str) -> str:
    return f"{page.stem}--{section_id}"


class _Collector:
    """Records every printed text with its origin while the document context is assembled."""

    def __init__(self, language: Language):
        self.language = language
        self.sources: list[TextSource] = []

    def add(self, path: str, line: int, text: object) -> str:
        value = str(text)
        self.sources.append(TextSource(path, line, value))
        return value

    def ui(self, key: str) -> str:
        lang = self.language
        return self.add(lang.ui_path, lang.ui_lines.line(*key.split(".")), lang.t(key))

    def meta(self, page: Page, *where) -> str:
        value = page.meta
        for step in where:
            value = value[step]
        return self.add(page.path, page.meta_lines.line(*where), value)


def _resolver(language: Language, current: Page, printed: dict[str, Page]):
    """Links within the document become internal; anything else becomes plain text."""

    def resolve(href: str) -> LinkTarget | None:
        if EXTERNAL.match(href):
            return LinkTarget(href)
        path, _, fragment = href.partition("#")
        target = current if not path else printed.get(path.removeprefix("./"))
        if target is None:
            return None
        if not fragment:
            return LinkTarget("#" + page_anchor(target), plain_text(target.title))
        section = target.section(fragment)
        if section:
            return LinkTarget("#" + section_anchor(target, fragment), section.plain_title)
        if target.kind == "glossary" and fragment in language.glossary:
            entry = language.glossary[fragment]
            term = entry.get("term", fragment) if isinstance(entry, dict) else fragment
            return LinkTarget("#" + section_anchor(target, fragment), plain_text(term))
        return None

    return resolve


def _part(collect: _Collector, page: Page, printed: dict[str, Page], kicker: str = "") -> dict:
    resolve = _resolver(collect.language, page, printed)
    image = print_image_resolver(page.folders)
    title = collect.meta(page, "title")
    collect.add(page.path, page.intro_line, page.intro)
    sections = []
    for section in page.sections:
        collect.add(page.path, section.line, section.title)
        collect.add(page.path, section.body_line, section.body)
        sections.append({"anchor": section_anchor(page, section.id), "title": Markup(title_html(section.title)),
                         "body_html": Markup(markdown_to_html(section.body, resolve, image))})
    # A scaffold not translated yet ('translates: missing') says so in print too, as on its page.
    untranslated = collect.ui("authoring.untranslated") if str(page.meta.get("translates", "")) == "missing" else ""
    return {"kind": page.kind, "anchor": page_anchor(page), "title": Markup(title_html(title)),
            "plain_title": plain_text(title), "kicker": kicker, "untranslated": untranslated,
            "intro_html": Markup(markdown_to_html(page.intro, resolve, image)) if page.intro.strip() else "",
            "sections": sections}


def _lesson_kicker(collect: _Collector, language: Language, page: Page) -> str:
    if page.kind != "lesson":
        return ""
    return collect.ui("pdf.lesson_number").replace("{number}", str(language.lessons.index(page) + 1))


def _home_list(collect: _Collector, home: Page | None, field_name: str) -> list[str]:
    """A list field of the module's front matter (outcomes, keywords, bibliography), item by item."""
    items = (home.meta.get(field_name) or []) if home else []
    return [collect.meta(home, field_name, i) for i in range(len(items))]


def _common(collect: _Collector, course: Course, language: Language) -> dict:
    home = language.home
    module_title = collect.meta(home, "title") if home else course.config.site_name
    return {"lang": language.code, "module_title": Markup(title_html(module_title)),
            "plain_module_title": course_module_title(course, language.code), "author": plain_text(collect.ui("pdf.author")),
            "keywords": [plain_text(k) for k in _home_list(collect, home, "keywords")]}


def _render(template: str, context: dict) -> str:
    """The print HTML. U+2010 is kept for the hyphens WeasyPrint adds at line breaks (the text
    layer gives those as soft hyphens: structure_tree.py), so the text's own are written U+002D."""
    return _templates().get_template(template).render(context).replace(HYPHENATE_CHARACTER, "-")


def _inline_list(items: list[str]) -> list[Markup]:
    """Front-matter list items (outcomes, references): escaped, but a phrase marked
    ``<span lang="xx">`` stays marked (and so gets its /Lang in the PDF)."""
    return [Markup(title_html(item)) for item in items]


def lesson_document(course: Course, language: Language, page: Page) -> PrintDocument:
    collect = _Collector(language)
    context = _common(collect, course, language)
    part = _part(collect, page, {page.name: page}, _lesson_kicker(collect, language, page))
    summary = collect.meta(page, "summary") if page.meta.get("summary") else ""
    context.update(doc_title=f"{part['plain_title']} — {context['plain_module_title']}", description=plain_text(summary),
                   body_class="lesson-doc", part=part)
    html = _render("lesson.html", context)
    published = artefact_paths.lesson_pdf(page)
    return PrintDocument(f"{language.code}/{published}", published, language.code, html, collect.sources)


def _cover(collect: _Collector, language: Language, home: Page | None) -> dict:
    facts = []
    if home:
        for key, field_name in (("home.eqf", "eqf"), ("home.duration", "duration")):
            if home.meta.get(field_name):
                facts.append((collect.ui(key), collect.meta(home, field_name)))
    facts.append((collect.ui("home.language"), collect.add("mkdocs.yml", 0, language.name)))
    description = collect.meta(home, "description").strip() if home and home.meta.get("description") else ""
    # The description may mark a phrase in another language: kept on the cover, dropped in the metadata.
    return {"kicker": collect.ui("pdf.module"), "facts": facts, "description": plain_text(description),
            "description_html": Markup(title_html(description))}


def _glossary(collect: _Collector, language: Language, page: Page | None) -> dict | None:
    if page is None:
        return None
    entries = []
    for entry_id, entry in sorted_entries(language):
        line = language.glossary_lines.line(entry_id)
        entries.append({"anchor": section_anchor(page, entry_id),
                        "term": collect.add(language.glossary_path, line, entry.get("term", entry_id)),
                        "definition": collect.add(language.glossary_path, line, entry.get("definition", ""))})
    return {"anchor": page_anchor(page), "title": collect.meta(page, "title"), "entries": entries}


def _contents(parts: list[dict], others: list[tuple[str, str]]) -> list[dict]:
    """Contents entries: every part with its sections, then the other parts that are present."""
    entries = [{"anchor": p["anchor"], "title": p["title"],
                "children": [{"anchor": s["anchor"], "title": s["title"]} for s in p["sections"]]} for p in parts]
    return entries + [{"anchor": anchor, "title": title, "children": []} for anchor, title in others if title]


def module_document(course: Course, language: Language, settings: PdfSettings) -> PrintDocument:
    collect = _Collector(language)
    context = _common(collect, course, language)
    home, keypoints = language.home, language.page_of_kind("keypoints")
    glossary_page, quiz_page = language.page_of_kind("glossary"), language.page_of_kind("quiz")
    printed = {p.name: p for p in [*language.lessons, keypoints, glossary_page, home, quiz_page] if p is not None}
    parts = [_part(collect, p, printed, _lesson_kicker(collect, language, p)) for p in language.lessons]
    if keypoints:
        parts.append(_part(collect, keypoints, printed))
    glossary = _glossary(collect, language, glossary_page)
    items = _home_list(collect, home, "bibliography")
    bibliography = {"title": collect.ui("home.bibliography"), "list": _inline_list(items)} if items else None
    self_test = self_test_for(course, language, quiz_page, collect, settings.answer_key)
    if self_test:
        intro = quiz_page.intro.strip()
        self_test["intro_html"] = Markup(markdown_to_html(intro, _resolver(language, quiz_page, printed))) if intro else ""
    contents = _contents(parts, [
        (glossary and glossary["anchor"], glossary and glossary["title"]),
        ("bibliography", bibliography and bibliography["title"]),
        ("self-test", self_test and self_test["title"]),
        ("answer-key", self_test and self_test["answers"] and self_test["answers_title"])])
    cover = _cover(collect, language, home)
    context.update(doc_title=context["plain_module_title"], description=cover["description"], body_class="module-doc",
                   cover=cover, outcomes={"title": collect.ui("home.outcomes"),
                                          "list": _inline_list(_home_list(collect, home, "outcomes"))},
                   contents={"title": collect.ui("pdf.contents"), "entries": contents},
                   parts=parts, glossary=glossary, bibliography=bibliography, self_test=self_test)
    html = _render("module.html", context)
    published = artefact_paths.module_pdf(language.code)
    edition = published if settings.answer_key else published.removesuffix(".pdf") + ".learner.pdf"
    return PrintDocument(f"{language.code}/{edition}", published, language.code, html, collect.sources)


def documents_for(course: Course, language: Language, settings: PdfSettings) -> list[PrintDocument]:
    """Every PDF of one language: one per printed page, then the whole module."""
    pages = [p for p in language.ordered_pages if p.kind in PRINTED_KINDS]
    return [lesson_document(course, language, p) for p in pages] + [module_document(course, language, settings)]

