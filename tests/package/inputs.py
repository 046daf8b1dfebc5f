"""Real inputs for upload packages, made in a test's folder."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
from PIL import Image
from reportlab.pdfgen import canvas

HEIC = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + bytes(200)


def photo_12mp(path: Path) -> Path:
    """A 4000×3000 phone photo at quality 95: noise, the worst case for JPEG (~13 MB)."""
    bands = [Image.effect_noise((4000, 3000), 60).convert("L") for _ in range(3)]
    Image.merge("RGB", bands).save(path, quality=95)
    return path


def png(path: Path) -> Path:
    Image.linear_gradient("L").resize((800, 600)).convert("RGBA").save(path)
    return path


def two_page_pdf() -> bytes:
    out = io.BytesIO()
    pdf = canvas.Canvas(out)
    for number in (1, 2):
        pdf.drawString(100, 700, f"page {number}")
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def encrypted_pdf() -> bytes:
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(two_page_pdf()))
    writer.encrypt("secret")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def damaged_pdf() -> bytes:
    data = two_page_pdf()
    return data[: len(data) // 2]
