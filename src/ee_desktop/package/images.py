"""Photos and scans to PDF pages, with Pillow.

An image is turned the right way up (its EXIF orientation), made RGB (or kept grey), and
downsampled so that its longer side is at most LONG_SIDE pixels: 2000 px is about 200 dpi
over an A4 or Letter page, a legible scan, and a 12-megapixel phone photo (4000 px) shrinks
to a quarter of its pixels. Each image is one PDF page sized to the image at DPI (a 2000-px
photo makes a 10-inch page, near enough the size of the sheet it shows); its pixels are
stored as JPEG at the quality asked (build.QUALITIES).

HEIC/HEIF (the iPhone's own format) is recognised by its signature but not converted: the
user is told how to save JPEG instead.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from PIL import Image, ImageOps, ImageSequence

LONG_SIDE = 2000
DPI = 200
FORMATS = ("JPEG", "PNG", "WEBP", "TIFF", "BMP", "GIF")
# The major brands of an ISO-BMFF file ("....ftypXXXX") that are HEIC/HEIF images.
HEIF_BRANDS = frozenset(
    (b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"hevm", b"hevs", b"mif1", b"msf1")
)


class ImageProblem(Exception):
    """The image cannot be read (damaged, too large, or not an image)."""


def is_heif(data: bytes) -> bool:
    return data[4:8] == b"ftyp" and data[8:12] in HEIF_BRANDS


def _upright(frame: Image.Image) -> Image.Image:
    image = ImageOps.exif_transpose(frame) or frame
    if image.mode in ("1", "L", "I;16", "I", "F"):
        return image.convert("L")
    if image.mode == "P" and "transparency" in image.info:
        image = image.convert("RGBA")
    if image.mode in ("RGBA", "LA", "PA"):  # transparent parts become white paper
        white = Image.new("RGB", image.size, "white")
        white.paste(image.convert("RGBA"), mask=image.convert("RGBA").getchannel("A"))
        return white
    return image.convert("RGB")


def load_pages(data: bytes, long_side: int = LONG_SIDE) -> list[Image.Image]:
    """The pages of an image file (a multi-page TIFF has several), upright and downsampled;
    raises ImageProblem."""
    try:
        with Image.open(io.BytesIO(data), formats=FORMATS) as image:
            if image.format == "JPEG":  # decode at a reduced size: much faster for photos
                scale = max(image.size) / long_side
                if scale > 1:
                    image.draft("RGB", (int(image.size[0] / scale), int(image.size[1] / scale)))
            pages = []
            for frame in ImageSequence.Iterator(image):
                frame.load()
                page = _upright(frame)
                if max(page.size) > long_side:
                    page.thumbnail((long_side, long_side), Image.Resampling.LANCZOS)
                pages.append(page)
    except (OSError, ValueError, SyntaxError, EOFError, Image.DecompressionBombError) as exc:
        raise ImageProblem(str(exc)) from None
    if not pages:
        raise ImageProblem("no image")
    return pages


def pages_pdf(pages: Sequence[Image.Image], quality: int) -> bytes:
    """A PDF with one page per image, its pixels as JPEG at ``quality``."""
    out = io.BytesIO()
    first, *rest = pages
    first.save(
        out, "PDF", save_all=True, append_images=rest, resolution=float(DPI), quality=quality
    )
    return out.getvalue()
