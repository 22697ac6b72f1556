"""Memory: keep Python's cyclic collector off the analyses.

An analysis of a large file is hundreds of thousands of objects that live
until the next version and hold no reference cycles (reference counting
frees them). Left to itself, the collector scans them all again and again,
pausing the server for a third of a second at any request. After each
version is analyzed, `settle` moves every object alive to the collector's
permanent generation, where it is no longer scanned.

A cycle that was alive at that moment and dies later is not collected
until the objects are handed back to the collector, which `settle` does
once every `RETURN_EVERY` versions, bounding what such cycles can hold.
"""

from __future__ import annotations

import gc

RETURN_EVERY = 1000


class Settler:
    """Freezes the objects alive after each analysis; unfreezes now and then."""

    def __init__(self) -> None:
        self._versions = 0

    def settle(self) -> None:
        """Called after each analysis."""
        self._versions += 1
        if self._versions % RETURN_EVERY == 0:
            gc.unfreeze()
            gc.collect()
        gc.freeze()
