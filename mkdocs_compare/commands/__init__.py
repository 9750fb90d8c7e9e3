"""The `mkdocs-compare` commands, one module each; `cli.py` only parses their arguments."""
