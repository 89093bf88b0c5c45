"""Read the course's `answered` statements from an LRS (xAPI 1.0.3 GET /statements), following
the `more` links; HTTP Basic credentials from COURSE_LRS_USER and COURSE_LRS_PASSWORD."""
from __future__ import annotations

import base64
import json
import os
import urllib.error
import urllib.parse
import urllib.request
from datetime import datetime

from ..errors import CourseError
from .xapi import ANSWERED

USER_VARIABLE, PASSWORD_VARIABLE = "COURSE_LRS_USER", "COURSE_LRS_PASSWORD"


def credentials() -> str | None:
    user, password = os.environ.get(USER_VARIABLE), os.environ.get(PASSWORD_VARIABLE)
    if not user and not password:
        return None
    return "Basic " + base64.b64encode(f"{user or ''}:{password or ''}".encode()).decode()


def _get(url: str, authorization: str | None) -> dict:
    headers = {"X-Experience-API-Version": "1.0.3", "Accept": "application/json"}
    if authorization:
        headers["Authorization"] = authorization
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=30) as response:
            return json.load(response)
    except urllib.error.HTTPError as error:
        hint = (f"set {USER_VARIABLE} and {PASSWORD_VARIABLE} to a key that may read statements"
                if error.code in (401, 403) else "check the LRS address: it ends where /statements starts")
        raise CourseError.at(url, 0, f"the LRS answered {error.code} {error.reason}", hint)
    except (urllib.error.URLError, OSError) as error:
        raise CourseError.at(url, 0, f"cannot reach the LRS: {getattr(error, 'reason', error)}",
                             "check the address and that the LRS is running")
    except json.JSONDecodeError:
        raise CourseError.at(url, 0, "the LRS did not answer with JSON", "give the xAPI endpoint, e.g. https://lrs.example.org/xAPI/")


def _pages(base: str, query: dict, authorization: str | None) -> list[dict]:
    found: list[dict] = []
    url = base + "statements?" + urllib.parse.urlencode(query)
    while url:
        page = _get(url, authorization)
        found += page.get("statements") or []
        more = page.get("more")
        url = urllib.parse.urljoin(base, more) if more else None
    return found


def fetch_answered(endpoint: str, activities: list[str], since: datetime | None = None,
                   until: datetime | None = None) -> list[dict]:
    """Every `answered` statement whose activity or a related one (the AU is the parent) is in
    ``activities``. When the filtered query finds nothing at all, the statements are read again
    without the verb and activity filters and sorted out here (xapi.py keeps only the course's
    answers): Ralph 5.1.0's file-system backend compares those IRIs wrongly and matches nothing."""
    authorization = credentials()
    base = endpoint if endpoint.endswith("/") else endpoint + "/"
    window = {k: v.isoformat() for k, v in (("since", since), ("until", until)) if v}
    found: list[dict] = []
    for activity in activities:
        found += _pages(base, {"verb": ANSWERED, "activity": activity, "related_activities": "true",
                               "limit": 500, **window}, authorization)
    if not found:
        found = _pages(base, {"limit": 500, **window}, authorization)
    return found
