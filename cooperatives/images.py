"""Shrink uploaded images so that pages stay light on mobile connections."""

import io
import logging

from django.core.files.base import ContentFile
from PIL import Image, ImageOps

logger = logging.getLogger(__name__)


def shrink_image(field_file, *, max_side: int) -> None:
    """Resize the stored image so that neither side exceeds max_side pixels.

    The result is saved as WebP, which is smaller than JPEG at the same
    quality and shown by every current mobile browser.
    """
    if not field_file:
        return
    with field_file.open("rb"), Image.open(field_file) as original:
        if max(original.size) <= max_side and original.format == "WEBP":
            return
        image = ImageOps.exif_transpose(original)
        image.thumbnail((max_side, max_side))
        if image.mode not in ("RGB", "RGBA"):
            image = image.convert("RGBA" if "A" in image.getbands() else "RGB")
        output = io.BytesIO()
        image.save(output, format="WEBP", quality=80)
    old_name = field_file.name
    stem = old_name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    field_file.save(f"{stem}.webp", ContentFile(output.getvalue()), save=True)
    if old_name != field_file.name:
        field_file.storage.delete(old_name)
    logger.info("Shrank image %s to %s", old_name, field_file.name)
