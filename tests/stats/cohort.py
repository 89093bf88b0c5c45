"""Scripted learners on the fixture bank (tests/fixtures/course/quiz/bank.yml), as cmi5 `answered`
statements shaped as overrides/assets/course/lms-session.js sends them.

Strong learners get more right, except on `omni-meaning`, made a bad question here: the strong
pick the distractor `side-by-side`, the weak the key, and nobody picks `closes`."""
from __future__ import annotations

import uuid
from datetime import datetime, timedelta, timezone
from urllib.parse import quote

ANSWERED = "http://adlnet.gov/expapi/verbs/answered"
BAD = "omni-meaning"
# question -> (points, right response, wrong response, threshold of ability to get it right)
QUESTIONS = {
    "channel-examples": (2, "web-shop[,]store", "web-shop[,]weather", 0.2),
    "multichannel-connected": (1, "false", "true", 0.35),
    "term-omnichannel": (1, "omnichannel", "multichannel", 0.5),
    "match-terms": (1, "omni[.]connects[,]multi[.]side-by-side", "omni[.]side-by-side[,]multi[.]connects", 0.65),
    "order-purchase": (1, "see[,]cart[,]pay[,]collect", "cart[,]see[,]pay[,]collect", 0.8),
}


def au(lang: str, version: str = "1.0") -> str:
    return f"urn:omnichannel-course:{lang}:v{version}:au"


def responses(ability: float) -> list[tuple[str, str, float, float]]:
    """(question, response, mark, maximum) for a learner of ``ability`` in [0, 1]."""
    out = [(BAD, "side-by-side" if ability >= 0.5 else "connects", 0.0 if ability >= 0.5 else 1.0, 1.0)]
    for qid, (points, right, wrong, threshold) in QUESTIONS.items():
        ok = ability > threshold
        out.append((qid, right if ok else wrong, float(points) if ok else 0.0, float(points)))
    return out


def statement(lang: str, qid: str, response: str, raw: float, top: float, registration: str, actor: dict,
              when: datetime, version: str = "1.0") -> dict:
    activity = au(lang, version)
    return {"id": str(uuid.uuid4()), "actor": actor, "timestamp": when.isoformat().replace("+00:00", "Z"),
            "verb": {"id": ANSWERED, "display": {"en-US": "answered"}},
            "object": {"id": f"{activity}/question/{quote(qid)}", "objectType": "Activity",
                       "definition": {"type": "http://adlnet.gov/expapi/activities/cmi.interaction",
                                      "interactionType": "choice", "name": {lang: qid}, "correctResponsesPattern": [""]}},
            "context": {"registration": registration,
                        "contextActivities": {"parent": [{"id": activity, "objectType": "Activity"}]}},
            "result": {"response": response, "success": raw == top,
                       "score": {"raw": raw, "min": 0, "max": top, "scaled": round(raw / top, 4)}}}


def cohort(lang: str, learners: int, start: datetime | None = None, version: str = "1.0") -> list[dict]:
    """``learners`` attempts in ``lang``, abilities spread evenly over [0, 1], one registration each."""
    start = start or datetime(2026, 11, 2, 9, tzinfo=timezone.utc)
    out = []
    for n in range(learners):
        ability = n / (learners - 1)
        actor = {"objectType": "Agent", "account": {"homePage": "https://lms.example.org", "name": f"{lang}-{n}"}}
        registration = str(uuid.uuid5(uuid.NAMESPACE_URL, f"{lang}-{version}-{n}"))
        for i, (qid, response, raw, top) in enumerate(responses(ability)):
            out.append(statement(lang, qid, response, raw, top, registration, actor,
                                 start + timedelta(hours=n, seconds=i), version))
    return out
