"""PDF attachments, with pypdf: read (an owner-only password is opened; a real password or
a damaged file is a problem), compress without loss, and merge."""

from __future__ import annotations

import io
import logging
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress

from pypdf import PdfReader, PdfWriter


class PdfProblem(Exception):
    """The PDF cannot go in the package; ``kind`` says why: "password" or "damaged"."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind


@contextmanager
def quiet() -> Iterator[None]:
    """pypdf's warnings about the small faults it repairs are not for the user's terminal."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


def is_pdf(data: bytes) -> bool:
    return b"%PDF-" in data[:1024]


def _compressed(writer: PdfWriter) -> bytes:
    for page in writer.pages:
        try:
            page.compress_content_streams()
        except Exception:  # noqa: BLE001 - a stream pypdf cannot recompress stays as it was
            continue
    with suppress(Exception):  # an optimisation only
        writer.compress_identical_objects(remove_identicals=True, remove_orphans=True)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def clean_copy(data: bytes) -> tuple[bytes, int]:
    """The PDF rewritten without a password and with its content streams compressed, and
    its page count; raises PdfProblem."""
    with quiet():
        try:
            reader = PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted:
                try:  # only an owner password: opens with none
                    opened = bool(reader.decrypt(""))
                except Exception:  # noqa: BLE001 - an unknown method: as good as locked
                    opened = False
                if not opened:
                    raise PdfProblem("password")
            writer = PdfWriter()
            writer.append(reader)
            pages = len(writer.pages)
            if pages == 0:
                raise PdfProblem("damaged")
            return _compressed(writer), pages
        except PdfProblem:
            raise
        except Exception:  # noqa: BLE001 - whatever a damaged file makes pypdf raise
            raise PdfProblem("damaged") from None


def merge(parts: Sequence[bytes]) -> tuple[bytes, int]:
    """One PDF of the clean PDFs ``parts`` in order, and its page count."""
    with quiet():
        writer = PdfWriter()
        for part in parts:
            writer.append(PdfReader(io.BytesIO(part)))
        pages = len(writer.pages)
        with suppress(Exception):  # an optimisation only
            writer.compress_identical_objects(remove_identicals=True, remove_orphans=True)
        out = io.BytesIO()
        writer.write(out)
        return out.getvalue(), pages
