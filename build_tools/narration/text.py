"""What the narration says: lesson Markdown turned into plain spoken text.

The Markdown is rendered with the site's own extensions, then read in document order:
headings, paragraphs, list items (numbered ones with their number), definition lists and
table rows (each cell as "header: value"). Code blocks, images, HTML comments and URLs are
left out; inline code is read as the words it holds. Finally the language's pronunciation
list (``translations/pronunciation/<lang>.yml``) respells words such as BOPIS or CRM so that
both engines say them the way a trainer would.

A phrase marked as another language (``<span lang="en">click and collect</span>``) is kept as
a *run* between private-use marks: espeak-ng speaks it with that language's voice, gTTS reads
it plainly (:func:`plain`), and the pronunciation list leaves it as written.
"""
from __future__ import annotations

import re
import threading
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
RUN_START, RUN_TEXT, RUN_END = "\ue000", "\ue001", "\ue002"     # <start>lang<text>words<end>
RUN = re.compile(f"{RUN_START}([^{RUN_TEXT}]*){RUN_TEXT}(.*?){RUN_END}", re.S)
SKIPPED = {"pre", "script", "style", "img", "svg", "audio", "video", "iframe", "template"}
BLOCKS = {"p", "li", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "figcaption", "caption", "div"}


@dataclass(frozen=True)
class Pronunciations:
    """Whole-word respellings for one language, applied longest first, case-sensitive."""

    words: dict[str, str]

    def apply(self, text: str) -> str:
        """Respell the words of ``text``; phrases in another language (runs) stay as written."""
        if not self.words:
            return text
        keys = sorted(self.words, key=len, reverse=True)
        pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(k) for k in keys) + r")(?!\w)")
        pieces = re.split(f"({RUN.pattern})", text, flags=re.S)
        out = []
        index = 0
        while index < len(pieces):
            out.append(pattern.sub(lambda m: self.words[m.group(0)], pieces[index]))
            if index + 1 < len(pieces):
                out.append(pieces[index + 1])          # the whole run, untouched
            index += 4                                  # text, run, its language, its words
        return "".join(out)


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

    def __init__(self, lang: str = "") -> None:
        super().__init__(convert_charrefs=True)
        self.lang = lang.split("-")[0].lower()
        self._foreign: list[tuple[str, bool]] = []     # (tag, opened a run) for elements with lang=
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
        marked = dict(attrs).get("lang") or dict(attrs).get("xml:lang")
        if marked and tag not in BLOCKS and tag not in ("ul", "ol", "li", "table", "tr", "td", "th"):
            other = marked.split("-")[0].lower() != self.lang and self.lang and not any(o for _, o in self._foreign)
            self._foreign.append((tag, bool(other)))
            if other:
                self._collect(f"{RUN_START}{marked.lower()}{RUN_TEXT}")
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
        if self._foreign and self._foreign[-1][0] == tag:
            if self._foreign.pop()[1]:
                self._collect(RUN_END)
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

    def _collect(self, data: str) -> None:
        (self._cell if self._cell is not None else self._text).append(data)

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self._collect(data)

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
    text = re.sub(f"{RUN_START}[^{RUN_TEXT}]*{RUN_TEXT}\\s*{RUN_END}", "", text)        # an empty run
    text = re.sub(f"({RUN_TEXT})\\s+", r"\1", text)
    text = re.sub(f"\\s+({RUN_END})", r"\1", text)
    text = re.sub(r"\s+", " ", text).strip()
    return text.strip(" ,;")


def plain(text: str) -> str:
    """``text`` without run marks: what gTTS and a reader see."""
    return RUN.sub(lambda m: m.group(2), text)


def runs(text: str, lang: str) -> list[tuple[str, str]]:
    """``text`` as (language, words) pieces in order: runs in their language, the rest in ``lang``."""
    pieces: list[tuple[str, str]] = []
    at = 0
    for match in RUN.finditer(text):
        if match.start() > at:
            pieces.append((lang, text[at:match.start()]))
        pieces.append((match.group(1), match.group(2)))
        at = match.end()
    if at < len(text):
        pieces.append((lang, text[at:]))
    return pieces


def end_sentence(text: str) -> str:
    text = text.rstrip()
    if not text:
        return text
    closing = ""
    while text and text[-1] in "\"'”’»)" + RUN_END:
        closing = text[-1] + closing
        text = text[:-1]
    if text and text[-1] not in SENTENCE_END:
        text += "."
    return text + closing


_local = threading.local()


def _converter() -> markdown.Markdown:
    """One Markdown converter per thread, reset before each fragment (making one per fragment,
    with its extensions, was most of the narration step's time in a build with nothing to speak)."""
    if not hasattr(_local, "converter"):
        _local.converter = markdown.Markdown(extensions=MARKDOWN_EXTENSIONS)
    return _local.converter


def spoken_blocks(source: str, lang: str = "") -> list[str]:
    """The spoken text of a Markdown fragment, one entry per heading, paragraph, list item or table row.

    With ``lang`` (the page's language), phrases marked as another language become runs.
    """
    html = _converter().reset().convert(source)
    reader = _SpeechReader(lang)
    reader.feed(html)
    reader.close()
    return [b for b in reader.blocks if re.search(r"\w", b)]


def spoken_text(source: str, pronunciations: Pronunciations = NO_PRONUNCIATIONS, lang: str = "") -> str:
    """A Markdown fragment as the narration says it: blocks separated by blank lines."""
    return pronunciations.apply("\n\n".join(spoken_blocks(source, lang)))


def spoken_title(title: str, pronunciations: Pronunciations = NO_PRONUNCIATIONS, lang: str = "") -> str:
    """A heading (which may hold inline HTML such as <span lang>) as one spoken sentence."""
    return spoken_text(title.replace("\n", " "), pronunciations, lang).replace("\n\n", " ")
