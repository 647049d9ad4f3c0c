"""One running app per data folder, and a warning for folders that are shared or synced."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from frontera_desk.domain.errors import FronteraError
from frontera_desk.paths import Paths

LOCK_NAME = "frontera-desk.lock"
_SYNCED = ("onedrive", "dropbox", "google drive", "googledrive", "icloud", "mega", "nextcloud",
           "owncloud", "box sync", "pcloud")  # fmt: skip
_NETWORK_FS = {"nfs", "nfs4", "cifs", "smbfs", "smb3", "fuse.sshfs", "9p", "afs", "davfs",
               "fuse.rclone", "fuse.gvfsd-fuse"}  # fmt: skip


@contextmanager
def instance_lock(app_paths: Paths) -> Iterator[None]:
    """Hold the data folder's lock, or refuse. A lock left by a crashed app is taken over."""
    from PySide6.QtCore import QLockFile  # QtCore only: no display needed

    app_paths.data_dir.mkdir(parents=True, exist_ok=True)
    lock = QLockFile(str(app_paths.data_dir / LOCK_NAME))
    lock.setStaleLockTime(0)  # stale only when the process that took it is gone
    if not lock.tryLock(200):
        if lock.error() != QLockFile.LockError.LockFailedError:  # it could not write the lock
            if not os.access(app_paths.data_dir, os.W_OK):  # nobody can write there either
                yield
                return
            raise FronteraError(
                f"No se pudo crear el bloqueo en {app_paths.data_dir}: revise sus permisos."
            )
        pid, host, _app = lock.getLockInfo()
        raise FronteraError(
            f"Frontera Desk ya está abierto con esta carpeta de datos (proceso {pid} en {host}). "
            "Use esa ventana, o ciérrela antes de continuar."
        )
    try:
        yield
    finally:
        lock.unlock()


def shared_folder_warning(folder: Path) -> str | None:
    """Why this folder is risky for a live database (synced or on the network), or None."""
    resolved = folder.resolve()
    lowered = str(resolved).lower()
    for name in _SYNCED:
        if name in lowered:
            return (
                f"La carpeta de datos ({resolved}) parece sincronizada con la nube ({name}). "
                "La sincronización puede dañar una base de datos abierta: use una carpeta local y "
                "lleve los respaldos a la nube o a una memoria USB."
            )
    fs = _filesystem(resolved)
    if fs in _NETWORK_FS:
        return (
            f"La carpeta de datos está en una unidad de red ({fs}). Un corte de red puede dañar "
            "la base de datos: use una carpeta local de este equipo."
        )
    return None


def _filesystem(path: Path) -> str | None:
    """The filesystem type holding ``path`` (Linux; None elsewhere)."""
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return None
    best, kind = "", None
    for line in mounts:
        parts = line.split()
        if len(parts) >= 3:
            point = parts[1].replace("\\040", " ")
            if (str(path) == point or str(path).startswith(point.rstrip("/") + "/")) and len(
                point
            ) > len(best):
                best, kind = point, parts[2]
    return kind if os.name == "posix" else None
