"""The office key's signatures: what one key signs, only its public half verifies."""

from frontera_desk.exchange import signing


def test_a_signature_holds_only_for_its_document_and_key():
    key, other = signing.new_private_key(), signing.new_private_key()
    document = {"oficina": "TAP", "revision": 2, "importe": 2150700, "nombre": "Núñez"}
    signature = signing.sign(key, document)
    public = signing.public_bytes(key)
    assert signing.verify(public, dict(reversed(document.items())), signature)  # key order
    assert not signing.verify(public, {**document, "importe": 2150701}, signature)
    assert not signing.verify(signing.public_bytes(other), document, signature)
    assert not signing.verify(public, document, "no es base64!")
    assert not signing.verify(b"short", document, signature)


def test_the_fingerprint_is_short_stable_and_tells_keys_apart():
    key = signing.new_private_key()
    public = signing.public_bytes(key)
    print_ = signing.fingerprint(public)
    assert print_ == signing.fingerprint(public)
    assert len(print_) == 19 and print_.count("-") == 3
    assert print_ != signing.fingerprint(signing.public_bytes(signing.new_private_key()))
