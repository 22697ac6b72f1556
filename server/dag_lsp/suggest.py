"""Suggestions: the defined id closest to a misspelled one."""

from __future__ import annotations

from collections.abc import Iterable


def closest(name: str, candidates: Iterable[str]) -> str | None:
    """The candidate most like `name`: the same but for case, or a close one."""
    pool = list(candidates)
    folded = {candidate.casefold(): candidate for candidate in pool}
    if name.casefold() in folded:
        return folded[name.casefold()]

    from difflib import get_close_matches  # only when a name is misspelled

    matches = get_close_matches(name, pool, n=1, cutoff=0.6)
    return matches[0] if matches else None
