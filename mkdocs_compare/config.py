"""The plugin's typed configuration schema (`plugins: - compare: {...}` in mkdocs.yml)."""

from __future__ import annotations

from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import BaseConfigOption

from .verdicts import VerdictsError, read_verdicts


class Verdicts(BaseConfigOption[dict[str, dict[str, str]]]):
    """Icon class -> {label, type}, checked by the core (`verdicts.read_verdicts`)."""

    def __init__(self) -> None:
        super().__init__()
        self.default: dict[str, dict[str, str]] = {}

    def run_validation(self, value: Any) -> dict[str, dict[str, str]]:
        try:
            return read_verdicts({} if value is None else value)
        except VerdictsError as error:
            raise base.ValidationError(str(error)) from None


class CompareConfig(base.Config):
    """Every option has a default: `plugins: [compare]` is a complete configuration."""

    enabled = c.Type(bool, default=True)
    # Detection: front-matter key that marks a comparison page, and which pages to look at.
    detect_key = c.Type(str, default="toolName")
    paths = c.ListOfItems(c.Type(str), default=["**"])
    # The product's name; by default taken from each title ("Acme vs Tool" gives "Acme").
    product = c.Optional(c.Type(str))
    # page.meta of every comparison page, besides its title and description (e.g. {hide: [toc]}):
    # the pages' own front matter is data for the plugin and never reaches the theme.
    page_meta = c.Type(dict, default={})
    # Pages with `draft: true` are left out of the build unless this is true.
    drafts = c.Type(bool, default=False)
    # A folder whose templates replace the package's ones of the same name.
    custom_templates = c.Optional(c.Dir(exists=True))
    labels = c.DictOfItems(c.Type(str), default={})
    # The verdict vocabulary: icon class -> {label, type} (a Material admonition type), merged
    # over yes (Yes, success) and no (No, failure); e.g. partial: {label: Partly, type: warning}.
    verdicts = Verdicts()
    # Highlight code samples exported without a language, as a guessed one (off: plain text,
    # as without the plugin).
    guess_language = c.Type(bool, default=True)
    # No effect, kept so that existing configurations load: the plugin no longer adds Markdown
    # extensions to the site (it writes its code tabs as HTML and needs none).
    markdown_extensions = c.Type(bool, default=True)
    # Add the plugin's stylesheet and script to the site.
    assets = c.Type(bool, default=True)
    max_features = c.Type(int, default=500)
    related = c.Type(bool, default=True)
    # How many related comparisons a page lists (0: every page of its category).
    related_limit = c.Type(int, default=8)
    # The generated summary page (None: index.md of the comparison pages' folder; "" to disable).
    summary_page = c.Optional(c.Type(str))
    summary_title = c.Type(str, default="Comparisons at a glance")
    summary_max_features = c.Type(int, default=40)
    feature_aliases = c.DictOfItems(c.Type(str), default={})
    # Category slug -> heading, in the order the summary shows them (unlisted ones after, A to Z).
    categories = c.DictOfItems(c.Type(str), default={})
    # `comparisons.json` and `comparisons.csv`, beside the summary page.
    json_export = c.Type(bool, default=True)
    csv_export = c.Type(bool, default=True)
    # Head tags from the export: "export" (its seo.canonical when present), "site" (MkDocs'), "off".
    canonical = c.Choice(("export", "site", "off"), default="export")
    # schema.org JSON-LD: a WebPage and BreadcrumbList per page, an ItemList on the summary.
    structured_data = c.Type(bool, default=True)
    # Warn for each comparison page last reviewed more than this many days ago (reviewed: or
    # webflow.lastUpdated), so `--strict` builds fail on stale claims.
    max_age = c.Optional(c.Type(int))
    # YAML files of the CMS's advantages (slug: {title, text, image?}) and testimonials
    # (slug: {text, author, role?, image?}), relative to mkdocs.yml: pages show the ones they name.
    advantages_file = c.Optional(c.File(exists=True))
    quotes_file = c.Optional(c.File(exists=True))
