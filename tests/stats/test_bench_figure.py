"""`make bench` measures `course quiz stats` on made-up attempts (issue 18), not n/a."""
from build_tools.bench.later import LATER
from build_tools.bench.results import Results
from build_tools.model import load_course
from build_tools.stats import bench as stats_bench
from build_tools.stats.bank import banks_of
from build_tools.stats.report import analyse
from helpers import REPO


def test_the_made_up_attempts_separate_strong_and_weak_learners():
    banks = banks_of(load_course(REPO))
    attempts = stats_bench.synthetic_attempts(banks, 600)
    assert {a.lang for a in attempts} == set(banks) and all(len(a.answers) == 15 for a in attempts)
    report = analyse(attempts, banks)
    figures = [q for part in report.current for q in part.questions if q.discrimination is not None]
    assert figures and sum(q.discrimination > 0 for q in figures) > 0.8 * len(figures)


def test_the_benchmark_reports_the_analysis_time(monkeypatch):
    monkeypatch.setattr(stats_bench, "ATTEMPTS", 300)
    results = Results()
    stats_bench.bench_figures(REPO, results)
    quiz = [f for f in results.figures if f.group == "quiz"]
    assert len(quiz) == 1 and isinstance(quiz[0].value, float) and quiz[0].value > 0
    assert ("quiz", "course quiz stats over 10,000 attempts", "build_tools.stats", "'Results for trainers…'") in LATER
