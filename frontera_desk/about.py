"""What "Acerca de" shows: the program's version and the components it bundles, with licenses.

Read from the installed packages' metadata, so the list is true for this build; the PyInstaller
spec copies the same metadata (``COMPONENTS``) into the one-folder build.
"""

from __future__ import annotations

import platform
from dataclasses import dataclass
from importlib import metadata

from frontera_desk import __version__

# Distribution names of what a build bundles (the run-time dependencies and theirs).
COMPONENTS = (
    "PySide6-Essentials", "PySide6-Addons", "shiboken6", "SQLAlchemy", "alembic", "Mako",
    "MarkupSafe", "reportlab", "rl-accel", "pillow", "openpyxl", "et_xmlfile", "platformdirs",
    "babel", "sqlcipher3", "argon2-cffi", "argon2-cffi-bindings", "cffi", "pycparser",
    "cryptography", "jsonschema", "jsonschema-specifications", "referencing", "rpds-py",
    "attrs", "typing_extensions", "psycopg", "psycopg-binary",
)  # fmt: skip

# Bundled pieces that are not Python packages.
OTHERS = (
    ("Python", platform.python_version(), "PSF-2.0", "https://docs.python.org/3/license.html"),
    ("Qt", None, "LGPL-3.0-only", "https://www.qt.io/licensing/open-source-lgpl-obligations"),
    ("SQLCipher", None, "BSD-3-Clause", "https://www.zetetic.net/sqlcipher/license/"),
    ("DejaVu Sans", None, "Bitstream Vera", "https://dejavu-fonts.github.io/License.html"),
)

LICENSE_FILE_HINTS = ("licen", "copying", "notice")


@dataclass(frozen=True)
class Component:
    name: str
    version: str
    license: str
    text: str  # the license text shipped with it, or where to read it


def _license_name(meta: metadata.PackageMetadata) -> str:
    fields = meta.json
    if fields.get("license_expression"):
        return str(fields["license_expression"])
    classifiers = [c.rsplit("::", 1)[-1].strip() for c in fields.get("classifier", [])
                   if c.startswith("License ::")]  # fmt: skip
    if classifiers:
        return ", ".join(classifiers)
    first_line = str(fields.get("license", "")).strip().splitlines()
    return first_line[0][:60] if first_line else "—"  # not declared: the text says


def _license_text(dist: metadata.Distribution) -> str:
    texts = []
    for file in dist.files or []:
        if "dist-info" in str(file) and any(h in file.name.lower() for h in LICENSE_FILE_HINTS):
            content = file.read_text(encoding="utf-8")
            if content:
                texts.append(content.strip())
    return "\n\n".join(texts)


def components() -> list[Component]:
    """Every bundled component that is installed, sorted by name (case-insensitive)."""
    found = []
    for name in COMPONENTS:
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        license_name = _license_name(dist.metadata)
        text = _license_text(dist) or f"{name}: {license_name}"
        found.append(Component(dist.metadata["Name"], dist.version, license_name, text))
    for name, version, license_name, url in OTHERS:
        if name == "Qt":  # PySide6 carries Qt's libraries, of the same version
            version = next((c.version for c in found if c.name.startswith("PySide6")), None)
        found.append(Component(name, version or "", license_name, f"{name}: {license_name}\n{url}"))
    return sorted(found, key=lambda c: c.name.lower())


def program() -> Component:
    return Component("Frontera Desk", __version__, "GPL-3.0-or-later",
                     "https://www.gnu.org/licenses/gpl-3.0.html")  # fmt: skip
