"""Files: finding `.dag` files, reading them, and writing them safely.

The command line's only contact with the disk. Reading never raises for a
file's content: bytes that are not UTF-8 come back as a `source.DecodeError`
to report at its place. Writing goes through a temporary file in the same
folder and a rename, so a file is never left half-written.
"""

from __future__ import annotations

import contextlib
import os
import stat
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


def expand(
    paths: list[str],
    on_empty: Callable[[str], None],
    on_unlisted: Callable[[Unreadable], None],
) -> Iterator[str]:
    """Each file named, and each `*.dag` file below each folder named, sorted.

    Below a folder, hidden folders and installed packages (`node_modules`)
    are passed over: they hold other people's trees, not the project's.

    `on_empty` is told of each folder that holds no `.dag` file, and
    `on_unlisted` of each folder whose files cannot be listed (which may
    hold trees that go unchecked).
    """
    for path in paths:
        if path != STDIN and os.path.isdir(path):
            unlisted: list[Unreadable] = []
            found = sorted(_below(path, unlisted.append))
            for error in unlisted:
                on_unlisted(error)
            if not found and not unlisted:
                on_empty(path)
            yield from found
        else:
            yield path


# Folders a walk passes over: hidden ones (`.git`, `.venv`) and installed
# packages. A folder named on the command line is read all the same.
_SKIPPED = ("node_modules", "__pycache__", "site-packages")


def _below(folder: str, on_unlisted: Callable[[Unreadable], None]) -> Iterator[str]:
    def unlisted(error: OSError) -> None:
        name = error.filename if isinstance(error.filename, str) else folder
        on_unlisted(Unreadable(f"cannot read '{name}': {error.strerror or error}"))

    for parent, folders, names in os.walk(folder, onerror=unlisted):
        folders[:] = [f for f in folders if not _skipped(f)]
        for name in names:
            if name.endswith(".dag") and _is_file(os.path.join(parent, name), unlisted):
                yield os.path.normpath(os.path.join(parent, name))


def _is_file(path: str, unlisted: Callable[[OSError], None]) -> bool:
    """Whether `path` is a regular file; one that cannot even be looked at
    (in a folder that may be listed but not entered) is told of."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except FileNotFoundError:
        return False  # a broken symbolic link: no tree there
    except OSError as error:
        unlisted(error)
        return False


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


def emit(text: str) -> None:
    """Write text to standard output as UTF-8 bytes, line endings untouched.

    A write into a pipe whose reader went away can take part of the bytes
    without an error; writing the rest then raises `BrokenPipeError`, so
    that a cut-off output is never taken for a whole one.
    """
    sys.stdout.flush()
    data = memoryview(text.encode("utf-8"))
    while data:
        written = sys.stdout.buffer.write(data)
        if not written:
            raise BrokenPipeError(32, "standard output takes no more")
        data = data[written:]
    sys.stdout.flush()


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

    if not _writable(path):
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


def _writable(path: str) -> bool:
    """Whether the file may be written, by its permissions as well as access.

    `os.access` alone says yes to root for any file; a file that no one may
    write (mode 444) is read-only for root too, as editors treat it.
    """
    mode = os.stat(path).st_mode
    return os.access(path, os.W_OK) and bool(mode & 0o222)


def _keep_owner(path: str, status: os.stat_result) -> None:
    """Give the new file the old one's owner, where this user may."""
    if (status.st_uid, status.st_gid) != (os.getuid(), os.getgid()):
        with contextlib.suppress(PermissionError):
            os.chown(path, status.st_uid, status.st_gid)
