"""Read an input file as text, or say precisely why it cannot be read.

Every lesson, quiz bank and YAML file is UTF-8 without a byte order mark. A file saved in
another encoding (Windows-1252, ISO 8859-7, UTF-16) or with a BOM gets an error naming the
file and the line, instead of a traceback or a misleading "missing front matter".
"""
from __future__ import annotations

from pathlib import Path

from .errors import CourseError

BOM = b"\xef\xbb\xbf"
SAVE_AS = "save the file as UTF-8 (without BOM) in your editor"


def read_text(path: Path, shown: str | Path | None = None) -> str:
    shown = str(shown if shown is not None else path)
    data = path.read_bytes()
    if data.startswith(BOM):
        raise CourseError.at(shown, 1, "the file starts with a UTF-8 byte order mark (BOM)", SAVE_AS)
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise CourseError.at(shown, 1, "the file is UTF-16, not UTF-8", SAVE_AS)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise CourseError.at(shown, line, f"the file is not UTF-8: byte 0x{data[exc.start]:02x} in column {column} "
                                          "cannot be read", SAVE_AS) from None
