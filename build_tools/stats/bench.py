"""`make bench`: `course quiz stats` over 10,000 attempts (build_tools/bench/later.py calls
bench_figures). The attempts are made up from the real bank: learners of spread ability answer
15 drawn questions each, so every figure of the analysis has work to do."""
from __future__ import annotations

import random
import time
from pathlib import Path

from ..model import load_course
from .attempts import Answer, Attempt
from .bank import banks_of
from .render import as_json
from .report import analyse

ATTEMPTS = 10_000


def synthetic_attempts(banks: dict, count: int, seed: int = 18) -> list[Attempt]:
    """``count`` attempts spread over the languages, each of 15 questions, answered by a learner
    whose ability sets the chance of a right answer."""
    rng = random.Random(seed)
    attempts = []
    langs = sorted(banks)
    for n in range(count):
        bank = banks[langs[n % len(langs)]]
        ability = rng.random()
        answers = []
        for q in rng.sample(bank.questions, min(15, len(bank.questions))):
            right = rng.random() < 0.2 + 0.7 * ability
            if q.key and q.options:
                wrong = [o for o, _ in q.options if o not in q.key] or list(q.key)
                response = "[,]".join(q.key) if right else rng.choice(wrong)
            else:
                response = "right" if right else "wrong"
            answers.append(Answer(q.id, response, q.points if right else 0.0, q.points))
        attempts.append(Attempt(f"a{n}", bank.lang, bank.version, answers))
    return attempts


def bench_figures(root: Path, results) -> None:
    banks = banks_of(load_course(root))
    attempts = synthetic_attempts(banks, ATTEMPTS)
    started = time.perf_counter()
    report = analyse(attempts, banks)
    as_json(report)
    results.add("quiz", f"course quiz stats over {ATTEMPTS:,} attempts (analysis and JSON)",
                time.perf_counter() - started, "s", note=f"{len(banks)} languages, 15 questions each")
