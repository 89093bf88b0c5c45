"""LMS packages: SCORM 1.2, SCORM 2004 4th edition and cmi5, each the language's offline site
with the manifest its standard defines (README.md, "For LMS administrators"; what each standard
is told: README.md in this folder)."""


def bench_figures(root, results) -> None:
    """`make bench`: each package's size and build time (build_tools/lms/bench.py)."""
    from .bench import bench_figures as measure

    measure(root, results)
