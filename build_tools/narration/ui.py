"""UI strings of the narration (``audio:`` in translations/<lang>.yml)."""
from __future__ import annotations

# Read by the site's player (overrides/assets/course/player.js) on every page.
PLAYER_UI_KEYS = ("audio.player", "audio.play", "audio.pause", "audio.position", "audio.speed",
                  "audio.close", "audio.transcript", "audio.error")
# Written into the trainers' audio pack.
PACK_UI_KEYS = ("audio.whole_lesson", "audio.tracks_title", "audio.total", "audio.pack_readme")
AUDIO_UI_KEYS = PLAYER_UI_KEYS + PACK_UI_KEYS
