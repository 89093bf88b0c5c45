"""Packs for trainers: per language a PDF pack, an offline copy of the site (and the audio pack
the narration step makes), each a zip with a README in its language and a SHA-256 manifest.

Packs are made after the site (``PACK_STEPS``); ``publish`` then copies each one into the site
and writes its size onto the downloads page (see ``publish.py`` for why it happens there).
"""
