"""The encrypted backup file: a tar stream sealed in chunks with AES-256-GCM.

Why our own ~80 lines rather than a library: backups can be larger than
memory, so Fernet (whole message at once) does not fit, and the streaming
tools (age, gpg) would add a binary or a native dependency for one command.
This is the standard STREAM construction (Hoang, Reyhanitabar, Rogaway and
Vizár, "Online Authenticated-Encryption and its Nonce-Reuse
Misuse-Resistance", CRYPTO 2015) on `cryptography`'s AES-GCM, which the app
already depends on:

* a fresh random salt per file derives the file's own key with HKDF-SHA256
  from ``BACKUP_ENCRYPTION_KEY``, so nonces never repeat across files;
* each chunk's nonce is its counter plus a "last chunk" flag, and the header
  is authenticated with every chunk: chunks cannot be reordered, dropped,
  swapped between files, or cut off at the end without decryption failing.

File layout: ``MAGIC`` (8 bytes), key id (8 bytes: the first bytes of the
key's SHA-256, to pick the right key after a rotation), salt (16 bytes), then
records of a 4-byte big-endian length and that many bytes of sealed chunk.
"""

from __future__ import annotations

import base64
import hashlib
import io
import os
import struct
from collections.abc import Iterator
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

MAGIC = b"MWBAK\x00\x01\x00"
CHUNK = 1 << 20  # 1 MiB of plaintext per sealed record
_HEADER = len(MAGIC) + 8 + 16
_TAG = 16


class BackupKeyError(Exception):
    """No configured key opens this file, or the key setting is malformed."""


class CorruptBackupError(Exception):
    """The file was changed, cut short or is not a Mendwell backup."""


def decode_key(text: str) -> bytes:
    try:
        raw = base64.urlsafe_b64decode(text.strip().encode())
    except (ValueError, TypeError) as error:
        raise BackupKeyError("BACKUP_ENCRYPTION_KEY is not valid base64.") from error
    if len(raw) != 32:
        raise BackupKeyError("BACKUP_ENCRYPTION_KEY must be 32 random bytes, base64-encoded.")
    return raw


def key_id(key: bytes) -> bytes:
    return hashlib.sha256(b"mendwell backup key id" + key).digest()[:8]


def _file_cipher(key: bytes, salt: bytes) -> AESGCM:
    derived = HKDF(
        algorithm=hashes.SHA256(), length=32, salt=salt, info=b"mendwell backup v1"
    ).derive(key)
    return AESGCM(derived)


def _nonce(counter: int, last: bool) -> bytes:
    return struct.pack(">QI", counter, 1 if last else 0)  # 12 bytes


class EncryptingWriter(io.RawIOBase):
    """A write-only file object: what is written to it lands sealed in ``sink``."""

    def __init__(self, sink: BinaryIO, key: bytes) -> None:
        super().__init__()
        salt = os.urandom(16)
        self._sink = sink
        self._header = MAGIC + key_id(key) + salt
        self._cipher = _file_cipher(key, salt)
        self._buffer = bytearray()
        self._counter = 0
        sink.write(self._header)

    def writable(self) -> bool:
        return True

    def write(self, data: bytes) -> int:  # type: ignore[override]
        self._buffer += data
        while len(self._buffer) > CHUNK:  # keep one chunk back: it may be the last
            self._seal(bytes(self._buffer[:CHUNK]), last=False)
            del self._buffer[:CHUNK]
        return len(data)

    def finish(self) -> None:
        """Seal the final chunk (possibly empty); without it the file reads as cut short."""
        self._seal(bytes(self._buffer), last=True)
        self._buffer.clear()

    def _seal(self, plain: bytes, *, last: bool) -> None:
        sealed = self._cipher.encrypt(_nonce(self._counter, last), plain, self._header)
        self._sink.write(struct.pack(">I", len(sealed)) + sealed)
        self._counter += 1


def decrypted_chunks(source: BinaryIO, keys: list[bytes]) -> Iterator[bytes]:
    """Yield the plaintext of a backup file chunk by chunk, checking every seal."""
    header = source.read(_HEADER)
    if len(header) != _HEADER or not header.startswith(MAGIC):
        raise CorruptBackupError("This is not a Mendwell backup file.")
    wanted, salt = header[len(MAGIC) : len(MAGIC) + 8], header[len(MAGIC) + 8 :]
    key = next((k for k in keys if key_id(k) == wanted), None)
    if key is None:
        raise BackupKeyError(
            "None of the keys in BACKUP_ENCRYPTION_KEY opens this backup "
            "(it was made with another key)."
        )
    cipher = _file_cipher(key, salt)
    counter = 0
    while True:
        length_bytes = source.read(4)
        if len(length_bytes) < 4:
            raise CorruptBackupError("The backup file is cut short.")
        (length,) = struct.unpack(">I", length_bytes)
        if length < _TAG or length > CHUNK + _TAG:
            raise CorruptBackupError("The backup file is damaged.")
        sealed = source.read(length)
        if len(sealed) != length:
            raise CorruptBackupError("The backup file is cut short.")
        for last in (False, True):
            try:
                plain = cipher.decrypt(_nonce(counter, last), sealed, header)
            except InvalidTag:
                continue
            break
        else:
            raise CorruptBackupError("The backup file is damaged or was changed.")
        yield plain
        counter += 1
        if last:
            if source.read(1):
                raise CorruptBackupError("The backup file has data after its end.")
            return


class DecryptingReader(io.RawIOBase):
    """A read-only file object over a backup's plaintext (for ``tarfile``'s stream mode)."""

    def __init__(self, source: BinaryIO, keys: list[bytes]) -> None:
        super().__init__()
        self._chunks = decrypted_chunks(source, keys)
        self._pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, target: bytearray | memoryview) -> int:  # type: ignore[override]
        while not self._pending:
            try:
                self._pending = next(self._chunks)
            except StopIteration:
                return 0
        size = min(len(target), len(self._pending))
        target[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size
