"""A cheap guess at a code sample's language, for samples exported without one."""

from __future__ import annotations

import re


def guess_language(code: str) -> str:
    """A cheap guess for code samples exported without a language (highlighting needs one)."""
    stripped = code.lstrip()
    if re.search(r"^\s*(from \S+ import |import \w|def \w|class \w|@\w)", code, re.M):
        return "python"
    if stripped.startswith(("{", "[")):
        return "json"
    if stripped.startswith(("$ ", "#!/", "pip ", "docker ", "kubectl ")) or re.search(r"^\s*\$ ", code, re.M):
        return "bash"
    if re.search(r"^\s*(SELECT|CREATE|INSERT)\b", code, re.M | re.I):
        return "sql"
    if re.search(r"^[\w.-]+:\s*(\S.*)?$", code, re.M) and not re.search(r"[(;]\s*$", code, re.M):
        return "yaml"
    if re.search(r"\b(print|return|lambda)\b|=\s*\w+\(", code):
        return "python"
    return "text"
