"""An LMS for the tests: scorm-again (npm, a SCORM runtime nobody here wrote) as the API in a
parent window, the unzipped package in a frame, all served on 127.0.0.1. The page keeps what
the SCO sent in scorm-again's cmi, which the tests read, and can start from saved cmi data
(a relaunch)."""
from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

from helpers import REPO

SCORM_AGAIN = REPO / "node_modules" / "scorm-again" / "dist"
API_CLASS = {"scorm12": ("scorm12.min.js", "Scorm12API", "API"),
             "scorm2004": ("scorm2004.min.js", "Scorm2004API", "API_1484_11")}

HOST_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Test LMS</title>
<style>html,body{{margin:0;height:100%}}iframe{{border:0;width:100%;height:100%}}</style>
<script src="{script}"></script>
<script>
  var saved = sessionStorage.getItem("lms-saved");
  window.{global_name} = new {api_class}({{ autocommit: false, logLevel: 5 }});
  window.lmsCalls = [];
  ["Initialize", "Terminate", "Commit", "LMSInitialize", "LMSFinish", "LMSCommit"].forEach(function (name) {{
    var api = window.{global_name};
    if (typeof api[name] !== "function") return;
    var real = api[name].bind(api);
    api[name] = function (arg) {{ window.lmsCalls.push(name); return real(arg); }};
  }});
  if (saved) window.{global_name}.loadFromJSON(JSON.parse(saved));
  window.lmsCmi = function () {{ return JSON.parse(JSON.stringify(window.{global_name}.cmi)); }};
</script></head>
<body><iframe id="sco" title="Course" src="package/lms.html"></iframe></body></html>
"""


def unpack(package: Path, folder: Path, kind: str) -> Path:
    """``folder``/package/ holds the unzipped package, ``folder``/lms.html the test LMS for ``kind``."""
    if not SCORM_AGAIN.is_dir():
        raise AssertionError("node_modules/scorm-again is missing: run 'make test' (npm ci) first")
    if folder.exists():
        shutil.rmtree(folder)
    (folder / "package").mkdir(parents=True)
    with zipfile.ZipFile(package) as archive:
        archive.extractall(folder / "package")
    script, api_class, global_name = API_CLASS[kind]
    shutil.copy(SCORM_AGAIN / script, folder / script)
    (folder / "host.html").write_text(HOST_PAGE.format(script=script, api_class=api_class, global_name=global_name),
                                      encoding="utf-8")
    return folder


def saved_for_relaunch(cmi: dict, kind: str) -> str:
    """What an LMS hands a relaunched SCO: the suspended data and bookmark, entry 'resume'."""
    if kind == "scorm12":
        core = cmi["core"]
        data = {"suspend_data": cmi["suspend_data"], "core": {"lesson_location": core["lesson_location"],
                                                             "lesson_status": core["lesson_status"], "entry": "resume"}}
    else:
        data = {"suspend_data": cmi["suspend_data"], "location": cmi["location"], "entry": "resume",
                "completion_status": cmi["completion_status"], "success_status": cmi["success_status"]}
    return json.dumps(data)
