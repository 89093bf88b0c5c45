"""cmi5 `answered` statements (as overrides/assets/course/lms-session.js sends them) -> attempts.

A statement belongs to the course when its parent activity (context.contextActivities.parent) is
one of the course's AUs, ``<lms id>:<lang>:v<version>:au``; the question id is the last part of
the object id ``<AU>/question/<question id>``. One attempt is the run of one registration's
answers in one AU, in time order, until a question comes again or 30 minutes pass without one.
"""
from __future__ import annotations

import json
import re
import urllib.parse
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Iterable

from ..errors import CourseError
from .attempts import Answer, Attempt

ANSWERED = "http://adlnet.gov/expapi/verbs/answered"
GAP = timedelta(minutes=30)
EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


def parse_time(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        when = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=datetime.now().astimezone().tzinfo)


def read_statements(path: Path) -> list[dict]:
    """A JSON Lines export: one statement per line (blank lines skipped); a line holding a JSON
    array (a batch) is read as its statements."""
    out = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise CourseError.at(str(path), 0, f"cannot read the statements: {error.strerror}",
                             "give the path of a JSON Lines file exported from the LRS")
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as error:
            raise CourseError.at(str(path), number, f"not a JSON statement: {error.msg}",
                                 "export the LRS's statements as JSON Lines, one statement per line")
        out += value if isinstance(value, list) else [value]
    return out


class CourseActivities:
    """Which AUs belong to the course, and which bank version each stands for."""

    def __init__(self, lms_id: str, lms_version: str, bank_versions: dict[str, str]):
        self.pattern = re.compile("^" + re.escape(lms_id) + r":([A-Za-z-]+):v([^:/]+):au$")
        self.lms_version, self.bank_versions = lms_version, bank_versions
        self.lms_id = lms_id

    def au(self, lang: str) -> str:
        return f"{self.lms_id}:{lang}:v{self.lms_version}:au"

    def place(self, au_id: str) -> tuple[str, str] | None:
        """(language, bank version) of an AU of the course; None for anything else. An AU of
        another package version stands for an older bank: the version says which."""
        match = self.pattern.match(au_id)
        if not match:
            return None
        lang, version = match.groups()
        if version == self.lms_version and lang in self.bank_versions:
            return lang, self.bank_versions[lang]
        return lang, f"package v{version}"


def _actor_key(actor: dict) -> str:
    return json.dumps({k: actor.get(k) for k in ("mbox", "mbox_sha1sum", "openid", "account")}, sort_keys=True)


def attempts_from_statements(statements: Iterable[dict], activities: CourseActivities) -> list[Attempt]:
    runs: dict[tuple, list[tuple[datetime | None, int, str, Answer]]] = {}
    places: dict[tuple, tuple[str, str]] = {}
    for order, s in enumerate(statements):
        if not isinstance(s, dict) or (s.get("verb") or {}).get("id") != ANSWERED:
            continue
        context = s.get("context") or {}
        parents = (context.get("contextActivities") or {}).get("parent") or []
        object_id = (s.get("object") or {}).get("id", "")
        parent = next((p.get("id") for p in parents if isinstance(p, dict) and p.get("id")), "")
        place = activities.place(parent)
        if place is None or "/question/" not in object_id or not object_id.startswith(parent + "/question/"):
            continue
        result = s.get("result") or {}
        score = result.get("score") or {}
        if not isinstance(score.get("raw"), (int, float)):
            continue
        question = urllib.parse.unquote(object_id.rsplit("/question/", 1)[1])
        answer = Answer(question, str(result.get("response") or ""), float(score["raw"]),
                        float(score.get("max") or 1))
        key = (context.get("registration") or "", _actor_key(s.get("actor") or {}), parent)
        places[key] = place
        runs.setdefault(key, []).append((parse_time(s.get("timestamp")), order, s.get("id") or "", answer))
    attempts = []
    for key, run in runs.items():
        run.sort(key=lambda r: (r[0] is None, r[0] or EPOCH, r[1]))
        lang, version = places[key]
        current: Attempt | None = None
        last_time = None
        seen_ids: set[str] = set()
        for when, _, statement_id, answer in run:
            if statement_id and statement_id in seen_ids:
                continue                       # the same statement twice (an export with duplicates)
            seen_ids.add(statement_id)
            new = (current is None or current.answer(answer.question) is not None
                   or (when and last_time and when - last_time > GAP))
            if new:
                current = Attempt(f"{key[0]}@{when.isoformat() if when else statement_id}", lang, version, [], when)
                attempts.append(current)
            current.answers.append(answer)
            last_time = when or last_time
    return attempts
