"""Validators for cooperative identifiers and uploaded images."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

# Nomor Induk Koperasi, issued by the Ministry of Cooperatives under
# Permenkop UKM 10/2016, is printed on NIK certificates as 16 digits.
# NOTE: the digit count comes from issued certificates; the regulation text
# that fixes it has not been checked. See docs/identifiers.md.
COOPERATIVE_NUMBER_LENGTH = 16
# Nomor Induk Berusaha, issued by the OSS (Online Single Submission)
# licensing system, has 13 digits.
NIB_LENGTH = 13

ALLOWED_IMAGE_FORMATS = {"JPEG", "PNG", "WEBP"}
# The media URL serves a stored file with the type its extension names, so an
# image named evil.html would be served as a page.
ALLOWED_IMAGE_EXTENSIONS = {"jpg", "jpeg", "png", "webp"}
MAX_IMAGE_BYTES = 5 * 1024 * 1024
# Pillow only refuses images above about 179 megapixels, far above any photo
# a phone takes; 40 megapixels rejects decompression bombs early.
MAX_IMAGE_PIXELS = 40_000_000


def _validate_digits(value: str, length: int, label: str) -> None:
    if not (value.isascii() and value.isdigit()):
        raise ValidationError(
            _("%(label)s may contain digits only."),
            code="digits",
            params={"label": label},
        )
    if len(value) != length:
        raise ValidationError(
            _("%(label)s must have exactly %(length)d digits; you entered %(count)d."),
            code="length",
            params={"label": label, "length": length, "count": len(value)},
        )


def validate_cooperative_number(value: str) -> None:
    _validate_digits(value, COOPERATIVE_NUMBER_LENGTH, _("The NIK"))


def validate_nib(value: str) -> None:
    _validate_digits(value, NIB_LENGTH, _("The NIB"))


def validate_image_upload(upload) -> None:
    """Reject files that are not whole JPEG, PNG or WebP images of a sane size.

    The check reads the bytes with Pillow, so an SVG or HTML file renamed to
    .png is rejected as well, and so is an image named anything but .jpg,
    .jpeg, .png or .webp. The pixels are decoded once here, so that a
    truncated file is rejected before it is stored and shrunk.
    """
    message = _("Image format must be JPG, PNG or WebP.")
    size = getattr(upload, "size", None)
    if size is not None and size > MAX_IMAGE_BYTES:
        raise ValidationError(
            _("The image is larger than 5 MB. Choose a smaller photo."),
            code="too_large",
        )
    extension = (getattr(upload, "name", None) or "").rpartition(".")[2].lower()
    if extension not in ALLOWED_IMAGE_EXTENSIONS:
        raise ValidationError(message, code="invalid_image")
    position = None
    try:
        position = upload.tell() if hasattr(upload, "tell") else None
        with Image.open(upload) as image:
            image_format = image.format
            width, height = image.size
            image.verify()
    except Image.DecompressionBombError as error:
        raise _too_many_pixels() from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise ValidationError(message, code="invalid_image") from error
    finally:
        if position is not None:
            upload.seek(position)
    if image_format not in ALLOWED_IMAGE_FORMATS:
        raise ValidationError(message, code="invalid_image")
    if width * height > MAX_IMAGE_PIXELS:
        raise _too_many_pixels()
    _validate_image_decodes(upload, position)


def _too_many_pixels() -> ValidationError:
    return ValidationError(
        _("The image has too many pixels. Use a photo under 40 megapixels."),
        code="too_many_pixels",
    )


def _validate_image_decodes(upload, position: int | None) -> None:
    # verify() reads only the structure of a file, so a JPEG cut off halfway
    # passes it and fails later, when the image is shrunk.
    try:
        with Image.open(upload) as image:
            image.load()
    except (OSError, SyntaxError, ValueError) as error:
        raise ValidationError(
            _("The image file is damaged or incomplete. Choose another photo."),
            code="damaged_image",
        ) from error
    finally:
        if position is not None:
            upload.seek(position)
