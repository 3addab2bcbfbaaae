"""Text hidden inside image files: PNG text chunks and JPEG EXIF/XMP fields (author, description,
comments), where cameras, phones and editors write names. Read without decoding the picture, so no
imaging library is needed; a damaged image simply yields nothing here (SCR223 still asks for a look)."""
from __future__ import annotations

import re
import struct
import zlib

# EXIF tags that hold free text (TIFF IFD0): description, make/model are not personal, these are.
_EXIF_TEXT = {0x010E: "description", 0x013B: "artist", 0x8298: "copyright", 0x9C9B: "title", 0x9C9C: "comment",
              0x9C9D: "author", 0x9C9E: "keywords", 0x9C9F: "subject"}
_XMP_TEXT = re.compile(rb"<(dc:creator|dc:description|dc:title|dc:rights|photoshop:AuthorsPosition|xmp:CreatorTool)"
                       rb"[^>]*>(.*?)</\1>", re.DOTALL)
_TAGS = re.compile(r"<[^>]+>")


def image_text(data: bytes) -> list[tuple[str, str]]:
    """(field, text) pairs found in the image's metadata."""
    try:
        if data.startswith(b"\x89PNG\r\n\x1a\n"):
            return _png(data)
        if data.startswith(b"\xff\xd8"):
            return _jpeg(data)
    except (struct.error, zlib.error, ValueError, IndexError):
        return []
    return []


def _png(data: bytes) -> list[tuple[str, str]]:
    found = []
    position = 8
    while position + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        body = data[position + 8:position + 8 + length]
        position += 12 + length
        if kind == b"tEXt":
            key, _, value = body.partition(b"\x00")
            found.append((key.decode("latin-1"), value.decode("latin-1")))
        elif kind == b"zTXt":
            key, _, rest = body.partition(b"\x00")
            found.append((key.decode("latin-1"), zlib.decompress(rest[1:]).decode("latin-1")))
        elif kind == b"iTXt":
            key, _, rest = body.partition(b"\x00")
            compressed, rest = rest[0], rest[2:]
            _, _, rest = rest.partition(b"\x00")  # language tag
            _, _, text = rest.partition(b"\x00")  # translated keyword
            text = zlib.decompress(text) if compressed else text
            found.append((key.decode("latin-1"), text.decode("utf-8", "replace")))
        elif kind == b"IEND":
            break
    return [(k, v) for k, v in found if v.strip()]


def _jpeg(data: bytes) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    position = 2
    while position + 4 <= len(data) and data[position] == 0xFF:
        marker = data[position + 1]
        if marker in (0xD9, 0xDA):  # end of image, start of the picture data: no metadata after this
            break
        length = struct.unpack(">H", data[position + 2:position + 4])[0]
        body = data[position + 4:position + 2 + length]
        position += 2 + length
        if marker == 0xE1 and body.startswith(b"Exif\x00\x00"):
            found.extend(_exif(body[6:]))
        elif marker == 0xE1 and b"<x:xmpmeta" in body:
            for tag, value in _XMP_TEXT.findall(body):
                text = " ".join(_TAGS.sub(" ", value.decode("utf-8", "replace")).split())
                found.append((tag.decode(), text))
        elif marker == 0xFE:
            found.append(("comment", body.decode("latin-1")))
    return [(k, v) for k, v in found if v.strip()]


def _exif(tiff: bytes) -> list[tuple[str, str]]:
    order = "<" if tiff[:2] == b"II" else ">"
    (offset,) = struct.unpack(order + "I", tiff[4:8])
    (count,) = struct.unpack(order + "H", tiff[offset:offset + 2])
    found = []
    for index in range(count):
        entry = tiff[offset + 2 + 12 * index: offset + 14 + 12 * index]
        tag, kind, number = struct.unpack(order + "HHI", entry[:8])
        if tag not in _EXIF_TEXT or kind not in (1, 2, 7):
            continue
        size = number  # bytes for ASCII (2), BYTE (1) and UNDEFINED (7)
        raw = entry[8:8 + size] if size <= 4 else tiff[struct.unpack(order + "I", entry[8:12])[0]:][:size]
        if tag >= 0x9C9B:  # Windows XP fields are UTF-16
            text = raw.decode("utf-16-le", "replace")
        else:
            text = raw.decode("utf-8", "replace")
        found.append((_EXIF_TEXT[tag], text.strip("\x00 ")))
    return found
