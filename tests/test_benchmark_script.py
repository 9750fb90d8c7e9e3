"""The benchmark script runs end to end on a tiny site (no timing is asserted: machines vary)."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).parent.parent
BENCH = REPO / "benchmarks" / "bench.py"


def test_benchmark_runs_and_updates_a_readme(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("# x\n\n<!-- bench:start -->\nold table\n<!-- bench:end -->\n\nafter\n", "utf-8")
    figures = tmp_path / "figures.json"
    done = subprocess.run(
        [
            sys.executable,
            str(BENCH),
            "--quick",
            "--sizes=6",
            "--runs=1",
            f"--workdir={tmp_path / 'work'}",
            f"--json={figures}",
            "--update-readme",
            f"--readme={readme}",
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    data = json.loads(figures.read_text("utf-8"))
    (size,) = data["sizes"]
    assert size["count"] == 6
    for variant in ("without", "with", "no-summary", "guess-off"):
        assert len(size["seconds"][variant]) == 1 and size["seconds"][variant][0] > 0
        assert size["peak_mb"][variant][0] > 10  # MB: a Python process with MkDocs loaded
    # Every sample of the six pages was counted; the pages have two each.
    assert size["highlighted"][1] == 12
    # The hooks were timed, and the generated pages gave no warnings.
    assert {"on_files", "on_page_markdown"} <= set(size["hooks"])
    assert size["warnings"] == 0, size["first_warnings"]
    # Serve emulation: same plugin object across rebuilds, only the edited page parsed again.
    assert data["serve"]["same_plugin_object"] is True
    assert data["serve"]["parsed_rebuild"] == 1
    assert data["serve"]["parsed_first"] >= 6
    assert data["serve"]["rendered_rebuild"] == 1  # a note edited: no other page shows it
    # Three rebuilds, each after editing one more page, each parsing and rendering only that one.
    assert len(data["serve"]["hooks_rebuilds"]) == 3 and all(t > 0 for t in data["serve"]["hooks_rebuilds"])
    assert data["serve"]["hooks_rebuild"] == sorted(data["serve"]["hooks_rebuilds"])[1]
    assert data["guess"]["samples"] == 12 and 0 <= data["guess"]["right"] <= 12
    # Every parser backend read the same rows as ours.
    assert all(b["agrees"] in (True, None) for b in data["backends"] if b["ms"] is not None)
    text = readme.read_text("utf-8")
    assert "old table" not in text and text.endswith("after\n")
    assert "| 6 |" in text and "ratio" in text


def test_generated_pages_are_realistic() -> None:
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        import corpus
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
    from mkdocs_compare.parse import parse_comparison

    pages = corpus.generate(60)
    sizes = [len(text.encode("utf-8")) for text in pages.values()]
    assert 8_000 < sum(sizes) / len(sizes) < 12_000
    names: set[str] = set()
    for path, text in pages.items():
        result = parse_comparison(text, path)
        assert result.comparison is not None and not result.problems, (path, result.problems)
        page = result.comparison
        assert 7 <= len(page.features) <= 15
        assert all(120 <= len(f.product.note) <= 200 for f in page.features)
        assert len(page.code_samples) == 2 and len(page.learn_more) == 3
        assert all(20 <= s.code.count("\n") + 1 <= 40 for s in page.code_samples)
        names.update(f.name for f in page.features)
    assert names <= set(corpus.FEATURES) and len(set(corpus.FEATURES)) == 76
    # Both code forms and all three layouts appear.
    assert any("<pre><code" in text for text in pages.values())
    assert any("```" in text for text in pages.values())


def test_a_parser_that_is_not_installed_is_named_not_measured(monkeypatch: Any) -> None:
    """The README's parser table says which library to install, not a truncated exception."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        import backends
        import report
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
    real = importlib.util.find_spec
    without_lxml = lambda name, *rest: None if name == "lxml" else real(name, *rest)  # noqa: E731
    monkeypatch.setattr(importlib.util, "find_spec", without_lxml)
    page = (REPO / "example_site" / "docs").glob("**/*.md")
    pages = [p.read_text("utf-8") for p in page if "tooltiptext" in p.read_text("utf-8")][:2]
    assert pages
    rows = {row["backend"]: row for row in backends.compare_backends(pages, 1)}
    lxml = rows["BeautifulSoup + lxml, table fragment"]
    assert lxml["ms"] is None and lxml["missing"] == "lxml"
    assert rows["BeautifulSoup + html.parser, table fragment"]["ms"] is not None
    table = "\n".join(report._backend_table(list(rows.values())))
    assert "| BeautifulSoup + lxml, table fragment | not measured: lxml is not installed" in table
