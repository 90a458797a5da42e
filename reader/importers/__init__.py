"""Importers: newspaper page dumps, plain text copied from the web, Markdown with front matter."""
