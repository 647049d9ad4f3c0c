"""Ed25519 signatures of the office key: canonical bytes, sign, verify, fingerprint.

Pure code (no database): the office key signs its monthly packages and the checkpoints of its
audit chain; headquarters knows an office by the public half. The private key is held by the
services only while a supervisor or an administrator is signed in.
"""

from __future__ import annotations

import base64
import hashlib
import json
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

ALGORITHM = "ed25519"
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def canonical(document: Any) -> bytes:
    """The one byte form of a JSON document that is signed and checked."""
    return json.dumps(
        document, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False
    ).encode("utf-8")


def new_private_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def public_bytes(key: Ed25519PrivateKey | Ed25519PublicKey) -> bytes:
    public = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    return public.public_bytes(Encoding.Raw, PublicFormat.Raw)


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    """Strict base64 (a ValueError for anything else)."""
    return base64.b64decode(text.encode("ascii"), validate=True)


def sign(key: Ed25519PrivateKey, document: Any) -> str:
    """The signature of the document's canonical bytes, in base64."""
    return b64(key.sign(canonical(document)))


def verify(public_key: bytes, document: Any, signature: str) -> bool:
    """Whether ``signature`` (base64) is the office key's signature of ``document``."""
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(
            unb64(signature), canonical(document)
        )
    except (InvalidSignature, ValueError, TypeError):
        return False
    return True


def fingerprint(public_key: bytes) -> str:
    """A short form of a public key to read over the phone: 80 bits of its SHA-256 in
    Crockford base32, four groups of four (``7KQ2-M9XD-…``)."""
    bits = int.from_bytes(hashlib.sha256(public_key).digest()[:10], "big")
    chars = "".join(_CROCKFORD[(bits >> (75 - 5 * i)) & 31] for i in range(16))
    return "-".join(chars[i : i + 4] for i in range(0, 16, 4))
