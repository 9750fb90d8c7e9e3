"""The package's layout rules: a pure core under thin front ends, small files, short functions.

Front ends are the only modules that may know MkDocs: the plugin and its option schema, the
command line and its commands. Everything else must import on a machine without MkDocs (Zensical's
Markdown-extension route and any other generator reuse it), and nothing but a front end imports the
plugin.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "mkdocs_compare"
# Modules (relative to the package, POSIX, without .py) that may import MkDocs.
FRONT_ENDS = {"plugin", "plugin_files", "config", "cli", "markdown"}
FRONT_END_FOLDERS = {"commands"}
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 80


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        name = path.relative_to(PACKAGE).with_suffix("").as_posix()
        found[name.removesuffix("/__init__") if name != "__init__" else ""] = path
    return found


def _is_front_end(name: str) -> bool:
    return name in FRONT_ENDS or name.split("/", 1)[0] in FRONT_END_FOLDERS


def _dotted(name: str) -> str:
    return "mkdocs_compare" + ("." + name.replace("/", ".") if name else "")


def test_the_core_imports_without_mkdocs() -> None:
    core = [_dotted(name) for name in _modules() if not _is_front_end(name)]
    assert len(core) >= 5, core  # the rule must be about something
    script = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('mkdocs', 'material', 'properdocs'):\n"
        "            raise ImportError('blocked: ' + name)\n"
        "sys.meta_path.insert(0, Block())\n"
        "import importlib\n"
        f"for name in {core!r}:\n"
        "    importlib.import_module(name)\n"
        "print('imported', len(sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("imported")


def _imported_modules(path: Path, name: str) -> set[str]:
    """Absolute dotted names a module imports (relative imports resolved)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = _dotted(name if path.name == "__init__.py" else name.rpartition("/")[0]).split(".")
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, node.module] if node.module else base)
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return found


def test_only_front_ends_import_the_plugin_or_mkdocs() -> None:
    offenders = []
    for name, path in _modules().items():
        if _is_front_end(name):
            continue
        for module in _imported_modules(path, name):
            root = module.split(".")[0]
            if module.startswith("mkdocs_compare.plugin") or root in ("mkdocs", "material"):
                offenders.append(f"{path.relative_to(PACKAGE.parent)} imports {module}")
    assert not offenders, "\n".join(offenders)


def test_the_rule_sees_an_import_of_the_plugin(tmp_path: Path) -> None:
    """The import scan itself: a relative import of the plugin is found."""
    module = tmp_path / "core.py"
    module.write_text("from .plugin import ComparePlugin\nfrom . import model\n", encoding="utf-8")
    assert "mkdocs_compare.plugin.ComparePlugin" in _imported_modules(module, "core")
    assert "mkdocs_compare.model" in _imported_modules(module, "core")


@pytest.mark.parametrize("name", sorted(_modules()), ids=lambda name: name or "__init__")
def test_modules_and_functions_are_short(name: str) -> None:
    path = _modules()[name]
    text = path.read_text(encoding="utf-8")
    lines = text.count("\n") + (not text.endswith("\n"))
    assert lines <= MAX_MODULE_LINES, f"{path.name}: {lines} lines, more than {MAX_MODULE_LINES}"
    long = [
        f"{node.name} ({node.end_lineno - node.lineno + 1} lines, line {node.lineno})"
        for node in ast.walk(ast.parse(text))
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
        and node.end_lineno is not None
        and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES
    ]
    assert not long, f"{path.name}: functions over {MAX_FUNCTION_LINES} lines: {', '.join(long)}"
