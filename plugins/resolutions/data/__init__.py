"""Data: the JSON contract, the collection's data files and the search index."""
