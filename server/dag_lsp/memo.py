"""Memo: values remembered from the last version of a document.

Each version is read in a new generation: what it looks up is carried over
from the generation before, and whatever it does not use is forgotten when
the next version starts, so memory follows the document.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class Generations(Generic[K, V]):
    """A cache that keeps what the current and the last version used."""

    def __init__(self) -> None:
        self._current: dict[K, V] = {}
        self._previous: dict[K, V] = {}

    def new_version(self) -> None:
        """Start a new version: forget what the last one did not use."""
        self._previous, self._current = self._current, {}

    def get(self, key: K) -> V | None:
        """The value remembered for `key`, kept for this version too."""
        value = self._current.get(key)
        if value is None:
            value = self._previous.get(key)
            if value is not None:
                self._current[key] = value
        return value

    def keep(self, keys: Iterable[K]) -> None:
        """Keep the values of `keys` for this version without looking them up."""
        for key in keys:
            if key not in self._current and key in self._previous:
                self._current[key] = self._previous[key]

    def put(self, key: K, value: V) -> None:
        """Remember a value for this version."""
        self._current[key] = value

    def __len__(self) -> int:
        return len(self._current)
