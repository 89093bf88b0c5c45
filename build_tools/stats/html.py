"""The instructor report as one self-contained, printable HTML page (charts from svg.py)."""
from __future__ import annotations

from html import escape

from . import svg
from .report import LanguageReport, Report

STYLE = """
body{font:16px/1.45 system-ui,sans-serif;margin:0 auto;max-width:62rem;padding:1rem;color:#1b1b1b}
h1{font-size:1.6rem}h2{margin-top:2.5rem;border-bottom:2px solid #345}h3{font-size:1.05rem;margin:1.6rem 0 .3rem}
table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
th,td{border-bottom:1px solid #ccd;padding:.25rem .4rem;text-align:right;vertical-align:top}
th:nth-child(2),td:nth-child(2),td.text{text-align:left}
.warning{background:#fff4d6;border-left:4px solid #c80;padding:.4rem .7rem}
.flags{color:#9a1c00;margin:.2rem 0 .4rem 1.2rem;padding:0}.older{color:#555}
.chart{max-width:34rem;width:100%;height:auto;font-size:12px;display:block}
.chart .plot{fill:#fff;stroke:#99a}.chart .zone{fill:#fde8e0}.chart .axis{stroke:#667}
.chart .point circle{fill:#2a6f97}.chart .point.flagged circle{fill:#c0392b}.chart .point text{fill:#fff;font-size:10px}
.chart .bar{fill:#2a6f97}.chart .lower{fill:#e59866}.chart .upper{fill:#2a6f97}.chart .key{font-weight:bold}
.wide{overflow-x:auto}.question{break-inside:avoid;overflow-wrap:anywhere}dl{display:grid;grid-template-columns:max-content auto;gap:.1rem 1rem}dd{margin:0}
@media print{body{max-width:none;font-size:11pt}h2{break-before:page}h2:first-of-type{break-before:auto}}
"""


def _f(value: float | None, digits: int = 0, unit: str = "") -> str:
    return "n/a" if value is None else f"{value:.{digits}f}{unit}"


def _part(part: LanguageReport) -> str:
    t = part.test
    numbers = {q.id: n for n, q in enumerate(part.questions, 1)}
    state = "current bank" if part.current else "older bank version: kept apart from the current one"
    out = [f'<section lang="en" id="{escape(part.lang)}-{escape(part.version)}">',
           f'<h2 class="{"" if part.current else "older"}">{escape(part.lang)} · bank {escape(part.version)} ({state})</h2>']
    if t.warning:
        out.append(f'<p class="warning">{escape(t.warning)}</p>')
    out.append(f"<dl><dt>Attempts</dt><dd>{t.attempts}</dd><dt>Mean</dt><dd>{_f(t.mean, 1, ' %')}</dd>"
               f"<dt>Median</dt><dd>{_f(t.median, 1, ' %')}</dd><dt>Standard deviation</dt><dd>{_f(t.sd, 1, ' %')}</dd>"
               f"<dt>Cronbach's alpha</dt><dd>{_f(t.alpha, 2)}</dd></dl>")
    out.append("<h3>Score histogram</h3>" + svg.histogram(t.histogram))
    out.append("<h3>Facility against discrimination</h3><p>Shaded: the zones that raise a flag. "
               "Red points: flagged questions; numbers as in the table.</p>" + svg.scatter(part.questions, numbers))
    out.append('<h3>Questions</h3><div class="wide"><table><thead><tr><th>#</th><th>Question</th><th>Attempts</th><th>Facility</th>'
               '<th>SD</th><th>Discrimination</th><th>Efficiency</th></tr></thead><tbody>')
    for q in part.questions:
        out.append(f'<tr><td>{numbers[q.id]}</td><td class="text"><code>{escape(q.id)}</code></td><td>{q.attempts}</td>'
                   f'<td>{_f(q.facility, 0, " %")}</td><td>{_f(q.sd, 0, " %")}</td><td>{_f(q.discrimination)}</td>'
                   f'<td>{_f(q.efficiency, 0, " %")}</td></tr>')
    out.append("</tbody></table></div>")
    for q in part.questions:
        if not q.attempts:
            continue
        out.append(f'<div class="question" id="q-{escape(part.lang)}-{escape(q.id)}"><h3>{numbers[q.id]}. '
                   f'<code>{escape(q.id)}</code></h3><p lang="{escape(part.lang)}">{escape(q.text)}</p>')
        if q.warning:
            out.append(f'<p class="warning">{escape(q.warning)}</p>')
        if q.flags:
            out.append('<ul class="flags">' + "".join(f"<li>{escape(f)}</li>" for f in q.flags) + "</ul>")
        if q.options:
            texts = "".join(f'<li><code>{escape(o.id)}</code>{" ✓" if o.is_key else ""} '
                            f'<span lang="{escape(part.lang)}">{escape(o.text)}</span> — chosen by {_f(o.share, 0, " %")}</li>'
                            for o in q.options)
            out.append(f"<ul>{texts}</ul>" + svg.option_bars(q))
        out.append("</div>")
    out.append("</section>")
    return "".join(out)


def as_html(report: Report, title: str = "Quiz statistics", stylesheet: str | None = None) -> str:
    """A page with its styles inside (a file to keep or mail), or linking ``stylesheet`` (served
    under a Content-Security-Policy that allows no inline styles)."""
    intro = (f"<p>Figures as Moodle's quiz statistics define them (facility, standard deviation, discrimination index "
             f"and discriminative efficiency, Cronbach's alpha). Below {report.minimum} attempts the figures are shown "
             f"with a warning. Attempts on older bank versions are reported apart.</p>")
    parts = "".join(_part(p) for p in report.languages) or "<p>No attempts found.</p>"
    styles = f'<link rel="stylesheet" href="{escape(stylesheet)}">' if stylesheet else f"<style>{STYLE}</style>"
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" '
            f'content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"><title>{escape(title)}</title>{styles}'
            f"</head><body><h1>{escape(title)}</h1>{intro}{parts}</body></html>\n")
