"""What the narration says: lesson Markdown turned into plain spoken text.

The Markdown is rendered with the site's own extensions, then read in document order:
headings, paragraphs, list items (numbered ones with their number), definition lists and
table rows (each cell as "header: value"). Code blocks, images, HTML comments and URLs are
left out; inline code is read as the words it holds. Finally the language's pronunciation
list (``translations/pronunciation/<lang>.yml``) respells words such as BOPIS or CRM so that
both engines say them the way a trainer would.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import markdown

from ..errors import CourseError, Problem
from ..yaml_lines import load_yaml_file

MARKDOWN_EXTENSIONS = ["tables", "attr_list", "md_in_html", "def_list", "admonition", "fenced_code"]
PRONUNCIATION_DIR = Path("translations") / "pronunciation"

URL = re.compile(r"(?:\b[a-z][a-z0-9+.-]*://|\bwww\.)[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'\"]", re.IGNORECASE)
EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
SENTENCE_END = ".!?…:;"
SKIPPED = {"pre", "script", "style", "img", "svg", "audio", "video", "iframe", "template"}
BLOCKS = {"p", "li", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "figcaption", "caption", "div"}


@dataclass(frozen=True)
class Pronunciations:
    """Whole-word respellings for one language, applied longest first, case-sensitive."""

    words: dict[str, str]

    def apply(self, text: str) -> str:
        if not self.words:
            return text
        keys = sorted(self.words, key=len, reverse=True)
        pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(k) for k in keys) + r")(?!\w)")
        return pattern.sub(lambda m: self.words[m.group(0)], text)


NO_PRONUNCIATIONS = Pronunciations({})


def pronunciation_file(root: Path, lang: str) -> Path:
    return root / PRONUNCIATION_DIR / f"{lang}.yml"


def load_pronunciations(root: Path, lang: str) -> tuple[Pronunciations, list[Problem]]:
    """The language's list, or none when the file does not exist; problems name file and line."""
    path = pronunciation_file(root, lang)
    shown = (PRONUNCIATION_DIR / f"{lang}.yml").as_posix()
    if not path.is_file():
        return NO_PRONUNCIATIONS, []
    try:
        data, lines = load_yaml_file(path)
    except CourseError as exc:
        return NO_PRONUNCIATIONS, [Problem(shown, p.line, p.message, p.hint) for p in exc.problems]
    if data is None:
        return NO_PRONUNCIATIONS, []
    if not isinstance(data, dict):
        return NO_PRONUNCIATIONS, [Problem(shown, 1, "expected 'WORD: how to say it' lines",
                                           "write e.g. 'CRM: C R M', one word per line")]
    problems = []
    words = {}
    for key, value in data.items():
        if not isinstance(value, str) or not value.strip() or not str(key).strip():
            problems.append(Problem(shown, lines.line(key), f"'{key}' has no spoken form",
                                    f"write it as '{key}: how to say it'"))
        else:
            words[str(key)] = value.strip()
    return Pronunciations(words), problems


class _SpeechReader(HTMLParser):
    """Collects spoken blocks from rendered HTML in document order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._text: list[str] = []
        self._skip = 0
        self._lists: list[list[int | None]] = []   # per open list: [next number or None]
        self._table_headers: list[str] = []
        self._row: list[str] = []
        self._cell: list[str] | None = None
        self._in_head = False
        self._marker: str | None = None

    def _flush(self) -> None:
        if self._marker and normalise(" ".join(self._text)) == self._marker:
            return                          # "2." of a list item whose text is in a <p>: keep it for that text
        spoken = normalise(" ".join(self._text))
        self._text, self._marker = [], None
        if spoken:
            self.blocks.append(end_sentence(spoken))

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in SKIPPED:
            if tag not in ("img",):
                self._skip += 1
            return
        if self._skip:
            return
        if tag in ("ul", "ol"):
            self._flush()
            start = dict(attrs).get("start")
            self._lists.append([int(start) if tag == "ol" and (start or "").isdigit() else (1 if tag == "ol" else None)])
        elif tag == "li":
            self._flush()
            if self._lists and self._lists[-1][0] is not None:
                self._marker = f"{self._lists[-1][0]}."
                self._text.append(self._marker)
                self._lists[-1][0] += 1
        elif tag == "table":
            self._flush()
            self._table_headers = []
        elif tag == "thead":
            self._in_head = True
        elif tag == "tr":
            self._row = []
        elif tag in ("td", "th"):
            self._cell = []
        elif tag == "br":
            self._text.append(" ")
        elif tag == "dd" and self._text:
            self._text.append(":")          # "term: definition", read as one sentence
        elif tag in BLOCKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED:
            if tag != "img" and self._skip:
                self._skip -= 1
            return
        if self._skip:
            return
        if tag in ("td", "th") and self._cell is not None:
            self._row.append(normalise(" ".join(self._cell)))
            self._cell = None
        elif tag == "tr":
            self._finish_row()
        elif tag == "thead":
            self._in_head = False
        elif tag in ("ul", "ol"):
            self._flush()
            if self._lists:
                self._lists.pop()
        elif tag == "dt":
            pass                            # the definition follows in the same sentence
        elif tag in BLOCKS or tag == "table":
            self._flush()

    def _finish_row(self) -> None:
        row, self._row = self._row, []
        if self._in_head:
            self._table_headers = row
            return
        spoken = []
        for index, value in enumerate(row):
            if not value:
                continue
            header = self._table_headers[index] if index < len(self._table_headers) else ""
            spoken.append(end_sentence(f"{header.rstrip(':')}: {value}" if header else value))
        if spoken:
            self.blocks.append(" ".join(spoken))

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if self._cell is not None:
            self._cell.append(data)
        else:
            self._text.append(data)

    def handle_comment(self, data: str) -> None:
        pass

    def close(self) -> None:
        super().close()
        self._flush()


def normalise(text: str) -> str:
    """Drop URLs and e-mail addresses, tidy spaces and the punctuation they leave behind."""
    text = URL.sub(" ", text)
    text = EMAIL.sub(" ", text)
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s+([,.;:!?…)])", r"\1", text)
    text = re.sub(r"([(\[])\s+", r"\1", text)
    text = re.sub(r"\(\s*\)|\[\s*\]", "", text)
    text = re.sub(r"([,;:])\1+", r"\1", text)
    text = re.sub(r"\s+", " ", text).strip()
    return text.strip(" ,;")


def end_sentence(text: str) -> str:
    text = text.rstrip()
    if not text:
        return text
    closing = ""
    while text and text[-1] in "\"'”’»)":
        closing = text[-1] + closing
        text = text[:-1]
    if text and text[-1] not in SENTENCE_END:
        text += "."
    return text + closing


def spoken_blocks(source: str) -> list[str]:
    """The spoken text of a Markdown fragment, one entry per heading, paragraph, list item or table row."""
    html = markdown.markdown(source, extensions=MARKDOWN_EXTENSIONS)
    reader = _SpeechReader()
    reader.feed(html)
    reader.close()
    return [b for b in reader.blocks if re.search(r"\w", b)]


def spoken_text(source: str, pronunciations: Pronunciations = NO_PRONUNCIATIONS) -> str:
    """A Markdown fragment as the narration says it: blocks separated by blank lines."""
    return pronunciations.apply("\n\n".join(spoken_blocks(source)))


def spoken_title(title: str, pronunciations: Pronunciations = NO_PRONUNCIATIONS) -> str:
    """A heading (which may hold inline HTML such as <span lang>) as one spoken sentence."""
    return spoken_text(title.replace("\n", " "), pronunciations).replace("\n\n", " ")
