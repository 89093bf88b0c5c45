"""Hyphens at line breaks: what the PDFs draw there and what their text layer says.

WeasyPrint draws ``HYPHENATE_CHARACTER`` where it breaks a word (print.css sets it as the
CSS ``hyphenate-character``); ISO 32000-1 (14.8.2.2.3) wants such a hyphen to read as a soft
hyphen in the text layer, so that copied or read-aloud text has the word whole. The print
HTML therefore writes its own U+2010 as U+002D (print_html.py), and the glyph of U+2010 maps
to U+00AD in every font's ToUnicode map (structure_tree.soft_hyphens).
"""
HYPHENATE_CHARACTER = "\u2010"
SOFT_HYPHEN = "\u00ad"
