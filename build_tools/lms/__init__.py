"""LMS packages: SCORM 1.2, SCORM 2004 4th edition and cmi5, each the language's offline site
with the manifest its standard defines (README.md, "For LMS administrators")."""
