"""Domain errors carry a message fit to show the person (already translated, lazily)."""

from __future__ import annotations


class DomainError(Exception):
    """A rule of the domain refused the request; ``message`` is safe to show to the user."""

    def __init__(self, message: str, *, code: str = "invalid") -> None:
        super().__init__(message)
        self.message = message
        self.code = code


class IllegalTransition(DomainError):
    def __init__(self, message: str) -> None:
        super().__init__(message, code="illegal_transition")
