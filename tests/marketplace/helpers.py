"""Helpers for marketplace tests: uploads and query counting."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image


def jpeg_upload(width: int = 1600, height: int = 1200, name: str = "foto.jpg"):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (30, 120, 60)).save(buffer, format="JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def count_queries(client, url: str) -> int:
    """Return the number of queries of one GET, after a warm-up request.

    The warm-up fills the session cache, so both counts compared in a test
    are taken in the same state.
    """
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context)
