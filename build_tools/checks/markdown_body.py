"""The Markdown of page text: only what content/README.md documents.

- raw HTML: a short list of inline tags (below); every other tag, an unbalanced tag and an
  unclosed comment are refused, since they run, swallow or publish text on the site;
- footnotes (``[^1]``) and collapsible callouts (``??? tip``) are refused with what to use;
- images: local, with alt text, the file present (images.py); a very large file is a warning;
- a section longer than the narration can take is refused before any audio is made.
"""
from __future__ import annotations

import re

from ..errors import WARNING, Problem
from ..images import IMAGE, LARGE_IMAGE_BYTES, image_file, is_local
from ..model import Course, Page

# Inline HTML an instructor may write, and the attributes each may carry.
ALLOWED_HTML = {
    "span": {"lang"}, "abbr": {"title", "lang"}, "br": set(), "wbr": set(), "kbd": set(), "sub": set(),
    "sup": set(), "mark": set(), "q": {"lang"}, "small": set(), "em": {"lang"}, "strong": {"lang"},
}
VOID_HTML = {"br", "wbr"}
ALLOWED_LIST = ", ".join(f"<{tag}>" for tag in ALLOWED_HTML)
MAX_SECTION_WORDS = 1000

FENCED = re.compile(r"^[ \t]*(```|~~~).*?^[ \t]*\1[^\n]*$", re.M | re.S)
INLINE_CODE = re.compile(r"(`+)(?!`).+?(?<!`)\1", re.S)
TAG = re.compile(r"<(?P<close>/)?(?P<name>[A-Za-z][A-Za-z0-9-]*)(?P<attrs>(?:\s[^<>]*)?)(?P<self>/)?>")
ATTRIBUTE = re.compile(r"([A-Za-z_:][-A-Za-z0-9_:.]*)(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'>]+))?")
COMMENT_OPEN, COMMENT_CLOSE = "<!--", "-->"
FOOTNOTE = re.compile(r"\[\^[^\]\s]+\]")
COLLAPSIBLE = re.compile(r"^\?\?\?\+?\s", re.M)


def _blank(match: re.Match) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


def prose(text: str) -> str:
    """``text`` with code blocks and inline code blanked out (line numbers stay the same)."""
    return INLINE_CODE.sub(_blank, FENCED.sub(_blank, text))


def blocks(page: Page):
    """(text, first line) of the intro and of every section body."""
    yield page.intro, page.intro_line
    for section in page.sections:
        yield section.body, section.body_line


def _line(first: int, text: str, offset: int) -> int:
    return first + text.count("\n", 0, offset)


def _html_problems(page: Page, text: str, first: int) -> list[Problem]:
    problems: list[Problem] = []
    at = lambda offset: _line(first, text, offset)  # noqa: E731
    # Comments: closed ones are dropped from the output; an unclosed one would publish the rest.
    position = 0
    while (start := text.find(COMMENT_OPEN, position)) >= 0:
        end = text.find(COMMENT_CLOSE, start + 4)
        if end < 0:
            problems.append(Problem(page.path, at(start), "HTML comment '<!--' is never closed",
                                    "end it with '-->': everything after it would be published on the site and in the PDF"))
            text = text[:start]
            break
        text = text[:start] + _blank_text(text[start:end + 3]) + text[end + 3:]
        position = end + 3
    open_tags: list[tuple[str, int]] = []
    refused_lines: set[int] = set()
    for match in TAG.finditer(text):
        name, line = match.group("name").lower(), at(match.start())
        if name not in ALLOWED_HTML:
            if line not in refused_lines and not match.group("close"):   # one message per line
                refused_lines.add(line)
                problems.append(Problem(page.path, line, f"HTML <{name}> is not allowed in page text",
                                        f"write it in Markdown; the HTML allowed is {ALLOWED_LIST} (content/README.md)"))
            continue
        if match.group("close"):
            if open_tags and open_tags[-1][0] == name:
                open_tags.pop()
            elif any(tag == name for tag, _ in open_tags):
                tag, opened = open_tags.pop()
                problems.append(Problem(page.path, opened, f"<{tag}> is not closed before </{name}> on line {line}",
                                        f"add </{tag}> where the {tag} should end"))
                while open_tags and open_tags[-1][0] != name:
                    open_tags.pop()
                if open_tags:
                    open_tags.pop()
            else:
                problems.append(Problem(page.path, line, f"</{name}> closes a tag that was never opened",
                                        f"remove it, or add <{name}> where it should start"))
            continue
        for attribute in ATTRIBUTE.findall(match.group("attrs") or ""):
            if attribute.lower() not in ALLOWED_HTML[name]:
                allowed = ", ".join(sorted(ALLOWED_HTML[name])) or "none"
                problems.append(Problem(page.path, line, f"attribute '{attribute}' is not allowed on <{name}>",
                                        f"remove it; attributes allowed on <{name}>: {allowed}"))
        if name not in VOID_HTML and not match.group("self"):
            open_tags.append((name, line))
    for tag, opened in open_tags:
        problems.append(Problem(page.path, opened, f"<{tag}> is never closed",
                                f"add </{tag}> where the {tag} should end (before the end of the section)"))
    return problems


