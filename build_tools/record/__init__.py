"""The learner record's build side: completion settings, estimated study time, and the data and
markup the record's scripts read (overrides/assets/course/record.js, progress.js). README.md here
documents the record's schema, its events and the adapter interface for LMS packages."""
