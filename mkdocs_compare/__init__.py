"""mkdocs-compare: exported "Product vs Tool" comparison pages as themed MkDocs pages."""

__version__ = "0.1.0"
