"""Progress and messages: one logger for problems, one for progress; `-q`/`-v` set their levels."""
from __future__ import annotations

import logging
import sys
import threading

log = logging.getLogger("course")
progress_log = logging.getLogger("course.progress")


def add_loudness(parser) -> None:
    """-q and -v on a (sub-)command, as every `course` command takes them."""
    import argparse

    parser.add_argument("-q", "--quiet", action="store_true", default=argparse.SUPPRESS, help="print errors only")
    parser.add_argument("-v", "--verbose", action="store_true", default=argparse.SUPPRESS,
                        help="print details of every step")


def configure_logging(verbosity: int) -> None:
    """verbosity: -1 quiet (errors only), 0 normal, 1 verbose (debug)."""
    level = {-1: logging.ERROR, 0: logging.INFO, 1: logging.DEBUG}[max(-1, min(1, verbosity))]
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    root = logging.getLogger("course")
    root.handlers[:] = [handler]
    root.setLevel(level)
    root.propagate = False
    mkdocs_level = logging.DEBUG if verbosity > 0 else logging.WARNING
    logging.getLogger("mkdocs").setLevel(mkdocs_level)


class Progress:
    """Counts work items of one step and reports them: a live line on a terminal, a summary otherwise."""

    def __init__(self, step: str, total: int, counters: tuple[str, ...] = ("done",)):
        self.step, self.total = step, total
        self.counts = {name: 0 for name in counters}
        self._lock = threading.Lock()
        self._live = sys.stderr.isatty() and progress_log.isEnabledFor(logging.INFO)

    @property
    def finished(self) -> int:
        return sum(self.counts.values())

    def line(self) -> str:
        detail = ", ".join(f"{n} {name}" for name, n in self.counts.items())
        return f"[{self.step}] {self.finished}/{self.total} ({detail})"

    def advance(self, counter: str = "done") -> None:
        with self._lock:
            self.counts[counter] = self.counts.get(counter, 0) + 1
            if self._live:
                sys.stderr.write("\r" + self.line())
                sys.stderr.flush()

    def close(self) -> None:
        if self._live:
            sys.stderr.write("\r\033[K")
        progress_log.info(self.line())
