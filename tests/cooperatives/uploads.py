"""Uploaded files for form tests: real PNG bytes and an SVG."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

SVG_BYTES = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b'<script>alert("x")</script></svg>'
)


def png_upload(name: str = "logo.png", size: tuple[int, int] = (1024, 768)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "green").save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def svg_upload(name: str):
    return SimpleUploadedFile(name, SVG_BYTES, content_type="image/svg+xml")
