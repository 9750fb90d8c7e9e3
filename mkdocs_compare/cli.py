"""Command-line entry points: `mkdocs-compare check` and `mkdocs-compare render`.

Each subcommand lives in its own module (commands/check.py, commands/render.py); this file only
parses arguments.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from . import __version__
from .commands.output import MARKER

CONFIG_HELP = (
    "the site's config file: the plugin's options, docs_dir, exclude_docs, use_directory_urls "
    "(default: ./mkdocs.yml, else ./properdocs.yml, when present)"
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mkdocs-compare",
        description="Lint or pre-render CMS-exported comparison pages without running MkDocs.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    check = commands.add_parser(
        "check",
        help="report problems in comparison pages without building",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Report what `mkdocs build --strict` would log about comparison pages and the\n"
        "compare plugin's options, one `path:line: severity: message` a line.\n\n"
        "Exit status: 0 when clean (info hints only), 1 when there is any warning or error\n"
        "(what fails `mkdocs build --strict`), 2 when the check cannot run.",
    )
    check.add_argument(
        "docs_dir", nargs="?", help="folder of pages (default: docs_dir of the config file, else docs)"
    )
    check.add_argument("--config", "-f", help=CONFIG_HELP)
    check.add_argument(
        "--max-age",
        type=int,
        metavar="DAYS",
        help="warn for each page last reviewed more than DAYS days ago (default: the max_age option)",
    )
    check.add_argument(
        "--format", choices=("text", "json"), default="text", help="text (default) or json for machines"
    )

    render = commands.add_parser(
        "render", help="write converted pages as plain Material-flavoured Markdown (for Zensical and others)"
    )
    render.add_argument("docs_dir", help="folder of source pages")
    render.add_argument("out_dir", help="folder to write the converted docs into")
    render.add_argument("--config", "-f", help=CONFIG_HELP)
    render.add_argument("--product", help="your product's name (default: from each title)")
    render.add_argument("--drafts", action="store_true", help="render draft pages too")
    render.add_argument(
        "--clean",
        action="store_true",
        help=f"empty OUT_DIR first; only a folder an earlier render wrote (it holds {MARKER})",
    )
    render.add_argument(
        "--snippet", metavar="FILE", help="write the mkdocs.yml lines the output needs here (default: stdout)"
    )
    render.add_argument(
        "--for",
        dest="generator",
        choices=("mkdocs", "properdocs", "zensical"),
        default="mkdocs",
        help="the generator that builds OUT_DIR (default mkdocs): Zensical resolves URLs in raw HTML "
        "against each page's source file, MkDocs and properdocs leave them as written",
    )
    render.add_argument("--strict", action="store_true", help="exit 1 on warnings too")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "check":
        from .commands.check import run_check

        return run_check(args)
    from .commands.render import run_render

    return run_render(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
