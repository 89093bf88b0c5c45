"""`make bench`: the performance budget measured in one run on this machine.

Prints one table (and writes the same figures as JSON to bench-results.json). Targets are
reported as pass/miss; nothing here is a test.
"""
