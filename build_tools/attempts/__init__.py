"""Quiz attempts the learners chose to share, for `course quiz stats`: `POST /api/attempts` on
`course serve` (app.py), checked by validation.py, kept by storage.py in the feedback database
(SQLite or PostgreSQL, build_tools/feedback/database.py), read back as build_tools.stats attempts."""
