"""The `verdicts` option: icon classes beyond yes and no are verdicts everywhere, or not at all.

Expected values are written here by hand (VOCABULARY, the totals) and read from the exported
source with BeautifulSoup (`source_oracle`), never asked of the package.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import BuildSite, BuiltSite, build_in, write_docs
from exported import NO_ICON, Page, Row, render
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError
from source_oracle import read_source

from mkdocs_compare.cli import main
from mkdocs_compare.config import CompareConfig
from mkdocs_compare.verdicts import verdict_scale

OPTION = {
    "partial": {"label": "Partly", "type": "warning"},
    "plugin": {"label": "Via plugin", "type": "info"},
    "paid": {"label": "Paid plan", "type": "tip"},  # mapped, but no page says it
}
# icon class -> (admonition type, label), written from the option above and the README.
VOCABULARY = {
    "yes": ("success", "Yes"),
    "no": ("failure", "No"),
    "partial": ("warning", "Partly"),
    "plugin": ("info", "Via plugin"),
    "paid": ("tip", "Paid plan"),
}
UNSTATED = ("question", "Not stated")
PAGES = {
    "compare/conveyor.md": Page(
        tool="Conveyor",
        rows=[
            Row("Caching", "yes", "Cached.", "partial", "Some of it."),
            Row("Scheduling", "plugin", "With a plugin.", "no", "None."),
            Row("Lineage", "yes", "Full.", "Partial", "Written in capitals."),
        ],
    ),
    "compare/sluice.md": Page(
        tool="Sluice",
        layout="indented",
        rows=[
            Row("Caching", "yes", "Cached.", "yes", "Cached too."),
            Row("Scheduling", "yes", "Events.", "plugin", "Via an add-on."),
            Row("Lineage", NO_ICON, "No icon.", "no", "None."),
        ],
    ),
}
SOURCES = {path: render(page) for path, page in PAGES.items()}
# Worked out by hand: only yes counts (partial is warning, plugin info; neither is success).
TOTALS = {"Conveyor": ("0/3", "2/3"), "Sluice": ("1/3", "2/3")}


def expected(icon: str) -> tuple[str, str]:
    return VOCABULARY.get(icon.lower(), UNSTATED)


def word(icon: str) -> str:
    return icon.lower() if icon.lower() in VOCABULARY else "unknown"


def _site(build_site: BuildSite, pages: dict[str, str], option: dict[str, Any] = OPTION) -> BuiltSite:
    return build_site(pages, {"verdicts": option})


def test_mapped_classes_are_verdicts_on_the_page(build_site: BuildSite) -> None:
    site = _site(build_site, SOURCES)
    for path, source in SOURCES.items():
        page = read_source(source)
        soup = site.html(path.removesuffix(".md") + "/")
        rows = soup.select(".compare-grid__row")
        assert len(rows) == len(page.rows)
        for row, written in zip(rows, page.rows, strict=True):
            boxes = row.select(".compare-verdict")
            sides = zip(boxes, (page.product, page.tool), (written.product, written.tool), strict=True)
            for box, who, cell in sides:
                kind, label = expected(cell.icon)
                assert kind in box["class"], (path, written.name, box["class"])
                assert f"compare-verdict--{word(cell.icon)}" in box["class"]
                assert box.select_one(".admonition-title").get_text() == f"{who}: {label}"
    # Every icon is mapped (the Partial in capitals too): only the cell without one is warned.
    assert [w.split(": ", 2)[2] for w in site.warnings()] == [
        "'Lineage': the product cell has no verdict icon"
    ]


def test_mapped_classes_are_verdicts_in_the_summary(build_site: BuildSite) -> None:
    site = _site(build_site, SOURCES)
    soup = site.html("compare/")
    legend = soup.select_one(".cmp-legend").get_text()
    # Only the verdicts the pages say, in the option's order (the defaults first), unknown last.
    assert "(✓ Yes, ✗ No, ◐ Partly, + Via plugin, ? Not stated)" in legend
    assert "Paid plan" not in legend
    table = soup.select_one("table[data-compare-matrix]")
    codes = table["data-verdicts"].split()
    assert len(codes) == len(set(codes)) == 6 and codes[:2] == ["y", "n"] and codes[-1] == "u"
    partial, plugin = codes[2], codes[3]
    # compare.js reads each code's words here (a label may hold " / ", which it once split on).
    labels = json.loads(table["data-verdict-labels"])
    assert labels == {
        "y": "Yes",
        "n": "No",
        partial: "Partly",
        plugin: "Via plugin",
        codes[4]: "Paid plan",
        "u": "Not stated",
    }
    style = soup.select_one(".cmp-legend").find_previous("style").get_text()
    # Each new verdict's glyph is drawn for its own class, from its type (warning ◐, info +).
    assert re.search(rf"\.t-{partial}::before[^{{]*\{{content:\"\\25d0 \"", style)
    assert re.search(rf"\.t-{plugin}::before[^{{]*\{{content:\"\\2b \"", style)
    cells = {}
    for tr in table.select("tbody tr[data-slug]"):
        tool = tr.th.get_text(strip=True)
        assert tuple(td.get_text() for td in tr.select("td")[:2]) == TOTALS[tool]
        headers = [th.get_text(strip=True) for th in table.thead.select("th")]
        for index, td in enumerate(tr.find_all("td"), start=1):
            if td.get("class") and td["class"][0].startswith("t-"):
                cells[(tool, headers[index])] = td
    code = {"yes": "y", "no": "n", "partial": partial, "plugin": plugin}
    for source in SOURCES.values():
        page = read_source(source)
        for row in page.rows:
            td = cells[(page.tool, row.name)]
            assert f"t-{code.get(row.tool.icon.lower(), 'u')}" in td["class"]
            assert f"p-{code.get(row.product.icon.lower(), 'u')}" in td["class"]
            words = [b.get_text() for b in td.select("b")]
            assert words == [
                f"{page.tool}: {expected(row.tool.icon)[1]}.",
                f"Lattice: {expected(row.product.icon)[1]}.",
            ]


def test_exports_say_the_class_name(build_site: BuildSite) -> None:
    site = _site(build_site, SOURCES)
    data = json.loads(site.text("compare/comparisons.json"))
    assert data["version"] == 1
    assert [(v["verdict"], v["label"], v["type"]) for v in data["verdicts"]] == [
        ("yes", "Yes", "success"),
        ("no", "No", "failure"),
        ("partial", "Partly", "warning"),
        ("plugin", "Via plugin", "info"),
        ("paid", "Paid plan", "tip"),
        ("unknown", "Not stated", "question"),
    ]
    lines = list(csv.DictReader(io.StringIO(site.text("compare/comparisons.csv"))))
    for source in SOURCES.values():
        page = read_source(source)
        entry = next(c for c in data["comparisons"] if c["tool"] == page.tool)
        got = [(f["name"], f["product"]["verdict"], f["tool"]["verdict"]) for f in entry["features"]]
        assert got == [(r.name, word(r.product.icon), word(r.tool.icon)) for r in page.rows]
        rows = [
            (line["feature"], line["product_verdict"], line["tool_verdict"])
            for line in lines
            if line["tool"] == page.tool
        ]
        assert rows == got


def test_a_class_given_the_success_type_counts_in_the_totals(build_site: BuildSite) -> None:
    option = {**OPTION, "plugin": {"label": "Via plugin", "type": "success"}}
    soup = _site(build_site, SOURCES, option).html("compare/")
    totals = {
        tr.th.get_text(strip=True): tuple(td.get_text() for td in tr.select("td")[:2])
        for tr in soup.select("table[data-compare-matrix] tbody tr[data-slug]")
    }
    assert totals == {"Conveyor": ("0/3", "3/3"), "Sluice": ("2/3", "2/3")}  # by hand: plugin is a yes now


def test_an_unmapped_class_is_still_warned_and_fails_strict(build_site: BuildSite) -> None:
    page = Page(rows=[Row("Caching", "yes", "a", "partial", "b"), Row("Tracing", "maybe", "c", "no", "d")])
    site = _site(build_site, {"compare/conveyor.md": render(page)})
    warnings = site.warnings()
    assert len(warnings) == 1
    assert re.match(
        r"compare: compare/conveyor\.md:\d+ \(row 2\): 'Tracing': unknown icon class 'icon maybe'",
        warnings[0],
    )
    boxes = site.html("compare/conveyor/").select(".compare-verdict")
    assert [box["class"][1] for box in boxes] == ["success", "warning", "question", "failure"]


def _check_site(root: Path, rows: list[Row], option: str) -> Path:
    write_docs(root / "docs", {"index.md": "# Home\n", "compare/conveyor.md": render(Page(rows=rows))})
    config = f"site_name: x\nplugins:\n  - compare:\n      verdicts:\n{option}"
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    return root


PARTIAL_YAML = "        partial: {label: Partly, type: warning}\n"


def test_check_knows_the_vocabulary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _check_site(tmp_path / "ok", [Row("Caching", "yes", "a", "partial", "b")], PARTIAL_YAML)
    monkeypatch.chdir(root)
    assert main(["check"]) == 0
    assert capsys.readouterr().out == ""
    build(load_config(str(root / "mkdocs.yml"), strict=True))  # the strict build passes too

    rows = [Row("Caching", "yes", "a", "partial", "b"), Row("Tracing", "maybe", "c", "no", "d")]
    root = _check_site(tmp_path / "bad", rows, PARTIAL_YAML)
    monkeypatch.chdir(root)
    assert main(["check"]) == 1
    out = capsys.readouterr().out.splitlines()
    source = (root / "docs/compare/conveyor.md").read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(source, 1) if "icon maybe" in text)
    assert out == [
        f"docs/compare/conveyor.md:{line}: warning: row 2: 'Tracing': unknown icon class 'icon maybe' in "
        "the product cell (expected 'icon yes' or 'icon no' or 'icon partial', or map the class in the "
        "`verdicts` option)"
    ]
    with pytest.raises(Abort):
        build(load_config(str(root / "mkdocs.yml"), strict=True))


@pytest.mark.parametrize(
    ("option", "says"),
    [
        ("        partial: {label: Partly, type: orange}\n", "'orange' is not a Material admonition type"),
        ("        partial: {label: '', type: warning}\n", "`label` must be a non-empty string"),
        ("        partial: {label: [a], type: warning}\n", "`label` must be a non-empty string"),
        ("        partial: {type: warning}\n", "missing `label`"),
        ("        partial: {label: Partly}\n", "missing `type`"),
        ("        partial: {label: Partly, type: warning, colour: red}\n", "unknown key(s) 'colour'"),
        ("        'x\" onclick=\"y': {label: X, type: info}\n", "is not a plain CSS class name"),
        ("        9lives: {label: X, type: info}\n", "is not a plain CSS class name"),
        ("        unknown: {label: X, type: info}\n", "'unknown' is reserved"),
        ("        Partial: {label: X, type: info}\n        partial: {label: Y, type: info}\n", "given twice"),
        ("        yes: {type: '\"><b>'}\n", "is not a Material admonition type"),
    ],
)
def test_a_bad_vocabulary_is_a_config_error(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    option: str,
    says: str,
) -> None:
    root = _check_site(tmp_path, [Row("Caching")], option)
    with pytest.raises((Abort, ConfigurationError)):
        load_config(str(root / "mkdocs.yml"))
    monkeypatch.chdir(root)
    assert main(["check"]) == 1
    out = capsys.readouterr().out
    assert "error: field 'verdicts': compare plugin option 'verdicts': " in out and says in out, out
    assert "more characters" not in out  # the message fits on its line


def test_yes_and_no_are_redefined_and_reordered(build_site: BuildSite) -> None:
    option = {
        "yes": {"label": "Ja"},
        "partial": {"label": "Teils", "type": "warning"},
        "no": {"type": "danger"},
    }
    rows = [Row("Caching", "yes", "a", "no", "b"), Row("Tracing", "partial", "c", "yes", "d")]
    site = build_site(
        {"compare/conveyor.md": render(Page(rows=rows))}, {"verdicts": option, "labels": {"no": "Nein"}}
    )
    titles = [
        (box["class"][1], box.p.get_text())
        for box in site.html("compare/conveyor/").select(".compare-verdict")
    ]
    assert titles == [
        ("success", "Lattice: Ja"),
        ("danger", "Conveyor: Nein"),  # no's label still comes from `labels`, its type from `verdicts`
        ("warning", "Lattice: Teils"),
        ("success", "Conveyor: Ja"),
    ]
    data = json.loads(site.text("compare/comparisons.json"))
    assert [v["verdict"] for v in data["verdicts"]] == ["yes", "partial", "no", "unknown"]
    legend = site.html("compare/").select_one(".cmp-legend").get_text()
    assert "(✓ Ja, ◐ Teils, ! Nein)" in legend


def test_a_bare_yes_key_in_mkdocs_yml_is_the_yes_class(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """PyYAML reads `yes:` and `no:` as booleans; the option takes them for the classes."""
    root = _check_site(
        tmp_path,
        [Row("Caching", "yes", "a", "no", "b")],
        "        yes: {label: Ja}\n        no: {label: Nein}\n",
    )
    build(load_config(str(root / "mkdocs.yml"), strict=True))
    soup = BeautifulSoup((root / "site/compare/conveyor/index.html").read_text("utf-8"), "html.parser")
    assert [box.p.get_text() for box in soup.select(".compare-verdict")] == ["Lattice: Ja", "Conveyor: Nein"]


def test_labels_yes_and_no_still_work_without_the_option(build_site: BuildSite) -> None:
    site = build_site({"compare/conveyor.md": render(Page())}, {"labels": {"yes": "Oui", "no": "Non"}})
    titles = [box.p.get_text() for box in site.html("compare/conveyor/").select(".compare-verdict")]
    assert titles == ["Lattice: Oui", "Conveyor: Non", "Lattice: Oui", "Conveyor: Oui"]


HOSTILE = '</script><img src=x onerror=alert(1)>"><img src=y>'


def test_a_hostile_label_stays_text_in_page_summary_and_json(build_site: BuildSite) -> None:
    option = {"partial": {"label": HOSTILE, "type": "warning"}}
    page = Page(rows=[Row("Caching", "yes", "a", "partial", "b")])
    site = build_site({"compare/conveyor.md": render(page)}, {"verdicts": option})
    for url in ("compare/conveyor/", "compare/"):
        raw = (site.site_dir / url / "index.html").read_text(encoding="utf-8")
        soup = BeautifulSoup(raw, "html.parser")
        assert soup.find("img", src="x") is None and soup.find("img", src="y") is None, url
        assert "onerror=alert(1)>" not in raw and "</script><img" not in raw
    title = site.html("compare/conveyor/").select(".compare-verdict")[1].p
    assert title.get_text() == f"Conveyor: {HOSTILE}"
    summary = site.html("compare/")
    assert f"Conveyor: {HOSTILE}." in [b.get_text() for b in summary.select("table[data-compare-matrix] b")]
    assert f"◐ {HOSTILE}" in summary.select_one(".cmp-legend").get_text()
    said = json.loads(summary.select_one("table[data-compare-matrix]")["data-verdict-labels"])
    assert HOSTILE in said.values()  # the words compare.js shows, whole; the page stays inert (above)
    style = summary.select_one(".cmp-legend").find_previous("style").get_text()
    assert "img" not in style and "script" not in style
    data = json.loads(site.text("compare/comparisons.json"))
    assert [v["label"] for v in data["verdicts"] if v["verdict"] == "partial"] == [HOSTILE]


def test_the_readme_config_loads_in_its_order() -> None:
    """The README's config to copy is valid, and its order is the vocabulary's."""
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Verdict vocabulary", 1)[1]
    block = section.split("```yaml\n", 1)[1].split("```", 1)[0]
    option = yaml.safe_load(block)["plugins"][0]["compare"]["verdicts"]
    config = CompareConfig()
    config.load_dict({"verdicts": option})
    assert config.validate() == ([], [])
    scale = verdict_scale(config.verdicts)
    assert [(k.name, k.label, k.type) for k in scale.all] == [
        ("yes", "Yes", "success"),
        ("partial", "Partly", "warning"),
        ("plugin", "Via plugin", "info"),
        ("paid", "Paid plans", "tip"),
        ("no", "No", "failure"),
        ("unknown", "Not stated", "question"),
    ]


def test_render_uses_the_vocabulary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`mkdocs-compare render` reads `verdicts` from the same config: Markdown for other generators."""
    rows = [Row("Caching", "yes", "a", "partial", "b")]
    root = _check_site(tmp_path / "site", rows, PARTIAL_YAML)
    out = tmp_path / "out"
    assert main(["render", str(root / "docs"), str(out), "--config", str(root / "mkdocs.yml")]) == 0
    assert "unknown icon class" not in capsys.readouterr().err
    page = BeautifulSoup((out / "compare/conveyor.md").read_text(encoding="utf-8"), "html.parser")
    boxes = page.select(".compare-verdict")
    assert [(box["class"][1], box.p.get_text()) for box in boxes] == [
        ("success", "Lattice: Yes"),
        ("warning", "Conveyor: Partly"),
    ]
    data = json.loads((out / "compare/comparisons.json").read_text(encoding="utf-8"))
    assert data["comparisons"][0]["features"][0]["tool"]["verdict"] == "partial"
    summary = BeautifulSoup((out / "compare/index.md").read_text(encoding="utf-8"), "html.parser")
    assert "◐ Partly" in summary.select_one(".cmp-legend").get_text()


