"""The report as text for the terminal, CSV (one row per question) or JSON (everything)."""
from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict

from .report import LanguageReport, Report


def _f(value: float | None, digits: int = 0) -> str:
    return "" if value is None else f"{value:.{digits}f}"


def _heading(part: LanguageReport) -> str:
    label = "current bank" if part.current else "OLDER bank version, kept apart"
    return f"{part.lang} · bank {part.version} ({label}) · {part.test.attempts} attempts"


def as_table(report: Report) -> str:
    lines = []
    if not report.languages:
        return "No attempts found.\n"
    for part in report.languages:
        t = part.test
        lines.append(_heading(part))
        if t.warning:
            lines.append(f"  warning: {t.warning}")
        lines.append(f"  mean {_f(t.mean)} %  median {_f(t.median)} %  SD {_f(t.sd)} %  "
                     f"Cronbach's alpha {_f(t.alpha, 2) or 'n/a'}")
        lines.append("  histogram (0-10 % … 90-100 %): " + " ".join(str(c) for c in t.histogram))
        lines.append(f"  {'question':<28} {'n':>4} {'facility':>8} {'SD':>5} {'discr.':>6} {'eff.':>5}  flags")
        for q in part.questions:
            flags = "; ".join(q.flags) + (f" [{q.warning}]" if q.warning and q.attempts else "")
            lines.append(f"  {q.id:<28} {q.attempts:>4} {_f(q.facility):>8} {_f(q.sd):>5} "
                         f"{_f(q.discrimination):>6} {_f(q.efficiency):>5}  {flags}")
        lines.append("")
    return "\n".join(lines)


COLUMNS = ("lang", "bank_version", "current", "question", "type", "attempts", "facility", "sd",
           "discrimination", "efficiency", "flags", "warning", "options")


def as_csv(report: Report) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for part in report.languages:
        for q in part.questions:
            options = " | ".join(f"{o.id}{'*' if o.is_key else ''}: {_f(o.share)} % (lower {_f(o.lower)}, upper {_f(o.upper)})"
                                 for o in q.options)
            writer.writerow([part.lang, part.version, part.current, q.id, q.type, q.attempts, _f(q.facility, 1),
                             _f(q.sd, 1), _f(q.discrimination, 1), _f(q.efficiency, 1), "; ".join(q.flags),
                             q.warning, options])
    return out.getvalue()


def as_json(report: Report) -> str:
    return json.dumps(asdict(report), ensure_ascii=False, indent=2) + "\n"
