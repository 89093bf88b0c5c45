"""PDFs of the course: per language one PDF per lesson-like page and one of the whole module.

print_html.py turns the model into print HTML (markdown_html.py, templates/, self_test.py),
glyphs.py checks that the shipped fonts (fonts/) cover every character, render.py runs
WeasyPrint with print.css, make_pdfs.py caches and renders in parallel (in the background
while a build goes on), step.py has the `course build` steps that start and collect the renders,
and settings.py the options of ``extra.course.pdf``.
"""
