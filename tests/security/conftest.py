"""Fixtures for the hostile-input tests: forged uploads and a staff account."""

import io
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from ..factories import UserFactory


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # Every persona's password is hashed on creation, and PBKDF2 is slow.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def plain_staff(db):
    """A user who may open Django admin but has no model permission."""
    return UserFactory(email="staf.admin@contoh.id", is_staff=True)


def image_bytes(image_format: str, size: tuple[int, int] = (64, 64)) -> bytes:
    buffer = io.BytesIO()
    Image.effect_noise(size, 80).convert("RGB").save(buffer, format=image_format)
    return buffer.getvalue()


def upload(name: str, content: bytes, content_type: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


def webp_html_polyglot() -> bytes:
    """Return a valid WebP image followed by an HTML page with a script."""
    html = b"<html><body><script>alert(document.domain)</script></body></html>"
    return image_bytes("WEBP", (16, 16)) + html


def truncated_jpeg() -> bytes:
    """Return the first half of a JPEG: Pillow opens it but cannot decode it."""
    content = image_bytes("JPEG", (400, 400))
    return content[: len(content) // 2]


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    checksum = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", checksum)


def png_header_only(width: int, height: int) -> bytes:
    """Return a PNG whose header claims width × height RGB pixels but has
    almost no pixel data, as a decompression bomb or a cut-off file does.
    """
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", zlib.compress(b"\x00" * 100))
        + _png_chunk(b"IEND", b"")
    )
