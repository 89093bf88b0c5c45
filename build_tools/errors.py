"""One error family for everything a course input can get wrong.

A :class:`Problem` names the file, the line, what is wrong and what to do about it.
Checks collect problems; :class:`CourseError` carries one or more of them out of a
command so the CLI can print them and exit non-zero.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    message: str
    hint: str = ""
    severity: str = ERROR
    stale: bool = False      # a translation lags behind English: a warning, an error under `check --strict`

    def format(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        text = f"{where}: {self.message}"
        if self.hint:
            text += f" — {self.hint}"
        if self.severity == WARNING:
            text = f"warning: {text}"
        return text

    def strict(self) -> "Problem":
        """This problem under `course check --strict`: staleness becomes an error."""
        return replace(self, severity=ERROR) if self.stale else self

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR


class CourseError(Exception):
    """Raised when input is bad; holds every problem found."""

    def __init__(self, problems: list[Problem] | Problem):
        if isinstance(problems, Problem):
            problems = [problems]
        self.problems = list(problems)
        super().__init__("\n".join(p.format() for p in self.problems))

    @classmethod
    def at(cls, path: str | Path, line: int, message: str, hint: str = "") -> "CourseError":
        return cls(Problem(str(path), line, message, hint))


def display_path(path: str | Path, root: Path | None = None) -> str:
    """A path as the user should read it: relative to the course root when inside it."""
    path = Path(path)
    if root is not None:
        try:
            return path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            pass
    return path.as_posix()
