"""Check that a change leaves every output of the example site byte for byte as it was.

For moves of code between modules (which must change nothing a user sees): builds the example
site with MkDocs (pages, `search_index.json`, the summary and its exports) and runs
`mkdocs-compare render` on it, once from a clean checkout of REF and once from the working
tree, then compares the two output folders file by file.

    python scripts/same_output.py              # the working tree against HEAD
    python scripts/same_output.py --base main  # ... against another commit

Exit status 0 when every file is identical, 1 when any differs (each is listed), 2 on misuse.
"""

from __future__ import annotations

import argparse
import filecmp
import gzip
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

RENDER = (
    "import sys; from mkdocs_compare.cli import main; "
    "sys.exit(main(['render', sys.argv[1], sys.argv[2], '--config', sys.argv[3], '--snippet', sys.argv[4]]))"
)


def build_outputs(tree: Path, out: Path) -> None:
    """Everything the example site produces, written under `out` (site/, render/, snippet.yml)."""
    env = {**os.environ, "PYTHONPATH": str(tree), "PYTHONHASHSEED": "0"}
    config = tree / "mkdocs.yml"
    commands = [
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(out / "site")],
        [
            sys.executable,
            "-c",
            RENDER,
            str(tree / "example_site" / "docs"),
            str(out / "render"),
            str(config),
            str(out / "snippet.yml"),
        ],
    ]
    for command in commands:
        done = subprocess.run(command, cwd=tree, env=env, capture_output=True, text=True)
        if done.returncode not in (0, 1):  # render exits 1 for problems in pages: outputs still count
            sys.exit(f"{' '.join(command[:4])} failed in {tree}:\n{done.stderr}")


def _content(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data  # gzip headers hold a time


def differences(before: Path, after: Path) -> list[str]:
    names = {p.relative_to(before) for p in before.rglob("*") if p.is_file()}
    names |= {p.relative_to(after) for p in after.rglob("*") if p.is_file()}
    found = []
    for name in sorted(names):
        a, b = before / name, after / name
        if not a.is_file() or not b.is_file():
            found.append(f"{name}: only in {'the working tree' if b.is_file() else 'the base'}")
        elif not filecmp.cmp(a, b, shallow=False) and _content(a) != _content(b):
            found.append(f"{name}: differs")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="HEAD", help="the commit to compare with (default HEAD)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="same-output-") as temp:
        base_tree = Path(temp) / "base"
        added = subprocess.run(
            ["git", "worktree", "add", "--detach", str(base_tree), args.base],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        if added.returncode:
            print(f"same_output: cannot check out {args.base}: {added.stderr.strip()}", file=sys.stderr)
            return 2
        try:
            build_outputs(base_tree, Path(temp) / "before")
            build_outputs(ROOT, Path(temp) / "after")
            found = differences(Path(temp) / "before", Path(temp) / "after")
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(base_tree)], cwd=ROOT)
    for line in found:
        print(line)
    count = sum(1 for _ in found)
    print(f"same_output: {'identical' if not found else f'{count} file(s) differ'} against {args.base}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
