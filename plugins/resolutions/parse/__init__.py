"""Parsing: one source file (and its front matter, agenda files) into the typed model."""
