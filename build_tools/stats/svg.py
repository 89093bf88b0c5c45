"""The report's three charts as hand-written SVG.

Why not a plotting library: three plain charts come to about a hundred lines here, while
matplotlib (with numpy) would add tens of megabytes to the course tool for them, and its SVG draws
letters as paths, so labels could not be selected, searched or translated. These charts keep their
text as text, inherit the page's fonts and print sharply.
"""
from __future__ import annotations

from html import escape

from .items import DISCRIMINATION_LOW, FACILITY_HIGH, FACILITY_LOW, QuestionStats


def _svg(width: int, height: int, label: str, body: list[str]) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
            f'aria-label="{escape(label)}" class="chart">' + "".join(body) + "</svg>")


def scatter(questions: list[QuestionStats], numbers: dict[str, int]) -> str:
    """Facility (x, 0–100 %) against discrimination index (y, −100…100); the flag zones shaded."""
    w, h, left, top, pw, ph = 520, 340, 48, 12, 450, 290
    x = lambda f: left + pw * max(0.0, min(100.0, f)) / 100
    y = lambda d: top + ph * (100 - max(-100.0, min(100.0, d))) / 200
    body = [f'<rect x="{left}" y="{top}" width="{pw}" height="{ph}" class="plot"/>',
            f'<rect x="{left}" y="{y(DISCRIMINATION_LOW):.1f}" width="{pw}" height="{y(-100) - y(DISCRIMINATION_LOW):.1f}" class="zone"/>',
            f'<rect x="{left}" y="{top}" width="{x(FACILITY_LOW) - left:.1f}" height="{ph}" class="zone"/>',
            f'<rect x="{x(FACILITY_HIGH):.1f}" y="{top}" width="{left + pw - x(FACILITY_HIGH):.1f}" height="{ph}" class="zone"/>',
            f'<line x1="{left}" x2="{left + pw}" y1="{y(0):.1f}" y2="{y(0):.1f}" class="axis"/>']
    for tick in range(0, 101, 20):
        body.append(f'<text x="{x(tick):.1f}" y="{top + ph + 16}" text-anchor="middle">{tick}</text>')
    for tick in (-100, -50, 0, 20, 50, 100):
        body.append(f'<text x="{left - 6}" y="{y(tick) + 4:.1f}" text-anchor="end">{tick}</text>')
    body.append(f'<text x="{left + pw / 2}" y="{h - 2}" text-anchor="middle">facility index, %</text>')
    body.append(f'<text x="12" y="{top + ph / 2}" text-anchor="middle" transform="rotate(-90 12 {top + ph / 2})">'
                'discrimination index</text>')
    for q in questions:
        if q.facility is None or q.discrimination is None:
            continue
        cls = "point flagged" if q.flags else "point"
        body.append(f'<g class="{cls}"><title>{escape(q.id)}: facility {q.facility:.0f} %, discrimination '
                    f'{q.discrimination:.0f}</title><circle cx="{x(q.facility):.1f}" cy="{y(q.discrimination):.1f}" r="9"/>'
                    f'<text x="{x(q.facility):.1f}" y="{y(q.discrimination) + 4:.1f}" text-anchor="middle">'
                    f'{numbers[q.id]}</text></g>')
    return _svg(w, h, "Facility against discrimination, one point per question", body)


def option_bars(question: QuestionStats) -> str:
    """Per option, the share of the lower third and of the upper third who chose it (0–100 %)."""
    rows = question.options
    w, row_h, left, bar_w = 520, 34, 150, 340
    h = 24 + row_h * len(rows)
    body = [f'<rect x="{left}" y="4" width="12" height="10" class="lower"/><text x="{left + 16}" y="13">lower third</text>',
            f'<rect x="{left + 110}" y="4" width="12" height="10" class="upper"/><text x="{left + 126}" y="13">upper third</text>']
    for i, o in enumerate(rows):
        top = 22 + i * row_h
        label = escape(o.id) + (" ✓" if o.is_key else "")
        body.append(f'<text x="{left - 8}" y="{top + 18}" text-anchor="end" class="{"key" if o.is_key else ""}">{label}</text>')
        for j, (share, cls) in enumerate(((o.lower, "lower"), (o.upper, "upper"))):
            value = share or 0.0
            body.append(f'<rect x="{left}" y="{top + 2 + j * 14}" width="{bar_w * value / 100:.1f}" height="12" class="{cls}">'
                        f'<title>{cls} third: {value:.0f} %</title></rect>')
            body.append(f'<text x="{left + bar_w * value / 100 + 4:.1f}" y="{top + 12 + j * 14}">'
                        f'{"n/a" if share is None else f"{value:.0f} %"}</text>')
    return _svg(w, h, f"Options of {question.id} chosen by the lower and upper third", body)


def histogram(counts: list[int]) -> str:
    w, h, left, top, pw, ph = 520, 220, 40, 10, 460, 170
    peak = max(counts) or 1
    step = pw / len(counts)
    body = [f'<line x1="{left}" x2="{left + pw}" y1="{top + ph}" y2="{top + ph}" class="axis"/>']
    for i, count in enumerate(counts):
        bar = ph * count / peak
        body.append(f'<rect x="{left + i * step + 2:.1f}" y="{top + ph - bar:.1f}" width="{step - 4:.1f}" '
                    f'height="{bar:.1f}" class="bar"><title>{i * 10}–{i * 10 + 10} %: {count}</title></rect>')
        body.append(f'<text x="{left + i * step + step / 2:.1f}" y="{top + ph - bar - 4:.1f}" text-anchor="middle">{count}</text>')
        body.append(f'<text x="{left + i * step + step / 2:.1f}" y="{top + ph + 16}" text-anchor="middle">{i * 10}</text>')
    body.append(f'<text x="{left + pw / 2}" y="{h - 4}" text-anchor="middle">score, % (bins of 10)</text>')
    return _svg(w, h, "Histogram of attempt scores", body)
