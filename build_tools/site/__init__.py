"""Generated pages: the model rendered to plain Markdown + HTML that any static generator reads."""
