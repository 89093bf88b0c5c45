"""Six attempts at three one-mark questions, small enough to work out by hand (README.md of
build_tools/stats shows the sums). Marks per attempt (Q1, Q2, Q3): 111, 110, 101, 010, 100, 000."""
from build_tools.stats.attempts import Answer, Attempt
from build_tools.stats.items import QuestionInfo
from build_tools.stats.report import Bank

Q1 = QuestionInfo("q1", "single-choice", 1, "Q one", ("a",), (("a", "A"), ("b", "B"), ("c", "C")))
Q2 = QuestionInfo("q2", "single-choice", 1, "Q two", ("x",), (("x", "X"), ("y", "Y"), ("z", "Z")))
Q3 = QuestionInfo("q3", "true-false", 1, "Q three", ("true",), (("true", "true"), ("false", "false")))
BANK = Bank("en", "v1", (Q1, Q2, Q3))

# (q1 response, q2 response, q3 response) per attempt; the key scores 1, anything else 0.
RESPONSES = [("a", "x", "true"), ("a", "x", "false"), ("a", "y", "true"),
             ("b", "x", "false"), ("a", "z", "false"), ("b", "y", "false")]


def attempts(version: str = "v1", lang: str = "en") -> list[Attempt]:
    out = []
    for n, picks in enumerate(RESPONSES, 1):
        answers = [Answer(q.id, r, 1.0 if r in q.key else 0.0, 1.0) for q, r in zip((Q1, Q2, Q3), picks)]
        out.append(Attempt(f"A{n}", lang, version, answers))
    return out