def test_the_markdown_extension_uses_the_vocabulary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The Markdown-extension front end (for Zensical) takes `verdicts` with its other options."""
    rows = [Row("Caching", "yes", "a", "partial", "b"), Row("Tracing", "plugin", "c", "maybe", "d")]
    summary = "# Comparisons\n\n<!-- compare-summary -->\n"
    write_docs(
        tmp_path / "docs",
        {"index.md": "# Home\n", "compare/index.md": summary, "compare/conveyor.md": render(Page(rows=rows))},
    )
    monkeypatch.chdir(tmp_path)
    config = {
        "site_name": "x",
        "theme": "material",
        "docs_dir": "docs",
        "plugins": ["search"],
        "markdown_extensions": [{"mkdocs_compare.markdown": {"verdicts": OPTION}}],
    }
    built = build_in(tmp_path, config)
    boxes = built.html("compare/conveyor/").select(".compare-verdict")
    assert [(box["class"][1], box.p.get_text()) for box in boxes] == [
        ("success", "Lattice: Yes"),
        ("warning", "Conveyor: Partly"),
        ("info", "Lattice: Via plugin"),
        ("question", "Conveyor: Not stated"),
    ]
    unknown = [w for w in built.warnings() if "unknown icon class" in w]
    assert len(unknown) == 1 and "'icon maybe'" in unknown[0] and "(row 2)" in unknown[0]
    assert "◐ Partly" in built.html("compare/").select_one(".cmp-legend").get_text()
    data = json.loads(built.text("compare/comparisons.json"))
    assert [f["tool"]["verdict"] for f in data["comparisons"][0]["features"]] == ["partial", "unknown"]
