"""Metadata inside pictures: a photo taken on a phone carries the owner's name, the camera and often the
GPS position of the family home (EXIF). The domain brief lists embedded content among the usual leaks.

We remove the metadata blocks that can hold such text and keep everything the picture needs to display
(pixels, colour profile, Adobe colour transform). Pictures we cannot parse are left untouched: their
pixels are what the reader sees, and the checker can still flag them.
"""
from __future__ import annotations

import logging
import struct

logger = logging.getLogger(__name__)

# JPEG markers that carry text metadata: APP1 (EXIF, XMP), APP13 (IPTC / Photoshop), COM (comment).
_JPEG_DROP = {0xE1, 0xED, 0xFE}
# PNG chunks that carry text or metadata.
_PNG_DROP = {b"tEXt", b"zTXt", b"iTXt", b"eXIf", b"tIME"}
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def strip_metadata(data: bytes) -> tuple[bytes, int]:
    """Return the picture without its metadata blocks, and how many blocks were removed."""
    try:
        if data.startswith(b"\xff\xd8"):
            return _strip_jpeg(data)
        if data.startswith(_PNG_SIGNATURE):
            return _strip_png(data)
    except (IndexError, struct.error, ValueError) as err:
        logger.warning("Picture metadata could not be read (%s); the picture is left as it is", err)
    return data, 0


def _strip_jpeg(data: bytes) -> tuple[bytes, int]:
    out = bytearray(data[:2])
    position, removed = 2, 0
    while position < len(data):
        if data[position] != 0xFF:
            raise ValueError("JPEG segment does not start with a marker")
        marker = data[position + 1]
        if marker == 0xFF:  # fill byte
            position += 1
            continue
        if marker == 0xDA or marker == 0xD9:  # start of scan: the rest is picture data
            out += data[position:]
            return bytes(out), removed
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:
            out += data[position:position + 2]
            position += 2
            continue
        (length,) = struct.unpack(">H", data[position + 2:position + 4])
        end = position + 2 + length
        if end > len(data):
            raise ValueError("JPEG segment runs past the end of the file")
        if marker in _JPEG_DROP:
            removed += 1
        else:
            out += data[position:end]
        position = end
    return bytes(out), removed


def _strip_png(data: bytes) -> tuple[bytes, int]:
    out = bytearray(_PNG_SIGNATURE)
    position, removed = len(_PNG_SIGNATURE), 0
    while position < len(data):
        (length,) = struct.unpack(">I", data[position:position + 4])
        kind = data[position + 4:position + 8]
        end = position + 12 + length
        if end > len(data):
            raise ValueError("PNG chunk runs past the end of the file")
        if kind in _PNG_DROP:
            removed += 1
        else:
            out += data[position:end]
        position = end
        if kind == b"IEND":
            break
    return bytes(out), removed
