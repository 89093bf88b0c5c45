"""Collected figures and their targets, printed as one table and saved as JSON."""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path


@dataclass
class Figure:
    group: str
    name: str
    value: float | str | None
    unit: str = ""
    target: str = ""          # e.g. "<= 1.5" ; empty: reported only
    note: str = ""

    @property
    def verdict(self) -> str:
        if not self.target or not isinstance(self.value, (int, float)):
            return ""
        op, limit = self.target.split()
        ok = self.value <= float(limit) if op == "<=" else self.value >= float(limit)
        return "pass" if ok else "MISS"


@dataclass
class Results:
    figures: list[Figure] = field(default_factory=list)

    def add(self, group: str, name: str, value, unit: str = "", target: str = "", note: str = "") -> Figure:
        if isinstance(value, float):
            value = round(value, 3)
        figure = Figure(group, name, value, unit, target, note)
        self.figures.append(figure)
        return figure

    def table(self) -> str:
        rows = [("group", "figure", "value", "unit", "target", "verdict")]
        for f in self.figures:
            value = "n/a" if f.value is None else str(f.value)
            rows.append((f.group, f.name + (f" ({f.note})" if f.note else ""), value, f.unit, f.target, f.verdict))
        widths = [max(len(r[i]) for r in rows) for i in range(6)]
        lines = ["  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip() for row in rows]
        lines.insert(1, "  ".join("-" * w for w in widths))
        return "\n".join(lines)

    def save(self, path: Path) -> None:
        data = [dict(asdict(f), verdict=f.verdict) for f in self.figures]
        path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
