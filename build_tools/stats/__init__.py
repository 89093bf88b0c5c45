"""Item analysis of the quiz: attempts in, Moodle's quiz statistics out (README.md has the formulas).

attempts.py   the data: an attempt, its answers, responses in SCORM 2004 pattern form
formulas.py   pure statistics (mean, sample variance, covariance, max covariance, alpha)
items.py      per question: facility, SD, discrimination index, discriminative efficiency, options
report.py     the whole analysis: by bank version, by language, flags and warnings
xapi.py       cmi5 `answered` statements -> attempts; lrs.py reads them from an LRS
render.py     table, CSV, JSON; html.py + svg.py the instructor report
"""


def bench_figures(root, results) -> None:
    """`make bench`: the analysis over 10,000 attempts (bench.py)."""
    from .bench import bench_figures as measure

    measure(root, results)