def _blank_text(text: str) -> str:
    return re.sub(r"[^\n]", " ", text)


def _syntax_problems(page: Page, text: str, first: int) -> list[Problem]:
    problems = []
    for match in FOOTNOTE.finditer(text):
        problems.append(Problem(page.path, _line(first, text, match.start()), f"footnote '{match.group(0)}' is not supported",
                                "write the source in the sentence, e.g. '(Author, 2021)', and list it in the home page's bibliography"))
    for match in COLLAPSIBLE.finditer(text):
        problems.append(Problem(page.path, _line(first, text, match.start()), "collapsible callout '???' is not supported",
                                "write '!!! tip' (or note, warning): sections already fold on the site"))
    return problems


def _image_problems(course: Course, page: Page, text: str, first: int) -> list[Problem]:
    problems = []
    for match in IMAGE.finditer(text):
        line, src, alt = _line(first, text, match.start()), match.group("src"), match.group("alt").strip()
        if not alt:
            problems.append(Problem(page.path, line, f"image '{src}' has no alt text",
                                    "describe what the picture shows between the brackets: ![A till with a tablet](img/till.png)"))
        if not is_local(src):
            problems.append(Problem(page.path, line, f"image '{src}' is not a file of the course",
                                    f"save it as content/{course.config.source_language}/img/<name> and write ![…](img/<name>): "
                                    "offline packs and PDFs cannot fetch pictures from the web"))
            continue
        path = image_file(course.config.content_dir, page.lang, course.config.source_language, src)
        if path is None:
            own, english = f"content/{page.lang}/{src}", f"content/{course.config.source_language}/{src}"
            where = own if own == english else f"{own} or {english}"
            problems.append(Problem(page.path, line, f"image '{src}' not found: no file {where}",
                                    "check the file name (letters are case-sensitive) or add the file"))
            continue
        size = path.stat().st_size
        if size > LARGE_IMAGE_BYTES:
            problems.append(Problem(page.path, line, f"image '{src}' is large: {size / 1_000_000:.1f} MB",
                                    f"every learner downloads it; scale it down or compress it below {LARGE_IMAGE_BYTES // 1000} KB",
                                    severity=WARNING))
    return problems


def _length_problems(page: Page) -> list[Problem]:
    problems = []
    for section in page.sections:
        words = len(section.body.split())
        if words > MAX_SECTION_WORDS:
            problems.append(Problem(page.path, section.line, f"section '{section.id}' has {words} words, more than {MAX_SECTION_WORDS}",
                                    "split it into several '## Title {#id}' sections (80-250 words each): "
                                    "one narration track per section cannot be longer"))
    return problems


def check_markdown_body(course: Course) -> list[Problem]:
    problems: list[Problem] = []
    for language in course.languages.values():
        for page in language.ordered_pages:
            for text, first in blocks(page):
                text = prose(text)
                problems += _html_problems(page, text, first)
                problems += _syntax_problems(page, text, first)
                problems += _image_problems(course, page, text, first)
            for section in page.sections:
                problems += _html_problems(page, section.title, section.line)
            problems += _length_problems(page)
    return problems
