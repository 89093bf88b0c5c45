"""`make bench` reports each LMS package's size and build time (issue 18), measured, not n/a."""
from build_tools.bench.later import measure_later
from build_tools.bench.results import Results


def test_the_benchmark_measures_every_lms_package(built_fixture):
    results = Results()
    measure_later(built_fixture, results)
    lms = [f for f in results.figures if f.group == "lms"]
    assert len(lms) == 6
    assert all(isinstance(f.value, float) and f.value > 0 for f in lms), lms
    sizes = [f for f in lms if f.unit == "MB"]
    assert {f.name.split()[0] for f in sizes} == {"scorm12", "scorm2004", "cmi5"}
