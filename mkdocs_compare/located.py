"""How body readers report a problem: a callable taking the message and where it is."""

from __future__ import annotations

from typing import Protocol

from .model import Severity


class Warn(Protocol):
    """Records a problem at a source line (and table row) of the page being read."""

    def __call__(
        self, message: str, *, line: int = 0, row: int | None = None, severity: Severity = Severity.WARNING
    ) -> None: ...
