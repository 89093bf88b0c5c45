"""Narration: spoken tracks made from the lesson Markdown, cached in ``audio/``, played on the site
and packed for trainers.

    text.py       what is said: Markdown -> spoken text, pronunciation lists
    engines/      who says it: gTTS (natural voice, online) and espeak-ng (offline, bundled)
    encode.py     MP3 out (lameenc) with ID3 tags (mutagen); mp3.py reads and joins frames
    store.py      the cache: keyed files and their manifest
    synthesis.py  which tracks to make, in parallel, with fallback and progress
    pack.py       the trainers' audio pack
    steps.py      the build steps
"""
# Nothing is imported here: the light modules (ui, steps) are used by commands that never
# load the audio libraries. The entry point is ``synthesis.narrate``.
