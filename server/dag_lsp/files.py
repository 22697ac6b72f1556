"""Files: finding `.dag` files, reading them, and writing them safely.

The command line's only contact with the disk. Reading never raises for a
file's content: bytes that are not UTF-8 come back as a `source.DecodeError`
to report at its place. Writing goes through a temporary file in the same
folder and a rename, so a file is never left half-written.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator
from typing import NamedTuple

from dag_lsp.source import DecodeError, decode

STDIN = "-"


class Unreadable(OSError):
    """A path that names no readable file or folder."""


class Unwritable(OSError):
    """A file that could not be replaced; it is left as it was."""


class Input(NamedTuple):
    """A file's name as the user gave it, and its text or why it has none."""

    name: str
    text: str | None
    error: DecodeError | None = None


def expand(paths: list[str], on_empty: Callable[[str], None]) -> Iterator[str]:
    """Each file named, and each `*.dag` file below each folder named, sorted.

    Below a folder, hidden folders and installed packages (`node_modules`)
    are passed over: they hold other people's trees, not the project's.

    `on_empty` is told of each folder that holds no `.dag` file.
    """
    for path in paths:
        if path != STDIN and os.path.isdir(path):
            found = sorted(_below(path))
            if not found:
                on_empty(path)
            yield from found
        else:
            yield path


# Folders a walk passes over: hidden ones (`.git`, `.venv`) and installed
# packages. A folder named on the command line is read all the same.
_SKIPPED = ("node_modules", "__pycache__", "site-packages")


def _below(folder: str) -> Iterator[str]:
    for parent, folders, names in os.walk(folder):
        folders[:] = [f for f in folders if not _skipped(f)]
        for name in names:
            if name.endswith(".dag") and os.path.isfile(os.path.join(parent, name)):
                yield os.path.normpath(os.path.join(parent, name))


def _skipped(folder: str) -> bool:
    return folder.startswith(".") or folder in _SKIPPED


def read(name: str) -> Input:
    """Read a file (or standard input for `-`); raises `Unreadable`."""
    try:
        data = _stdin() if name == STDIN else _bytes(name)
    except OSError as error:
        raise Unreadable(f"cannot read '{name}': {error.strerror or error}") from None

    try:
        return Input(name, decode(data))
    except DecodeError as error:
        return Input(name, None, error)


def _bytes(name: str) -> bytes:
    if os.path.exists(name) and not os.path.isfile(name):
        raise OSError("not a regular file")
    with open(name, "rb") as stream:
        return stream.read()


def _stdin() -> bytes:
    if sys.stdin is None:
        raise OSError("there is no standard input")
    return sys.stdin.buffer.read()


def write(name: str, text: str) -> None:
    """Replace a file's content all at once, keeping its permissions.

    A symbolic link is followed: the file it names is replaced and the link
    stays a link. Raises `Unwritable`, the file untouched, when it cannot.
    """
    try:
        _replace(os.path.realpath(name), text)
    except OSError as error:
        raise Unwritable(f"cannot write '{name}': {error.strerror or error}") from None


def _replace(path: str, text: str) -> None:
    """Write beside the file, then rename over it, keeping mode and owner.

    NOTE: a file with other hard links becomes a file of its own; writing
    in place would keep the links but could leave a half-written file.
    """
    import tempfile

    if not os.access(path, os.W_OK):
        raise PermissionError(13, "the file is read-only")

    folder, base = os.path.split(path)
    status = os.stat(path)
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{base}.")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
        os.chmod(temporary, status.st_mode)
        _keep_owner(temporary, status)
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise


def _keep_owner(path: str, status: os.stat_result) -> None:
    """Give the new file the old one's owner, where this user may."""
    if (status.st_uid, status.st_gid) != (os.getuid(), os.getgid()):
        with contextlib.suppress(PermissionError):
            os.chown(path, status.st_uid, status.st_gid)
